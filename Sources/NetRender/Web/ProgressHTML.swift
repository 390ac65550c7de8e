import NetLang

/// Training progress for a live Jupyter display: the text line in a `<pre>`, and once there
/// are two epochs of loss, a small loss curve beside it that grows as training goes on.
struct ProgressHTML {
    var precision: Int
    let width = 320.0, height = 72.0, pad = 6.0

    func render(_ p: NetLang.Progress, line: String) -> String {
        var html = HTMLText.pre(line)
        let losses = p.history.enumerated().filter { $0.element.isFinite }
        guard losses.count >= 2 else { return html }
        let scale = AxisScale(values: losses.map(\.element), ticks: 2, snap: false)
        let last = Double(max(1, p.history.count - 1))
        var svg = SVGWriter(width: width, height: height)
        let plotW = width - 2 * pad - 60, plotH = height - 2 * pad
        let points = losses.map { (i, v) in
            (pad + Double(i) / last * plotW, pad + (1 - scale.fraction(v)) * plotH)
        }
        svg.rect(pad, pad, plotW, plotH, fill: "none", stroke: "#ccc")
        svg.polyline(PlotSVG.thinned(points), stroke: SVGWriter.color(0))
        let hi = scale.high, lo = scale.low
        svg.text(NumberFormat.shown(hi, precision: precision), x: pad + plotW + 4, y: pad + 9, size: 10)
        svg.text(NumberFormat.shown(lo, precision: precision), x: pad + plotW + 4, y: pad + plotH, size: 10)
        svg.text("loss per epoch", x: pad + 4, y: pad + 11, size: 10, extra: " fill=\"#666\"")
        html += "<div class=\"netbook-progress\">" + svg.document + "</div>"
        return html
    }
}
