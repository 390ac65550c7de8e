import NetCore
import NetLang

/// The computational graph of `show graph NAME`: the drawing (GraphDrawingText) when it
/// fits, then a tree from the result down to the inputs, with each node's operation,
/// value and gradient in aligned columns:
///
///     graph of price (grad = dprice/dnode)
///     node                    op                              value   grad
///     ----------------------  ------------------------------  -----  -----
///     price                   mul(all_price, tax)             715.0    1.0
///     |-- all_price           add(apple_price, orange_price)  650.0    1.1
///     |   |-- apple_price     mul(apple, apple_num)           200.0    1.1
///     |   |   |-- apple       input                           100.0    2.2
///     |   |   `-- apple_num   input                             2.0  110.0
///     ...
///     `-- tax                 input                             1.1  650.0
///
/// A node used twice is expanded once; later it shows "(see above)".
struct GraphText {
    var precision: Int
    var unicode: Bool = false
    /// The deepest level of the tree that is drawn.
    static let maxDepth = 100

    /// Throws `Interrupted` when the work is interrupted (its matrices are tensors' text).
    func render(_ graph: GraphView) throws -> String {
        guard let root = Self.rootNode(graph) else { return "graph of \(graph.root): (empty)" }
        let byID = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let hasGrads = graph.nodes.contains { $0.grad != nil }
        var rows: [[Cell]] = []
        var expanded: Set<Int> = []
        var bigOnes: [GraphView.Node] = []

        // Depth-first, pre-order, with an explicit stack: a graph restored from a file can be
        // a chain of any length, and one stack frame per node would overflow.
        var pending: [(node: GraphView.Node, lead: String, branch: String, path: Set<Int>)] = [(root, "", "", [])]
        while let (node, lead, branch, path) = pending.popLast() {
            let seen = expanded.contains(node.id)
            var row: [Cell] = [.text(lead + branch + Self.label(node) + (seen && !node.inputs.isEmpty ? " (see above)" : "")),
                               .text(operation(node, byID)), value(node.value)]
            if hasGrads { row.append(node.grad.map(value) ?? .text("-")) }
            guard !seen else { rows.append(row); continue }
            // Each level indents by four characters: past maxDepth the tree would be wider
            // than any screen (and a chain's rows would grow quadratically), so it stops there.
            if path.count >= Self.maxDepth && !node.inputs.isEmpty {
                row[0] = .text(lead + branch + Self.label(node) + " (its inputs are deeper than \(Self.maxDepth) levels: show graph of a tensor nearer them)")
                rows.append(row)
                continue
            }
            rows.append(row)
            expanded.insert(node.id)
            if !node.value.isScalar && node.name != nil { bigOnes.append(node) }
            let children = node.inputs.compactMap { byID[$0] }.filter { !path.contains($0.id) }
            let childLead = lead + (branch.isEmpty ? "" : (branch == lastBranch ? "    " : (unicode ? "│   " : "|   ")))
            let childPath = path.union([node.id])
            // Pushed last child first, so the first child is drawn next, as recursion would.
            for (i, child) in children.enumerated().reversed() {
                pending.append((child, childLead, i == children.count - 1 ? lastBranch : midBranch, childPath))
            }
        }

        var columns = ["node", "op", "value"]
        if hasGrads { columns.append("grad") }
        var title = "graph of \(graph.root)"
        if hasGrads { title += " (grad = d\(graph.root)/dnode)" }
        var lines = drawing(graph) + [title] + TableText(precision: precision).body(columns: columns, rows: rows)
        // Matrices do not fit a cell: list them after the tree.
        for node in bigOnes.prefix(8) {
            let tensors = TensorText(precision: precision)
            lines.append(try tensors.render(name: Self.label(node), node.value))
            if let g = node.grad { lines.append(try tensors.render(name: "grad \(Self.label(node))", g)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The picture (GraphDrawingText) above the table, or a line saying why there is none.
    private func drawing(_ graph: GraphView) -> [String] {
        guard graph.nodes.count > 1 else { return [] }
        if let picture = GraphDrawingText(precision: precision, unicode: unicode).render(graph) { return picture + [""] }
        return ["(\(graph.nodes.count) nodes: too many to draw, listed as a tree; show graph of a tensor nearer the inputs draws it)"]
    }

    private var midBranch: String { unicode ? "├── " : "|-- " }
    private var lastBranch: String { unicode ? "└── " : "`-- " }

    /// The node the graph is of: the one named like the root, else the last one.
    static func rootNode(_ graph: GraphView) -> GraphView.Node? {
        graph.nodes.last(where: { $0.name == graph.root }) ?? graph.nodes.last
    }

    /// A node's name, or "#id" for an intermediate value.
    static func label(_ node: GraphView.Node) -> String { node.name ?? "#\(node.id)" }

    private func operation(_ node: GraphView.Node, _ byID: [Int: GraphView.Node]) -> String {
        if node.inputs.isEmpty { return node.op }
        let args = node.inputs.map { byID[$0].map(Self.label) ?? "#\($0)" }
        return "\(node.op)(\(args.joined(separator: ", ")))"
    }

    private func value(_ t: Tensor) -> Cell {
        t.isScalar ? .number(t.scalar) : .text(t.shapeDescription)
    }
}
