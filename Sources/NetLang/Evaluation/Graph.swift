import Foundation
import NetCore

/// An operation of the expression graph that `backward NAME` differentiates.
enum GraphOp: Equatable {
    case input
    case add, subtract, multiply, divide, power, matmul
    case compare(BinaryOp)
    case negate, transpose
    /// 0-based half-open ranges of rows and columns.
    case slice(rows: Range<Int>, cols: Range<Int>)
    /// An activation (sigmoid, relu…) or math function (exp, log…).
    case function(String)
    case reduce(String, ReductionAxis)
    /// A loss of (y, t): mse, sse, half_sse, cross_entropy (of logits), bce.
    case loss(String)

    /// How the op reads in `show graph` ("mul", "sigmoid", "sum(rows)").
    var label: String {
        switch self {
        case .input: return "input"
        case .add: return "add"
        case .subtract: return "sub"
        case .multiply: return "mul"
        case .divide: return "div"
        case .power: return "pow"
        case .matmul: return "matmul"
        case .compare(let op): return op.symbol
        case .negate: return "neg"
        case .transpose: return "transpose"
        case .slice: return "index"
        case .function(let f): return f
        case .reduce(let f, let axis): return axis == .all ? f : "\(f)(\(axis.rawValue))"
        case .loss(let f): return f
        }
    }
}

/// A value with the operation and inputs that made it: the node of a computational graph.
/// Nodes never change once made, so a session copy can share them.
///
///     let a = Graph.named(Tensor(scalar: 100), "apple")
///     let p = try Graph.apply(.multiply, [a, n], at: loc)   // p.value = 200
final class Node {
    let value: Tensor
    let op: GraphOp
    let inputs: [Node]
    /// The tensor statement or member it was stored under, if any.
    private(set) var name: String?
    /// Longest path to a leaf; deep chains are cut (see `Graph.maxDepth`).
    let depth: Int

    init(value: Tensor, op: GraphOp, inputs: [Node], name: String? = nil) {
        self.value = value; self.op = op; self.inputs = inputs; self.name = name
        depth = 1 + (inputs.map(\.depth).max() ?? 0)
    }

    /// A copy of this node (same op and inputs) under a new name.
    func renamed(_ name: String) -> Node {
        Node(value: value, op: op, inputs: inputs, name: name)
    }
}

/// Building graph nodes and differentiating them (reverse mode).
enum Graph {
    /// Graphs deeper than this are cut into a fresh leaf, so that a long session of
    /// `tensor x = x + 1` cells never makes recursion or deallocation too deep.
    static let maxDepth = 2000

    static func constant(_ t: Tensor) -> Node { Node(value: t, op: .input, inputs: []) }
    static func named(_ t: Tensor, _ name: String) -> Node { Node(value: t, op: .input, inputs: [], name: name) }

    /// `node` stored as tensor `name`: keeps the graph (so backward reaches its inputs)
    /// unless it is too deep.
    static func stored(_ node: Node, as name: String) -> Node {
        if node.depth > maxDepth { return named(node.value, name) }
        if node.name == nil || node.op == .input && node.name == name { return node.nameIfUnnamed(name) }
        // Another tensor's node: `tensor y = x` makes y depend on x through identity.
        return Node(value: node.value, op: .function("identity"), inputs: [node], name: name)
    }

    static func apply(_ op: GraphOp, _ inputs: [Node], at location: SourceLocation) throws -> Node {
        do {
            return Node(value: try forward(op, inputs.map(\.value)), op: op, inputs: inputs)
        } catch let error as NetCoreError {
            throw LangError(LangError.Kind(rawValue: error.kind) ?? .value, error.message, at: location)
        }
    }

    static func forward(_ op: GraphOp, _ x: [Tensor]) throws -> Tensor {
        switch op {
        case .input: return x[0]
        case .add: return try x[0] + x[1]
        case .subtract: return try x[0] - x[1]
        case .multiply: return try x[0] * x[1]
        case .divide: return try x[0] / x[1]
        case .power: return try x[0].pow(x[1])
        case .matmul: return try x[0].matmul(x[1], names: ("a", "b"))
        case .compare(let c): return try Tensor.apply(c, x[0], x[1])
        case .negate: return -x[0]
        case .transpose: return x[0].transposed
        case .slice(let r, let c):
            return try x[0].slice(rows: r.lowerBound...(r.upperBound - 1), cols: c.lowerBound...(c.upperBound - 1))
        case .function(let f):
            if let act = Activation(rawValue: f) { return act.apply(x[0]) }
            if let m = MathFunction(rawValue: f) { return m.apply(x[0]) }
            throw ValueError("unknown function \(f)")
        case .reduce(let f, let axis):
            guard let kind = ReductionKind(rawValue: f) else { throw ValueError("unknown reduction \(f)") }
            return try x[0].reduce(kind, over: axis)
        case .loss(let f):
            return Tensor(scalar: LossMath.value(f, y: x[0], t: x[1]))
        }
    }

