import NetCore
import NetLang

/// `show network` in Jupyter, drawn as the lessons draw it: a column of circles per layer,
/// a line per connection coloured by the weight's sign (blue positive, orange negative,
/// grey dashed for nan/inf) and as thick as its size relative to the largest, labelled with
/// the weight's name and value (and ∂E/∂w in red after `backward`) when the layer is small
/// enough for labels to be read; z | a of sample 1 under each unit after `forward`.
struct NetworkSVG {
    var precision: Int
    let radius = 22.0, gapX = 300.0, rowH = 112.0, margin = 30.0, top = 78.0, columnW = 150.0
    /// The highlight of a chain rule's path: Okabe–Ito orange-yellow, apart from the weights' blue and orange.
    static let pathColour = "#E69F00"
    /// A layer with more drawn connections than this gets lines without labels.
    static let labelledConnections = 12

    private func number(_ v: Double) -> String { NumberFormat.shown(v, precision: precision) }

    func render(_ d: NetworkDiagram) -> String {
        let slots = d.columns.map { $0.units.count + ($0.leftOut > 0 ? 1 : 0) }
        let tallest = Double(slots.max() ?? 1)
        let width = margin * 2 + columnW + Double(max(0, d.columns.count - 1)) * gapX
        // A path shown gets its legend on a line of its own under the picture.
        let height = top + tallest * rowH + margin + (d.path == nil ? 0 : 20)
        var svg = SVGWriter(width: max(width, 320), height: height)
        svg.title = "network " + d.columns.map { String($0.count) }.joined(separator: "-")
        svg.text(svg.title ?? "", x: margin, y: 24, size: 15, weight: "bold")
        svg.text(subtitle(d), x: margin, y: 42, size: 11, extra: " fill=\"#555\"")
        if let path = d.path {
            svg.text("gold: the path of ∂E/∂\(path.symbol), what explain \(path.parameter) multiplies through",
                     x: margin, y: height - 14, size: 12, weight: "bold", extra: " fill=\"#8a5a00\"")
        }

        // Centre of each drawn unit; a gap row holds the "… N more" note.
        var centres: [[(x: Double, y: Double)]] = []
        for (c, column) in d.columns.enumerated() {
            let x = margin + columnW / 2 + Double(c) * gapX
            let offset = (tallest - Double(slots[c])) * rowH / 2
            var ys: [(Double, Double)] = []
            for r in 0..<column.units.count {
                let slot = r < column.leading || column.leftOut == 0 ? r : r + 1
                ys.append((x, top + offset + (Double(slot) + 0.5) * rowH))
            }
            centres.append(ys)
            let heading = column.activation.isEmpty ? column.title : "\(column.title) (\(column.activation))"
            svg.text(heading, x: x, y: top - 12, anchor: "middle", size: 12, weight: "bold")
            if column.leftOut > 0 {
                let y = top + offset + (Double(column.leading) + 0.5) * rowH
                svg.text("⋮ \(column.leftOut) more", x: x, y: y + 4, anchor: "middle", size: 12, extra: " fill=\"#555\"")
            }
        }

        let largest = d.edges.map { abs($0.weight) }.filter(\.isFinite).max() ?? 0
        // Where text already is (each unit's z | a under it): labels go elsewhere.
        var taken: [Box] = []
        for (c, column) in d.columns.enumerated() where d.samples > 0 {
            for r in column.units.indices {
                let p = centres[c][r]
                taken.append(Box(x: p.x - 48, y: p.y + radius, w: 96, h: c == 0 ? 18 : 32))
            }
        }
        var labels: [String] = []
        for c in 1..<max(1, d.columns.count) {
            let edges = d.edges(into: c)
            let labelled = edges.count <= Self.labelledConnections && d.columns[c - 1].leftOut == 0 && d.columns[c].leftOut == 0
            for edge in edges {
                let from = centres[c - 1][edge.from], to = centres[c][edge.to]
                let (x1, y1) = (from.x + radius, from.y), (x2, y2) = (to.x - radius, to.y)
                // A path shown (show network hidden.W[1, 1]): a wide gold band under its
                // connections, the others faded, so the chain rule's route stands out.
                if edge.onPath {
                    svg.line(x1, y1, x2, y2, stroke: Self.pathColour, width: 12, extra: " stroke-opacity=\"0.45\" stroke-linecap=\"round\" class=\"path\"")
                }
                let opacity = d.path == nil || edge.onPath ? 0.8 : 0.25
                svg.line(x1, y1, x2, y2, stroke: colour(edge.weight), width: thickness(edge.weight, largest: largest),
                         extra: edge.weight.isFinite ? " stroke-opacity=\"\(opacity)\"" : " stroke-dasharray=\"4 3\"")
                guard labelled else { continue }
                let size = labelSize(edge)
                // The first place along the line where the label covers no other text
                // (crossing lines' labels would otherwise sit on each other), else the least covered.
                let spots = Self.fractions.map { t -> Box in
                    Box(x: x1 + (x2 - x1) * t - size.w / 2, y: y1 + (y2 - y1) * t - size.h / 2, w: size.w, h: size.h)
                }
                let spot = spots.first { s in !taken.contains { $0.overlaps(s) } }
                    ?? spots.min { a, b in taken.map { $0.overlap(a) }.reduce(0, +) < taken.map { $0.overlap(b) }.reduce(0, +) }!
                taken.append(spot)
                labels.append(label(edge, in: spot))
            }
        }
        labels.forEach { svg.raw($0) }

        for (c, column) in d.columns.enumerated() {
            for (r, unit) in column.units.enumerated() {
                let p = centres[c][r]
                let stroke = unit.onPath ? "stroke=\"\(Self.pathColour)\" stroke-width=\"4\"" : "stroke=\"#444\" stroke-width=\"1.3\""
                svg.raw("<circle cx=\"\(SVGWriter.n(p.x))\" cy=\"\(SVGWriter.n(p.y))\" r=\"\(SVGWriter.n(radius))\" fill=\"\(c == 0 ? "#eef5fb" : "#fff4e0")\" \(stroke)/>")
                svg.text(unit.name, x: p.x, y: p.y + 5, anchor: "middle", size: 14, weight: "bold")
                var y = p.y + radius + 15
                if let z = unit.z { svg.text("z \(number(z))", x: p.x, y: y, anchor: "middle", size: 11); y += 14 }
                if let a = unit.a { svg.text("\(c == 0 ? "x" : "a") \(number(a))", x: p.x, y: y, anchor: "middle", size: 11); y += 14 }
                if let b = unit.bias {
                    svg.text("\(unit.biasSymbol) \(number(b))", x: p.x, y: p.y - radius - 6, anchor: "middle", size: 10, extra: " fill=\"#555\"")
                }
            }
        }
        return svg.document
    }

    private func subtitle(_ d: NetworkDiagram) -> String {
        var parts: [String] = []
        if d.samples > 0 {
            parts.append(d.samples == 1 ? "z and a of the last forward" : "z and a of sample 1 of \(d.samples)")
        } else {
            parts.append("run forward to see z and a")
        }
        if d.hasGradients { parts.append("∂E/∂w (red) from the last backward") }
        parts.append("blue: weight > 0, orange: < 0")
        if d.edges.contains(where: { !$0.weight.isFinite }) { parts.append("grey dashed: nan or inf") }
        let all = (1..<max(1, d.columns.count)).reduce(0) { $0 + d.connectionCount(into: $1) }
        if d.edges.count < all { parts.append("\(d.edges.count) of \(all) connections drawn") }
        if d.layersLeftOut > 0 { parts.append("the first \(d.columns.count - 1) layers; \(d.layersLeftOut) more not drawn") }
        return parts.joined(separator: " · ")
    }

    /// Fractions of the way along a line where its label may go, most wanted first: not the
    /// middle, where two crossing lines meet and a label would belong to either.
    static let fractions = [0.3, 0.7, 0.5, 0.2, 0.8, 0.4, 0.6, 0.25, 0.75]

    /// A rectangle that text takes up.
    struct Box {
        var x, y, w, h: Double
        func overlap(_ o: Box) -> Double {
            max(0, min(x + w, o.x + o.w) - max(x, o.x)) * max(0, min(y + h, o.y + o.h) - max(y, o.y))
        }
        func overlaps(_ o: Box) -> Bool { overlap(o) > 0 }
    }

    private func labelTexts(_ edge: NetworkDiagram.Edge) -> (String, String?) {
        ("\(edge.symbol) \(number(edge.weight))", edge.gradient.map { "∂E/∂\(edge.symbol) \(number($0))" })
    }

    private func labelSize(_ edge: NetworkDiagram.Edge) -> (w: Double, h: Double) {
        let (first, second) = labelTexts(edge)
        return (Double(max(first.count, second?.count ?? 0)) * 6.4 + 8, second == nil ? 16 : 30)
    }

    /// Weight (and gradient) text on a white plate, so lines under it do not cross the digits.
    private func label(_ edge: NetworkDiagram.Edge, in box: Box) -> String {
        let (first, second) = labelTexts(edge)
        let cx = box.x + box.w / 2
        var s = "<g class=\"weight\"><rect x=\"\(SVGWriter.n(box.x))\" y=\"\(SVGWriter.n(box.y))\" width=\"\(SVGWriter.n(box.w))\" height=\"\(SVGWriter.n(box.h))\" rx=\"3\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#ccc\" stroke-width=\"0.6\"/>"
        s += "<text x=\"\(SVGWriter.n(cx))\" y=\"\(SVGWriter.n(box.y + 12))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escape(first))</text>"
        if let second {
            s += "<text x=\"\(SVGWriter.n(cx))\" y=\"\(SVGWriter.n(box.y + 26))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#c0392b\">\(HTMLText.escape(second))</text>"
        }
        return s + "</g>"
    }

    private func colour(_ w: Double) -> String {
        guard w.isFinite else { return "#999999" }
        return w < 0 ? "#D55E00" : "#0072B2"
    }

    /// 0.8 px for a zero weight up to 5 px for the largest; nan and inf drawn thin.
    private func thickness(_ w: Double, largest: Double) -> Double {
        guard w.isFinite, largest > 0, largest.isFinite else { return 1 }
        return 0.8 + 4.2 * abs(w) / largest
    }
}
