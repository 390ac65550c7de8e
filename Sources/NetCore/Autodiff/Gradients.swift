/// The result of reverse-mode differentiation: d root / d node for every node the root
/// depends on, and those nodes in topological order (inputs before the nodes using them,
/// the root last).
///
///     let g = try gradients(of: price)
///     g[apple]?.scalar      // 2.2
///     g.order.map(\.name)   // every tensor price depends on
public struct Gradients {
    /// Every node reachable from the root, each once, inputs first, the root last.
    public let order: [Node]
    private let storage: [ObjectIdentifier: Tensor]

    init(order: [Node], storage: [ObjectIdentifier: Tensor]) {
        self.order = order; self.storage = storage
    }

    /// d root / d node, shaped like the node's value; nil if the root does not depend on it.
    public subscript(node: Node) -> Tensor? { storage[ObjectIdentifier(node)] }
}

/// Reverse-mode differentiation of `root` with respect to every node it depends on.
///
/// - Iterative: the graph is ordered with an explicit stack, so a chain of any length works.
/// - A node used several times (`b = a + a`) gets the sum of the gradients of its uses.
/// - Each call computes fresh gradients and returns them; nothing is stored in the nodes,
///   so calling it twice gives the same result (no accumulation, unlike PyTorch's `.grad`).
/// - A root that is not 1×1 is seeded with ones, i.e. the gradient of the sum of its
///   elements — what PyTorch's `root.backward(torch.ones_like(root))` computes.
public func gradients(of root: Node) throws -> Gradients {
    let order = topologicalOrder(from: root)
    var grads: [ObjectIdentifier: Tensor] = [:]
    grads[ObjectIdentifier(root)] = Tensor(rows: root.value.rows, cols: root.value.cols, repeating: 1)
    for node in order.reversed() {
        try Interruption.check()   // one operation at a time, as the forward evaluation
        guard let g = grads[ObjectIdentifier(node)], !node.inputs.isEmpty else { continue }
        let local = try NodeBackward.inputGradients(node, g)
        for (input, gi) in zip(node.inputs, local) {
            let key = ObjectIdentifier(input)
            if let existing = grads[key] {
                grads[key] = try existing + gi
            } else {
                grads[key] = gi
            }
        }
    }
    return Gradients(order: order, storage: grads)
}

/// Every node `root` depends on, each once, inputs before the nodes that use them and the
/// root last (post-order depth-first search with an explicit stack, so any depth works).
///
///     topologicalOrder(from: price).compactMap(\.name)   // ["apple", "apple_num", …, "price"]
public func topologicalOrder(from root: Node) -> [Node] {
    var order: [Node] = []
    var visited = Set<ObjectIdentifier>()
    // (node, index of the next input to visit)
    var stack: [(Node, Int)] = [(root, 0)]
    visited.insert(ObjectIdentifier(root))
    while let (node, next) = stack.last {
        if next < node.inputs.count {
            stack[stack.count - 1].1 = next + 1
            let input = node.inputs[next]
            if visited.insert(ObjectIdentifier(input)).inserted {
                stack.append((input, 0))
            }
        } else {
            order.append(node)
            stack.removeLast()
        }
    }
    return order
}

