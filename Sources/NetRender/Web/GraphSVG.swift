import NetCore
import NetLang

/// The computational graph as a standalone SVG, drawn as the apple-and-orange lesson draws
/// it: inputs named on the left, one circle per operation (×, +, …), arrows left to right
/// with the value each carries above it and, after `backward`, the gradient it carries
/// back below it in red. GraphLayout places the nodes (the same places as the text drawing).
///
/// nil when the graph is too large to draw: the front end then shows the text table.
struct GraphSVG {
    var precision: Int
    let rowHeight = 18.0, margin = 16.0, top = 48.0, charWidth = 7.2, radius = 15.0
    static let gradientColor = "#c0392b"

    func render(_ graph: GraphView) -> String? {
        guard graph.nodes.count > 1, let layout = GraphLayout(graph) else { return nil }
        let places = layout.places
        let values = places.map { describe($0.node.value) }
        let grads = places.indices.map { layout.edgeGradient($0).map(describe) }
        let widestNumber = (values + grads.compactMap { $0 }).map(\.count).max() ?? 4
        let column = max(100, Double(widestNumber) * charWidth + 56)
        let leafWidth = (places.indices.filter { places[$0].level == 0 }.map { Double(layout.label($0).count) }.max() ?? 4) * charWidth + 10
        let x0 = margin + leafWidth
        let rootName = GraphText.label(places[0].node)
        let width = x0 + Double(layout.levels - 1) * column + column * 0.75 + Double(rootName.count) * charWidth + margin * 2
        let height = top + Double(layout.rows) * rowHeight + margin + (layout.hasRepeats ? 18 : 0)

        let hasGrads = places[0].node.grad != nil
        let subtitle = hasGrads ? "above each arrow the value it carries; below it, in red, ∂\(graph.root)/∂(that value)"
                                : "above each arrow the value it carries (backward \(graph.root) adds the gradients)"
        let repeatNote = "(again): a value used more than once, drawn in full above; its gradient is the sum of its arrows'"
        // Wide enough for the lines of small text (about 6 px a character at 11 px).
        let notes = [subtitle] + (layout.hasRepeats ? [repeatNote] : [])
        let textWidth = margin * 2 + Double(notes.map(\.count).max() ?? 0) * 6.2
        var svg = SVGWriter(width: max(width, textWidth, 320), height: height)
        svg.title = "computational graph of \(graph.root)"
        svg.defs.append("<marker id=\"\(SVGWriter.idToken)arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker>")
        svg.text("graph of \(graph.root)", x: margin, y: 20, size: 15, weight: "bold")
        svg.text(subtitle, x: margin, y: 38, size: 11, extra: " fill=\"#555\"")

        func y(_ p: Int) -> Double { top + (Double(places[p].row) + 0.5) * rowHeight }
        func x(_ p: Int) -> Double { places[p].level == 0 ? x0 : x0 + Double(places[p].level) * column }
        /// Half the width of an operation's shape: a circle, or a rounded box for a name (sigmoid).
        func halfWidth(_ p: Int) -> Double {
            let symbol = GraphLayout.symbol(places[p].node.op, unicode: true)
            return symbol.count <= 1 ? radius : Double(symbol.count) * charWidth / 2 + 8
        }

        for (p, place) in places.enumerated() {
            let startX = place.level == 0 ? x0 : x(p) + halfWidth(p)
            let rowY = y(p)
            var labelEnd = x0 + Double(place.level + 1) * column - 34
            var path: [(Double, Double)]
            if let parent = place.parent {
                let px = x(parent), py = y(parent), bend = px - 34
                if abs(py - rowY) < 0.5 {
                    path = [(startX, rowY), (px - halfWidth(parent), rowY)]
                } else {
                    // Into the circle's edge, pointing at its centre.
                    let dx = px - bend, dy = py - rowY, length = (dx * dx + dy * dy).squareRoot()
                    let r = halfWidth(parent) == radius ? radius : 14
                    path = [(startX, rowY), (bend, rowY), (px - dx / length * r, py - dy / length * r)]
                }
                labelEnd = min(labelEnd, bend)
            } else {
                path = [(startX, rowY), (x(p) + column * 0.75, rowY)]
                labelEnd = path[1].0
            }
            let points = path.map { "\(SVGWriter.n($0.0)),\(SVGWriter.n($0.1))" }.joined(separator: " ")
            svg.raw("<polyline points=\"\(points)\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.3\" marker-end=\"url(#\(SVGWriter.idToken)arrow)\"/>")
            let labelX = (startX + labelEnd) / 2
            svg.text(values[p], x: labelX, y: rowY - 5, anchor: "middle", size: 12)
            if let g = grads[p] {
                svg.text(g, x: labelX, y: rowY + 14, anchor: "middle", size: 12, weight: "bold", extra: " fill=\"\(Self.gradientColor)\"")
            }
        }
        for (p, place) in places.enumerated() {
            if place.level == 0 {
                svg.text(layout.label(p), x: x0 - 6, y: y(p) + 4, anchor: "end", size: 13)
                continue
            }
            let cx = x(p), cy = y(p), half = halfWidth(p)
            svg.raw("<g class=\"node\">")
            if half == radius {
                svg.raw("<circle cx=\"\(SVGWriter.n(cx))\" cy=\"\(SVGWriter.n(cy))\" r=\"\(SVGWriter.n(radius))\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.3\"/>")
            } else {
                svg.rect(cx - half, cy - 13, half * 2, 26, fill: "#fff", stroke: "#333", extra: " rx=\"13\" stroke-width=\"1.3\"")
            }
            svg.text(GraphLayout.symbol(place.node.op, unicode: true), x: cx, y: cy + 5, anchor: "middle", size: half == radius ? 15 : 13)
            // An intermediate tensor's name (apple_price), small, above right of its circle, clear of the arrows coming in from the left.
            if p != 0, let name = place.node.name {
                svg.text(name, x: cx + 4, y: cy - 19, size: 10, extra: " fill=\"#777\" font-style=\"italic\"")
            }
            svg.raw("</g>")
        }
        svg.text(rootName, x: x(0) + column * 0.75 + 6, y: y(0) + 4, size: 13, weight: "bold")
        if layout.hasRepeats {
            svg.text(repeatNote, x: margin, y: height - 12, size: 11, extra: " fill=\"#555\"")
        }
        return svg.document
    }

    private func describe(_ t: Tensor) -> String {
        t.isScalar ? NumberFormat.shown(t.scalar, precision: precision) : t.shapeDescription
    }
}