    /// d(root)/d(node) for every node `root` depends on (root must be 1×1), keyed by node identity.
    static func gradients(of root: Node) throws -> [ObjectIdentifier: (node: Node, grad: Tensor)] {
        let order = topologicalOrder(root)
        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): Tensor(rows: root.value.rows, cols: root.value.cols, repeating: 1)]
        for node in order.reversed() {
            guard let g = grads[ObjectIdentifier(node)], !node.inputs.isEmpty else { continue }
            let local = try backward(node, g)
            for (input, gi) in zip(node.inputs, local) {
                let id = ObjectIdentifier(input)
                grads[id] = try grads[id].map { try $0 + gi } ?? gi
            }
        }
        var result: [ObjectIdentifier: (node: Node, grad: Tensor)] = [:]
        for node in order { if let g = grads[ObjectIdentifier(node)] { result[ObjectIdentifier(node)] = (node, g) } }
        return result
    }

    /// Every node `root` depends on, inputs before the nodes they feed (iterative, no recursion).
    static func topologicalOrder(_ root: Node) -> [Node] {
        var order: [Node] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Node, Bool)] = [(root, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for input in node.inputs.reversed() where !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }

    /// The gradient of each input, given the gradient `g` of the node's value.
    private static func backward(_ node: Node, _ g: Tensor) throws -> [Tensor] {
        let x = node.inputs.map(\.value)
        let y = node.value
        func fit(_ t: Tensor, _ like: Tensor) -> Tensor { t.reduced(toRows: like.rows, cols: like.cols) }
        switch node.op {
        case .input: return []
        case .add: return [fit(g, x[0]), fit(g, x[1])]
        case .subtract: return [fit(g, x[0]), fit(-g, x[1])]
        case .multiply: return [fit(try g * x[1], x[0]), fit(try g * x[0], x[1])]
        case .divide:
            let da = try g / x[1]
            let db = try -(try g * x[0]) / (try x[1] * x[1])
            return [fit(da, x[0]), fit(db, x[1])]
        case .power:
            // d(a^k)/da = k·a^(k−1); d(a^k)/dk = a^k·ln a (0 where a ≤ 0, as the limit for a = 0).
            let da = try g * (try x[1] * (try x[0].pow(try x[1] - Tensor(scalar: 1))))
            let lnA = x[0].map { $0 > 0 ? Foundation.log($0) : 0 }
            let dk = try g * (try y * lnA)
            return [fit(da, x[0]), fit(dk, x[1])]
        case .matmul:
            return [try g.matmul(x[1].transposed, names: ("dL/dy", "bᵀ")), try x[0].transposed.matmul(g, names: ("aᵀ", "dL/dy"))]
        case .compare:
            return [Tensor(rows: x[0].rows, cols: x[0].cols), Tensor(rows: x[1].rows, cols: x[1].cols)]
        case .negate: return [-g]
        case .transpose: return [g.transposed]
        case .slice(let r, let c):
            var out = Tensor(rows: x[0].rows, cols: x[0].cols)
            for (i, row) in r.enumerated() { for (j, col) in c.enumerated() { out[row, col] = g[i, j] } }
            return [out]
        case .function(let f):
            if let act = Activation(rawValue: f) { return [act.backward(z: x[0], a: y, gradA: g)] }
            if let m = MathFunction(rawValue: f) {
                var out = g
                for k in out.data.indices { out.data[k] = g.data[k] * m.derivative(x: x[0].data[k], y: y.data[k]) }
                return [out]
            }
            return [g]
        case .reduce(let f, let axis):
            return [reductionBackward(f, axis, x[0], y, g)]
        case .loss(let f):
            let (dy, dt) = LossMath.gradient(f, y: x[0], t: x[1])
            return [dy * g.scalar, dt * g.scalar]
        }
    }

    private static func reductionBackward(_ f: String, _ axis: ReductionAxis, _ x: Tensor, _ y: Tensor, _ g: Tensor) -> Tensor {
        var out = Tensor(rows: x.rows, cols: x.cols)
        func slot(_ i: Int, _ j: Int) -> (Int, Int) {
            switch axis {
            case .all: return (0, 0)
            case .rows: return (i, 0)
            case .cols: return (0, j)
            }
        }
        let count: Double
        switch axis {
        case .all: count = Double(max(1, x.count))
        case .rows: count = Double(max(1, x.cols))
        case .cols: count = Double(max(1, x.rows))
        }
        var taken = Set<Int>()
        for i in 0..<x.rows {
            for j in 0..<x.cols {
                let (si, sj) = slot(i, j)
                switch f {
                case "sum": out[i, j] = g[si, sj]
                case "mean": out[i, j] = g[si, sj] / count
                default:
                    // max/min: the whole gradient goes to the first element that attains it.
                    let key = si * max(1, y.cols) + sj
                    if x[i, j] == y[si, sj], !taken.contains(key) {
                        taken.insert(key)
                        out[i, j] = g[si, sj]
                    }
                }
            }
        }
        return out
    }
}

private extension Node {
    /// Leaves and fresh results are named in place of copying (they belong to no one yet).
    func nameIfUnnamed(_ newName: String) -> Node {
        if name == nil { name = newName; return self }
        return self
    }
}
