import NetCore
import NetLang
import NetSupport

/// A plot as a standalone SVG: title, axes with ticks and tick labels, axis labels,
/// a legend, and the lines, points (shape and colour by class) or shaded decision grid.
///
///     let svg = PlotSVG().render(plot)   // "<svg xmlns=\"http://www.w3.org/2000/svg\" …"
struct PlotSVG {
    var width = 640.0
    var height = 420.0
    let left = 72.0, right = 24.0, top = 40.0, bottomSpace = 80.0

    /// Throws `Interrupted` when the work is interrupted (Interruption.swift).
    func render(_ plot: Plot) throws -> String {
        let g = PlotGeometry(plot, xTicks: 8, yTicks: 6)
        var svg = SVGWriter(width: width, height: height)
        svg.title = "\(plot.kind) plot: \(plot.title)"
        let plotW = width - left - right, plotH = height - top - bottomSpace
        let bottom = top + plotH
        func px(_ v: Double) -> Double { left + g.x.fraction(v) * plotW }
        func py(_ v: Double) -> Double { bottom - g.y.fraction(v) * plotH }

        if let grid = plot.grid, let shading = g.shading { shade(&svg, grid, shading, plotW: plotW, plotH: plotH) }
        // Grid lines and ticks first, so data sits on top.
        for t in g.x.ticks {
            svg.line(px(t), top, px(t), bottom, stroke: "#e6e6e6")
            svg.line(px(t), bottom, px(t), bottom + 5)
            svg.text(g.x.label(t), x: px(t), y: bottom + 19, anchor: "middle", size: 11)
        }
        for t in g.y.ticks {
            svg.line(left, py(t), left + plotW, py(t), stroke: "#e6e6e6")
            svg.line(left - 5, py(t), left, py(t))
            svg.text(g.y.label(t), x: left - 8, y: py(t) + 4, anchor: "end", size: 11)
        }
        svg.rect(left, top, plotW, plotH, fill: "none", stroke: "#333")
        svg.text(plot.title, x: left + plotW / 2, y: 24, anchor: "middle", size: 15, weight: "bold")
        svg.text(plot.xLabel, x: left + plotW / 2, y: bottom + 40, anchor: "middle", size: 12)
        svg.text(plot.yLabel, x: 18, y: top + plotH / 2, anchor: "middle", size: 12,
                 extra: " transform=\"rotate(-90 18 \(SVGWriter.n(top + plotH / 2)))\"")

        let check = { (i: Int) in try Interruption.check(item: i, every: PlotText.pointsPerCheck) }
        for (si, s) in plot.series.enumerated() {
            try Interruption.check()
            switch plot.kind {
            case .line:
                // A non-finite value breaks the line rather than the picture.
                var run: [(Double, Double)] = []
                for (i, (x, y)) in zip(s.x, s.y).enumerated() {
                    try check(i)
                    if x.isFinite && y.isFinite { run.append((px(x), py(y))); continue }
                    if run.count > 1 { Self.curve(&svg, Self.thinned(run), series: si, of: plot.series.count) }
                    run = []
                }
                if run.count > 1 { Self.curve(&svg, Self.thinned(run), series: si, of: plot.series.count) }
                if run.count == 1 { marker(&svg, run[0].0, run[0].1, kind: 0, color: SVGWriter.color(si)) }
            case .scatter, .decision:
                for (i, (x, y)) in zip(s.x, s.y).enumerated() where x.isFinite && y.isFinite {
                    try check(i)
                    let k = PlotGeometry.pointClass(s, i).map { $0 - 1 } ?? si
                    marker(&svg, px(x), py(y), kind: k, color: SVGWriter.color(k))
                }
            }
        }
        legend(&svg, plot, shading: g.shading, y: height - 14)
        return svg.document
    }

    private func shade(_ svg: inout SVGWriter, _ grid: Plot.Grid, _ shading: GridShading, plotW: Double, plotH: Double) {
        let rows = grid.values.count
        for (r, row) in grid.values.enumerated() where !row.isEmpty {
            let h = plotH / Double(rows), w = plotW / Double(row.count)
            for (c, v) in row.enumerated() {
                let fill: String
                switch shading {
                // The same colour as the points of that class.
                case .classes: fill = Self.pale(SVGWriter.color((WholeNumber.clamped(v, to: 1...32) ?? 1) - 1))
                case .values(let lo, let hi):
                    let f = v.isFinite ? min(1, max(0, (v - lo) / (hi - lo))) : 0
                    fill = Self.pale(Self.blend(f))
                }
                // Overlap by a hair so no seams show between cells.
                svg.rect(left + Double(c) * w, top + Double(r) * h, w + 0.5, h + 0.5, fill: fill)
            }
        }
    }

    /// One curve of several: each in its own colour and dash, the first widest, so that where
    /// curves coincide (relu and step are both 0 left of the origin) the earlier one shows
    /// around and between the dashes of those drawn over it.
    static func curve(_ svg: inout SVGWriter, _ points: [(Double, Double)], series k: Int, of count: Int) {
        let style = curveStyle(series: k, of: count)
        svg.polyline(points, stroke: SVGWriter.color(k), width: style.width, dash: style.dash)
    }

