/// The gradient that flows back along each input edge of `node` when d root / d node is `g`:
/// one step of the chain rule, what `gradients(of:)` adds up for a node used several times.
/// `show graph` writes it under each arrow, as the lessons' computational graphs do.
///
///     // c = a * a, a = 3: each of the two edges carries 3, and ∂c/∂a = 3 + 3 = 6
///     try edgeGradients(of: c, given: Tensor(scalar: 1))   // [[[3]], [[3]]]
public func edgeGradients(of node: Node, given g: Tensor) throws -> [Tensor] {
    node.inputs.isEmpty ? [] : try NodeBackward.inputGradients(node, g)
}
