/// An activation function of dense layers (and of the language's elementwise functions):
/// a handle on one entry of ActivationTable, which holds its forward and derivative.
///
/// Kept a small value (an index) so layers, graph nodes and saved sessions carry it
/// cheaply; `Activation(rawValue: "relu")` finds it by its language name. The common
/// ones have static names (`.sigmoid`, `.softmax`) for code that builds networks.
///
///     let a = Activation.sigmoid.apply(Tensor([[0]]))            // [[0.5]]
///     let dz = Activation.sigmoid.backward(z: z, a: a, gradA: g)  // g ⊙ a(1−a)
public struct Activation: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    private let index: Int

    /// Every activation, in table order.
    public static var allCases: [Activation] { ActivationTable.rules.indices.map { Activation(index: $0) } }

    private init(index: Int) { self.index = index }

    /// The activation with this language name, or nil.
    public init?(rawValue name: String) {
        guard let i = ActivationTable.rules.firstIndex(where: { $0.info.name == name }) else { return nil }
        index = i
    }

    public static let sigmoid = named("sigmoid")
    public static let relu = named("relu")
    public static let tanh = named("tanh")
    public static let softmax = named("softmax")
    public static let identity = named("identity")
    public static let step = named("step")
    public static let leakyReLU = named("leaky_relu")

    private static func named(_ name: String) -> Activation {
        guard let a = Activation(rawValue: name) else { preconditionFailure("no activation '\(name)' in ActivationTable") }
        return a
    }

    /// The slope of `leaky_relu` for negative inputs.
    public static let leakySlope = 0.01

    /// The entry of the table: forward, derivative, help. (The hot paths below read the
    /// one closure they need from the table in place rather than copying the whole entry.)
    public var rule: ActivationRule { ActivationTable.rules[index] }
    /// The name, arguments and help text.
    public var info: OperationInfo { rule.info }
    /// The language's name (`leaky_relu`).
    public var name: String { rule.info.name }
    public var rawValue: String { name }
    public var description: String { name }

    public func apply(_ z: Tensor) -> Tensor {
        var a = z
        applyInPlace(rows: z.rows, cols: z.cols, &a.data)
        return a
    }

    /// Replaces each value z in `values` (rows×cols, row-major) by its activation.
    public func applyInPlace(rows: Int, cols: Int, _ values: inout [Double]) {
        values.withUnsafeMutableBufferPointer { applyInPlace(rows: rows, cols: cols, $0) }
    }

    /// Writes the activation of z into a (both rows×cols) in one pass.
    public func apply(rows: Int, cols: Int, from z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>) {
        ActivationTable.rules[index].forward(rows, cols, z, a)
    }

    /// Replaces each value z in `v` (rows×cols, row-major) by its activation (no allocation).
    public func applyInPlace(rows: Int, cols: Int, _ v: UnsafeMutableBufferPointer<Double>) {
        guard let base = v.baseAddress, rows * cols > 0 else { return }
        ActivationTable.rules[index].forward(rows, cols, UnsafePointer(base), base)
    }

    /// Numerically safe logistic function: never computes exp of a large positive number.
    @inlinable public static func sigmoidValue(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + CMath.exp(-z)) }
        let e = CMath.exp(z)
        return e / (1 + e)
    }

    /// dL/dz from dL/da, given the layer's z and a = f(z).
    public func backward(z: Tensor, a: Tensor, gradA: Tensor) -> Tensor {
        var out = Tensor(rows: z.rows, cols: z.cols)
        backwardInPlace(rows: z.rows, cols: z.cols, z: z.data, a: a.data, gradA: gradA.data, into: &out.data)
        return out
    }

    /// dL/dz from dL/da on raw row-major storage (no allocation).
    public func backwardInPlace(rows: Int, cols: Int, z: [Double], a: [Double], gradA: [Double],
                                into gz: inout [Double]) {
        z.withUnsafeBufferPointer { z in
            a.withUnsafeBufferPointer { a in
                gradA.withUnsafeBufferPointer { gradA in
                    gz.withUnsafeMutableBufferPointer { g in
                        backwardInPlace(rows: rows, cols: cols, z: z, a: a, gradA: gradA, into: g)
                    }
                }
            }
        }
    }

    /// dL/dz from dL/da on raw pointers; `g` may not alias `gradA` for softmax.
    public func backwardInPlace(rows: Int, cols: Int, z: UnsafeBufferPointer<Double>, a: UnsafeBufferPointer<Double>,
                                gradA: UnsafeBufferPointer<Double>, into g: UnsafeMutableBufferPointer<Double>) {
        ActivationTable.rules[index].backward(rows, cols, z, a, gradA, g)
    }

    /// ∂a/∂z elementwise at one element, for functions whose Jacobian is diagonal;
    /// nil for softmax, whose outputs depend on the whole row.
    public func derivative(z: Double, a: Double) -> Double? {
        ActivationTable.rules[index].derivative?(z, a)
    }
}
