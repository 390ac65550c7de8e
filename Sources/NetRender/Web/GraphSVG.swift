import NetCore
import NetLang

/// The computational graph as a standalone SVG, flowing left to right like the lessons'
/// drawings: one box per node (name and operation, value, gradient in red), arrows from
/// each input to the node it feeds. Nodes sit in columns by their depth from the inputs.
struct GraphSVG {
    var precision: Int
    let boxW = 160.0, boxH = 58.0, gapX = 56.0, gapY = 24.0, margin = 20.0, titleSpace = 36.0

    func render(_ graph: GraphView) -> String {
        var depth: [Int: Int] = [:]
        // Nodes come in evaluation order, so every input's depth is known before the node's.
        for node in graph.nodes {
            depth[node.id] = node.inputs.compactMap { depth[$0] }.map { $0 + 1 }.max() ?? 0
        }
        // An input sits just before the first node that uses it (tax beside price, not far left).
        for node in graph.nodes where node.inputs.isEmpty {
            let users = graph.nodes.filter { $0.inputs.contains(node.id) }.compactMap { depth[$0.id] }
            if let first = users.min(), first > 0 { depth[node.id] = first - 1 }
        }
        var columns: [[GraphView.Node]] = Array(repeating: [], count: (depth.values.max() ?? 0) + 1)
        for node in graph.nodes { columns[depth[node.id] ?? 0].append(node) }
        let tallest = columns.map(\.count).max() ?? 1
        let width = margin * 2 + Double(columns.count) * boxW + Double(max(0, columns.count - 1)) * gapX
        let height = titleSpace + margin + Double(tallest) * boxH + Double(max(0, tallest - 1)) * gapY
        var svg = SVGWriter(width: max(width, 240), height: height)
        svg.title = "computational graph of \(graph.root)"
        svg.defs.append("<marker id=\"\(SVGWriter.idToken)arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>")
        svg.text("graph of \(graph.root)", x: margin, y: 24, size: 15, weight: "bold")

        var place: [Int: (x: Double, y: Double)] = [:]
        for (c, column) in columns.enumerated() {
            // Centre short columns against the tallest.
            let offset = Double(tallest - column.count) * (boxH + gapY) / 2
            for (r, node) in column.enumerated() {
                place[node.id] = (margin + Double(c) * (boxW + gapX), titleSpace + offset + Double(r) * (boxH + gapY))
            }
        }
        for node in graph.nodes {
            guard let to = place[node.id] else { continue }
            for input in node.inputs {
                guard let from = place[input] else { continue }
                svg.raw("<path d=\"M\(SVGWriter.n(from.x + boxW)),\(SVGWriter.n(from.y + boxH / 2)) C\(SVGWriter.n(from.x + boxW + gapX / 2)),\(SVGWriter.n(from.y + boxH / 2)) \(SVGWriter.n(to.x - gapX / 2)),\(SVGWriter.n(to.y + boxH / 2)) \(SVGWriter.n(to.x - 1)),\(SVGWriter.n(to.y + boxH / 2))\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" marker-end=\"url(#\(SVGWriter.idToken)arrow)\"/>")
            }
        }
        for node in graph.nodes {
            guard let p = place[node.id] else { continue }
            let isRoot = node.name == graph.root
            svg.raw("<g class=\"node\">")
            svg.rect(p.x, p.y, boxW, boxH, fill: isRoot ? "#fff4e0" : (node.inputs.isEmpty ? "#eef5fb" : "#f7f7f7"),
                     stroke: "#444", extra: " rx=\"6\"")
            let title = node.inputs.isEmpty ? GraphText.label(node) : "\(GraphText.label(node)) = \(node.op)"
            svg.text(title, x: p.x + boxW / 2, y: p.y + 17, anchor: "middle", size: 12, weight: "bold")
            svg.text("value " + describe(node.value), x: p.x + boxW / 2, y: p.y + 34, anchor: "middle", size: 11)
            if let g = node.grad {
                svg.text("grad " + describe(g), x: p.x + boxW / 2, y: p.y + 50, anchor: "middle", size: 11, extra: " fill=\"#c0392b\"")
            }
            svg.raw("</g>")
        }
        return svg.document
    }

    private func describe(_ t: Tensor) -> String {
        t.isScalar ? NumberFormat.shown(t.scalar, precision: precision) : t.shapeDescription
    }
}