/// The local chain rule of each operation: given dRoot/dNode, the gradient for each input,
/// shaped like that input (broadcast operands get their gradient summed back).
enum NodeBackward {
    static func inputGradients(_ node: Node, _ g: Tensor) throws -> [Tensor] {
        let v = node.inputs.map(\.value)
        let y = node.value
        func zeros(_ t: Tensor) -> Tensor { Tensor(rows: t.rows, cols: t.cols) }
        func toShape(_ t: Tensor, _ like: Tensor) -> Tensor { t.reduced(toRows: like.rows, cols: like.cols) }
        switch node.op {
        case .leaf:
            return []
        case .binary(let op):
            let (a, b) = (v[0], v[1])
            switch op {
            case .add:
                return [toShape(g, a), toShape(g, b)]
            case .sub:
                return [toShape(g, a), toShape(-g, b)]
            case .mul:
                return [toShape(try g * b, a), toShape(try g * a, b)]
            case .div:
                let ga = try g / b
                let gb = try Tensor.zipBroadcast(try g * a, b, op: "/") { -$0 / ($1 * $1) }
                return [toShape(ga, a), toShape(gb, b)]
            case .pow:
                // d/da a^k = k·a^(k−1); d/dk a^k = a^k·ln a (0 where a = 0 and k ≥ 0, as PyTorch).
                let da = try Tensor.zipBroadcast(a, b, op: "^") { x, k in k * CMath.pow(x, k - 1) }
                let lnA = try Tensor.zipBroadcast(a, b, op: "^") { x, k in
                    (x == 0 && k >= 0) ? 0 : CMath.pow(x, k) * CMath.log(x)
                }
                return [toShape(try g * da, a), toShape(try g * lnA, b)]
            default:
                return [zeros(a), zeros(b)]
            }
        case .matmul:
            return [try Tensor.product(g, v[1], transposeB: true), try Tensor.product(v[0], g, transposeA: true)]
        case .negate:
            return [-g]
        case .transpose:
            return [g.transposed]
        case .activation(let act):
            return [act.backward(z: v[0], a: y, gradA: g)]
        case .math(let f):
            var out = Tensor(rows: y.rows, cols: y.cols)
            for k in out.data.indices { out.data[k] = g.data[k] * f.derivative(x: v[0].data[k], y: y.data[k]) }
            return [out]
        case .reduce(let kind, let axis):
            return [reductionGradient(kind, axis, input: v[0], output: y, g)]
        case .slice(let rows, let cols):
            let a = v[0]
            if a.count == 0 { return [a] }
            return [a.scatteredSlice(g, rows: rows ?? 0...(a.rows - 1), cols: cols ?? 0...(a.cols - 1))]
        case .loss(let kind):
            return try lossGradients(kind, y: v[0], t: v[1], seed: g.scalar)
        case .argmax:
            return [zeros(v[0])]
        case .accuracy:
            return [zeros(v[0]), zeros(v[1])]
        }
    }

    static func reductionGradient(_ kind: ReductionKind, _ axis: ReductionAxis,
                                  input a: Tensor, output y: Tensor, _ g: Tensor) -> Tensor {
        var out = Tensor(rows: a.rows, cols: a.cols)
        let perOutput = Double(a.count / Swift.max(y.count, 1))
        func outIndex(_ i: Int, _ j: Int) -> Int {
            (y.rows == 1 ? 0 : i) * y.cols + (y.cols == 1 ? 0 : j)
        }
        switch kind {
        case .sum, .mean:
            let scale = kind == .mean ? 1 / perOutput : 1
            for i in 0..<a.rows { for j in 0..<a.cols { out.data[i * a.cols + j] = g.data[outIndex(i, j)] * scale } }
        case .max, .min:
            var taken = [Bool](repeating: false, count: y.count)
            for i in 0..<a.rows {
                for j in 0..<a.cols {
                    let k = outIndex(i, j)
                    if !taken[k] && a.data[i * a.cols + j] == y.data[k] {
                        taken[k] = true
                        out.data[i * a.cols + j] = g.data[k]
                    }
                }
            }
        }
        return out
    }

    static func lossGradients(_ kind: LossKind, y: Tensor, t: Tensor, seed: Double) throws -> [Tensor] {
        switch kind {
        case .crossEntropy:
            // With respect to the logits: (softmax − t)/N; to a one-hot t: −log softmax / N.
            let (_, p) = try LossKind.crossEntropy(logits: y, t)
            let oneHot = try Tensor.oneHotTarget(t, for: y, op: "cross_entropy")
            let n = Double(Swift.max(y.rows, 1))
            let gz = try (p - oneHot) * (seed / n)
            var gt = Tensor(rows: t.rows, cols: t.cols)
            if t.rows == y.rows && t.cols == y.cols {
                gt = p.map { -LossKind.clampedLog($0) * seed / n }
            }
            return [gz, gt]
        case .mse, .sse, .halfSSE:
            let gy = try kind.gradient(y, t) * seed
            return [gy, -gy]
        case .bce:
            let gy = try kind.gradient(y, t) * seed
            // dL/dt = −(1/N)(log y − log(1 − y))
            let n = Double(Swift.max(y.rows, 1))
            let gt = y.map { -(LossKind.clampedLog($0) - LossKind.clampedLog(1 - $0)) * seed / n }
            return [gy, gt]
        }
    }
}
