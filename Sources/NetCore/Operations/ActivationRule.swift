/// How one activation computes: its forward and derivative side by side (as micrograd
/// keeps an op's forward and backward together), its help, and how `explain` words ∂a/∂z.
///
/// Most activations are elementwise and are written as two scalar functions with
/// `ActivationRule.elementwise`; the loops over a layer's values are built from them.
/// An activation whose loop was measured to matter (relu) or that works per row
/// (softmax) gives its loops itself with `ActivationRule.kernels`.
public struct ActivationRule: Sendable {
    /// Forward from `z` into `a` (rows×cols, row-major); `z` and `a` may be the same memory.
    public typealias Forward = @Sendable (_ rows: Int, _ cols: Int, _ z: UnsafePointer<Double>, _ a: UnsafeMutablePointer<Double>) -> Void
    /// dL/dz into `g` from z, a = f(z) and dL/da; `g` may not alias `gradA` for row-wise rules.
    public typealias Backward = @Sendable (_ rows: Int, _ cols: Int, _ z: UnsafeBufferPointer<Double>, _ a: UnsafeBufferPointer<Double>,
                                           _ gradA: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Void
    /// ∂a/∂z at one element from z and a.
    public typealias Derivative = @Sendable (_ z: Double, _ a: Double) -> Double
    /// ∂a/∂z in words for `explain`, from the output's name and the values of a and z as text.
    public typealias DerivativeText = @Sendable (_ a: String, _ av: String, _ zv: String) -> String

    public let info: OperationInfo
    public let forward: Forward
    public let backward: Backward
    /// nil when the Jacobian is not diagonal (softmax: each output depends on the whole row).
    public let derivative: Derivative?
    public let derivativeText: DerivativeText

    /// An activation from its scalar forward f(z) and derivative f′ (given z and a = f(z)).
    /// dL/dz is dL/da · f′ unless `chain` computes it another way (an order of operations
    /// kept so results stay the same to the last bit, or a flat function that passes nothing).
    /// Inlined so each entry's closures are specialised into its loops.
    @inline(__always)
    public static func elementwise(_ name: String, summary: String, help: String,
                                   forward f: @escaping @Sendable (Double) -> Double,
                                   derivative df: @escaping Derivative,
                                   chain: (@Sendable (_ gradA: Double, _ z: Double, _ a: Double) -> Double)? = nil,
                                   explain: @escaping DerivativeText) -> ActivationRule {
        let backward: Backward
        if let chain {
            backward = { _, _, z, a, gradA, g in for k in g.indices { g[k] = chain(gradA[k], z[k], a[k]) } }
        } else {
            backward = { _, _, z, a, gradA, g in for k in g.indices { g[k] = gradA[k] * df(z[k], a[k]) } }
        }
        return ActivationRule(
            info: OperationInfo(name, .activation, arguments: [OperationInfo.Argument("x")], summary: summary, help: help),
            forward: { rows, cols, z, a in for k in 0..<(rows * cols) { a[k] = f(z[k]) } },
            backward: backward, derivative: df, derivativeText: explain)
    }

    /// An activation that brings its own loops (for speed, or because it works per row).
    public static func kernels(_ name: String, summary: String, help: String, forward: @escaping Forward,
                               backward: @escaping Backward, derivative: Derivative?,
                               explain: @escaping DerivativeText) -> ActivationRule {
        ActivationRule(info: OperationInfo(name, .activation, arguments: [OperationInfo.Argument("x")], summary: summary, help: help),
                       forward: forward, backward: backward, derivative: derivative, derivativeText: explain)
    }
}
