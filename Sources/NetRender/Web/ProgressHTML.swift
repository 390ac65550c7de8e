import NetCore
import NetLang

/// Training progress for a live Jupyter display: the text line in a `<pre>`, and once there
/// are two points of loss, a small curve of the loss per step beside it (the same series
/// the final loss curve shows), growing as training goes on. The history is at most 500
/// points (TrainingLoop's sketch), so an update stays small however long the run.
struct ProgressHTML {
    var precision: Int
    let width = 320.0, height = 72.0, pad = 6.0

    /// Throws `Interrupted` when drawing the live decision map is interrupted.
    func render(_ p: NetLang.Progress, line: String) throws -> String {
        var html = HTMLText.wrappingPre(line) + curve(p)
        // `live: decision`: the decision region at this step, below the line and the curve.
        if let map = p.decision {
            html += "<div class=\"netbook-live-decision\">" + (try PlotSVG(width: 480, height: 340).render(map)) + "</div>"
        }
        return html
    }

    private func curve(_ p: NetLang.Progress) -> String {
        var html = ""
        let losses = zip(p.historySteps, p.history).filter { $0.1.isFinite }
        guard losses.count >= 2, let first = p.historySteps.first, let final = p.historySteps.last else { return "" }
        let scale = AxisScale(values: losses.map(\.1), ticks: 2, snap: false)
        let span = Double(max(1, final - first))
        var svg = SVGWriter(width: width, height: height)
        let plotW = width - 2 * pad - 60, plotH = height - 2 * pad
        let points = losses.map { (step, v) in
            (pad + Double(step - first) / span * plotW, pad + (1 - scale.fraction(v)) * plotH)
        }
        svg.rect(pad, pad, plotW, plotH, fill: "none", stroke: "#ccc")
        svg.polyline(PlotSVG.thinned(points), stroke: SVGWriter.color(0))
        let hi = scale.high, lo = scale.low
        svg.text(NumberFormat.shown(hi, precision: precision), x: pad + plotW + 4, y: pad + 9, size: 10)
        svg.text(NumberFormat.shown(lo, precision: precision), x: pad + plotW + 4, y: pad + plotH, size: 10)
        // Top right: the loss starts high at the left, so a label there sat on the curve.
        svg.text("loss per step", x: pad + plotW - 4, y: pad + 11, anchor: "end", size: 10, extra: " fill=\"#666\"")
        html += "<div class=\"netbook-progress\">" + svg.document + "</div>"
        return html
    }
}
