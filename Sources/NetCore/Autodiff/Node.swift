/// One value of a computational graph and how it was computed: the lessons' graph of
/// apples and oranges, built op by op. Reverse-mode differentiation over it is
/// `gradients(of:)`.
///
///     let apple = Node(Tensor(scalar: 100), name: "apple")
///     let count = Node(Tensor(scalar: 2), name: "apple_num")
///     let cost = try Node.make(.binary(.mul), [apple, count])      // 200
///     let g = try gradients(of: cost)
///     g[apple]                                                     // [[2]]
public final class Node {
    public let value: Tensor
    public let op: NodeOp
    /// The operands, in order. Emptied only while the node is being freed.
    public private(set) var inputs: [Node]
    /// The tensor's name in the session, if it has one.
    public var name: String?

    /// A leaf: a tensor given by value.
    public init(_ value: Tensor, name: String? = nil) {
        self.value = value; self.op = .leaf; self.inputs = []; self.name = name
    }

    private init(value: Tensor, op: NodeOp, inputs: [Node], name: String?) {
        self.value = value; self.op = op; self.inputs = inputs; self.name = name
    }

    /// Computes `op` of the inputs' values and records it. Throws `ShapeError` for shapes
    /// that do not fit and `ValueError` for a wrong number of inputs or bad indices.
    public static func make(_ op: NodeOp, _ inputs: [Node], name: String? = nil) throws -> Node {
        guard inputs.count == op.arity else {
            throw ValueError("\(op.label) takes \(op.arity) input\(op.arity == 1 ? "" : "s"), got \(inputs.count)")
        }
        let value = try NodeForward.value(of: op, inputs.map(\.value))
        return Node(value: value, op: op, inputs: inputs, name: name)
    }

    // Freeing a long chain would otherwise recurse once per node and overflow the stack:
    // take over the inputs of every node that is about to die and free them in a loop.
    deinit {
        var pending = inputs
        inputs.removeAll()
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.inputs)
                node.inputs.removeAll()
            }
        }
    }
}

/// The forward computation of each operation.
enum NodeForward {
    static func value(of op: NodeOp, _ v: [Tensor]) throws -> Tensor {
        switch op {
        case .leaf:
            throw ValueError("a leaf has no operation to compute")
        case .binary(let b):
            return try Tensor.apply(b, v[0], v[1])
        case .matmul:
            return try v[0].matmul(v[1], names: ("a", "b"))
        // Elementwise and transposing work in blocks that check the interrupt flag.
        case .negate:
            return try v[0].mapInterruptibly { -$0 }
        case .transpose:
            return try v[0].transposedInterruptibly()
        case .activation(let a):
            return try a.applyInterruptibly(v[0])
        case .math(let f):
            return try v[0].mapInterruptibly { f($0) }
        case .reduce(let kind, let axis):
            return try v[0].reduce(kind, over: axis)
        case .slice(let rows, let cols):
            return try v[0].slice(rows: rows, cols: cols)
        case .loss(let kind):
            if kind == .crossEntropy { return Tensor(scalar: try LossKind.crossEntropy(logits: v[0], v[1]).loss) }
            return Tensor(scalar: try kind.value(v[0], v[1]))
        case .argmax:
            return try v[0].argmaxPerRow()
        case .accuracy:
            return Tensor(scalar: try Tensor.accuracy(v[0], v[1]))
        }
    }
}