    /// Width and dash of curve k of `count`: a lone curve is a plain 1.5 px line.
    static func curveStyle(series k: Int, of count: Int) -> (width: Double, dash: String?) {
        guard count > 1 else { return (1.5, nil) }
        let dashes: [String?] = [nil, "9 4", "3 3", "12 3 3 3"]
        return (3 - 0.5 * Double(k % 4), dashes[k % dashes.count])
    }

    /// A long line (the loss of 50 000 steps) kept to what the picture can show: per pixel
    /// column its first, lowest, highest and last point, so spikes survive and the SVG stays small.
    static func thinned(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 2000 else { return points }
        var out: [(Double, Double)] = []
        var bucket: [(Double, Double)] = []
        func flush() {
            guard let first = bucket.first, let last = bucket.last,
                  let low = bucket.max(by: { $0.1 < $1.1 }), let high = bucket.min(by: { $0.1 < $1.1 }) else { return }
            // In x order, without repeating a point.
            for p in [first] + [low, high].sorted(by: { $0.0 < $1.0 }) + [last] where out.last.map({ $0 != p }) ?? true {
                out.append(p)
            }
            bucket = []
        }
        for p in points {
            if let first = bucket.first, p.0.rounded(.down) != first.0.rounded(.down) { flush() }
            bucket.append(p)
        }
        flush()
        return out
    }

    /// From the first palette colour (low) to the second (high).
    static func blend(_ f: Double) -> String {
        let a = (0x00, 0x72, 0xB2), b = (0xD5, 0x5E, 0x00)
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * f).rounded()) }
        let hex = [mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2)].map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }
        return "#" + hex.joined()
    }

    /// A colour mixed 70% with white, opaque: a background the points stand out on
    /// (opaque, because overlapping translucent cells would show seams).
    static func pale(_ hex: String) -> String {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return hex }
        let parts = stride(from: 0, to: 6, by: 2).map { Int(String(digits[$0...$0 + 1]), radix: 16) ?? 0 }
        let mixed = parts.map { Int((Double($0) * 0.3 + 255 * 0.7).rounded()) }
        return "#" + mixed.map { cFormat("%02x", $0) }.joined()
    }

    /// Classes differ in shape as well as colour: circle, square, triangle, diamond.
    private func marker(_ svg: inout SVGWriter, _ x: Double, _ y: Double, kind: Int, color: String) {
        let n = SVGWriter.n, r = 4.0
        switch ((kind % 4) + 4) % 4 {
        case 0: svg.raw("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"0.8\"/>")
        case 1: svg.rect(x - r, y - r, 2 * r, 2 * r, fill: color, stroke: "white")
        case 2: svg.raw("<path d=\"M\(n(x)),\(n(y - r - 1)) L\(n(x + r + 1)),\(n(y + r)) L\(n(x - r - 1)),\(n(y + r)) Z\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"0.8\"/>")
        default: svg.raw("<path d=\"M\(n(x)),\(n(y - r - 1)) L\(n(x + r + 1)),\(n(y)) L\(n(x)),\(n(y + r + 1)) L\(n(x - r - 1)),\(n(y)) Z\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"0.8\"/>")
        }
    }

    private func legend(_ svg: inout SVGWriter, _ plot: Plot, shading: GridShading?, y: Double) {
        var items: [(String, Int, Bool)] = []   // label, colour/shape index, is a line
        var classes = PlotGeometry.classes(plot)
        // A map shaded by class names its classes even when the points carry none.
        if case .classes(let shaded)? = shading { classes = Array(Set(classes + shaded)).sorted() }
        if plot.kind == .line {
            if plot.series.count > 1 { items = plot.series.enumerated().map { ($0.element.label, $0.offset, true) } }
        } else if classes.count > 1 || (plot.kind == .decision && !classes.isEmpty) {
            items = classes.map { (plot.className($0), $0 - 1, false) }
        } else if plot.series.count > 1 {
            items = plot.series.enumerated().map { ($0.element.label, $0.offset, false) }
        }
        guard !items.isEmpty || shading != nil else { return }
        var x = left
        svg.raw("<g class=\"legend\">")
        for (label, k, isLine) in items {
            if isLine {
                let style = Self.curveStyle(series: k, of: items.count)
                svg.line(x, y - 4, x + 22, y - 4, stroke: SVGWriter.color(k), width: max(2.5, style.width),
                         extra: style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
            }
            else { marker(&svg, x + 9, y - 4, kind: k, color: SVGWriter.color(k)) }
            svg.text(label, x: x + 28, y: y, size: 12)
            x += 28 + Double(TextWidth.of(label)) * 7 + 18
        }
        if case .values(let lo, let hi)? = shading {
            // A colour bar from the lowest to the highest output.
            svg.defs.append("<linearGradient id=\"\(SVGWriter.idToken)shade\">" + (0...4).map { k in
                "<stop offset=\"\(k * 25)%\" stop-color=\"\(Self.pale(Self.blend(Double(k) / 4)))\"/>"
            }.joined() + "</linearGradient>")
            let step = AxisScale.niceStep((hi - lo) / 10)
            svg.text(NumberFormat.tick(lo, step: step), x: x, y: y, size: 11)
            svg.rect(x + 30, y - 11, 120, 12, fill: "url(#\(SVGWriter.idToken)shade)", stroke: "#999")
            svg.text(NumberFormat.tick(hi, step: step), x: x + 156, y: y, size: 11)
            svg.text("output", x: x + 190, y: y, size: 12)
        }
        svg.raw("</g>")
    }
}
