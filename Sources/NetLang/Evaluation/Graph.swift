import NetCore

/// Building NetCore graph nodes from the language, with errors located in the cell.
///
///     let a = Graph.named(Tensor(scalar: 100), "apple")
///     let p = try Graph.apply(.binary(.mul), [a, n], at: loc)   // p.value = 200
enum Graph {
    static func constant(_ t: Tensor) -> Node { Node(t) }
    static func named(_ t: Tensor, _ name: String) -> Node { Node(t, name: name) }

    /// `node` stored as tensor `name`, keeping the graph so `backward` reaches its inputs.
    /// A fresh node takes the name; another tensor's node (`tensor y = x`) is wrapped in an
    /// identity so that both names stay in the graph.
    static func stored(_ node: Node, as name: String) -> Node {
        // A session that keeps rebuilding a tensor from itself (tensor w = w - 0.1 * grad(w),
        // cell after cell) would keep every old value alive through the graph: past
        // `maxGraphSize` operations the tensor starts a fresh graph (its value is kept).
        if exceedsGraphSize(node) { return Node(node.value, name: name) }
        if node.name == nil {
            node.name = name
            return node
        }
        if node.name == name && node.op == .leaf { return node }
        let copy = (try? Node.make(.activation(.identity), [node], name: name)) ?? Node(node.value, name: name)
        return copy
    }

    /// The most operations a stored tensor's graph may hold.
    static let maxGraphSize = 2_000

    /// Whether more than `maxGraphSize` nodes are reachable from `root` (stops counting there).
    static func exceedsGraphSize(_ root: Node) -> Bool {
        var seen = Set<ObjectIdentifier>()
        var stack = [root]
        while let node = stack.popLast() {
            guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
            if seen.count > maxGraphSize { return true }
            stack.append(contentsOf: node.inputs)
        }
        return false
    }

    /// `op` of the inputs; NetCore's shape and value errors get the expression's location.
    /// The result's size is reserved in the session's memory budget before it is computed
    /// (`what` names it in the error: the expression as written).
    static func apply(_ op: NodeOp, _ inputs: [Node], at location: SourceLocation,
                      memory: MemoryBudget, what: @autoclosure () -> String) throws -> Node {
        let elements = resultElements(op, inputs.map(\.value))
        if elements > 1 { try Limits.reserve(elements: elements, for: what(), in: memory, at: location) }
        do {
            return try Node.make(op, inputs)
        } catch let error as NetCoreError {
            throw LangError(error, at: location)
        }
    }
}

extension Graph {
    /// How many numbers `op` of these inputs gives (an upper bound where shapes do not fit:
    /// Node.make refuses those anyway).
    static func resultElements(_ op: NodeOp, _ v: [Tensor]) -> Int {
        func product(_ r: Int, _ c: Int) -> Int {
            let (n, overflow) = r.multipliedReportingOverflow(by: c)
            return overflow ? Int.max : n
        }
        switch op {
        case .leaf, .loss, .accuracy:
            return 1
        case .binary:
            return v.count == 2 ? product(max(v[0].rows, v[1].rows), max(v[0].cols, v[1].cols)) : 1
        case .matmul:
            return v.count == 2 ? product(v[0].rows, v[1].cols) : 1
        case .negate, .transpose, .activation, .math:
            return v.first?.count ?? 1
        case .reduce(_, let axis):
            guard let x = v.first else { return 1 }
            return axis == .all ? 1 : axis == .rows ? x.rows : x.cols
        case .slice(let rows, let cols):
            guard let x = v.first else { return 1 }
            return product(rows?.count ?? x.rows, cols?.count ?? x.cols)
        case .argmax:
            return v.first?.rows ?? 1
        }
    }
}

extension Evaluator {
    /// `op` of the inputs, its result reserved in the budget under the expression's text.
    func apply(_ op: NodeOp, _ inputs: [Node], at location: SourceLocation) throws -> Node {
        try Graph.apply(op, inputs, at: location, memory: memory, what: text(of: location))
    }
}

extension LangError {
    /// A NetCore error at a place in the cell.
    init(_ error: NetCoreError, at location: SourceLocation, hint: String? = nil) {
        self.init(Kind(rawValue: error.kind) ?? .value, error.message, at: location, hint: hint)
    }
}

extension NodeOp {
    /// How the op reads in `show graph` ("mul", "sigmoid", "sum rows"); leaves are "input".
    var graphLabel: String {
        switch self {
        case .leaf: return "input"
        case .binary(.add): return "add"
        case .binary(.sub): return "sub"
        case .binary(.mul): return "mul"
        case .binary(.div): return "div"
        case .binary(.pow): return "pow"
        case .matmul: return "matmul"
        default: return label
        }
    }
}
