/// The activation functions of dense layers (and of the language's elementwise functions).
///
/// - `sigmoid` 1/(1+e⁻ᶻ); its derivative is taken from its own output, a(1−a).
/// - `relu` max(0, z); derivative 1 for z > 0, else 0 (0 at z = 0, as PyTorch).
/// - `tanh`; derivative 1 − a².
/// - `softmax` per row, computed stably by subtracting the row's maximum first;
///   backward uses the per-row Jacobian: dz = a ⊙ (da − Σⱼ da·a).
/// - `identity`; `step` (1 for z > 0, else 0; derivative 0 everywhere);
/// - `leaky_relu` z for z > 0, else 0.01·z (PyTorch's default negative slope 0.01).
///
///     let a = Activation.sigmoid.apply(Tensor([[0]]))            // [[0.5]]
///     let dz = Activation.sigmoid.backward(z: z, a: a, gradA: g)  // g ⊙ a(1−a)
public enum Activation: String, CaseIterable, Sendable {
    case sigmoid, relu, tanh, softmax, identity, step
    case leakyReLU = "leaky_relu"

    /// The slope of `leaky_relu` for negative inputs.
    public static let leakySlope = 0.01

    /// The language's name (`leaky_relu`).
    public var name: String { rawValue }

    public func apply(_ z: Tensor) -> Tensor {
        var a = z
        applyInPlace(rows: z.rows, cols: z.cols, &a.data)
        return a
    }

    /// Replaces each value z in `values` (rows×cols, row-major) by its activation.
    public func applyInPlace(rows: Int, cols: Int, _ values: inout [Double]) {
        values.withUnsafeMutableBufferPointer { applyInPlace(rows: rows, cols: cols, $0) }
    }

    /// Writes the activation of z into a (both rows×cols): one pass for ReLU, whose
    /// forward otherwise costs a copy and a second pass over the layer's outputs.
    public func apply(rows: Int, cols: Int, from z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>) {
        let n = rows * cols
        if self == .relu {
            for k in 0..<n { let v = z[k]; a[k] = v <= 0 ? 0 : v }
            return
        }
        a.update(from: z, count: n)
        applyInPlace(rows: rows, cols: cols, UnsafeMutableBufferPointer(start: a, count: n))
    }

    /// Replaces each value z in `v` (rows×cols, row-major) by its activation (no allocation).
    public func applyInPlace(rows: Int, cols: Int, _ v: UnsafeMutableBufferPointer<Double>) {
            switch self {
            case .sigmoid: for k in v.indices { v[k] = Activation.sigmoidValue(v[k]) }
            // A select, not a branch, so the loop vectorizes (NaN stays NaN: NaN <= 0 is false).
            case .relu: for k in v.indices { v[k] = v[k] <= 0 ? 0 : v[k] }
            case .tanh: for k in v.indices { v[k] = CMath.tanh(v[k]) }
            case .identity: break
            case .step: for k in v.indices { v[k] = v[k] > 0 ? 1 : 0 }
            case .leakyReLU: for k in v.indices where v[k] < 0 { v[k] *= Activation.leakySlope }
            case .softmax:
                for i in 0..<rows {
                    let row = i * cols
                    var m = -Double.infinity
                    for j in 0..<cols { m = Swift.max(m, v[row + j]) }
                    var total = 0.0
                    for j in 0..<cols { v[row + j] = CMath.exp(v[row + j] - m); total += v[row + j] }
                    for j in 0..<cols { v[row + j] /= total }
                }
            }
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
            switch self {
            case .sigmoid: for k in g.indices { g[k] = gradA[k] * a[k] * (1 - a[k]) }
            // Both values loaded first, then a select: the loop vectorizes (a load under
            // the condition kept it scalar and branchy, ~5% of a 784-512-512-10 step).
            case .relu: for k in g.indices { let d = gradA[k], on = z[k] > 0; g[k] = on ? d : 0 }
            case .tanh: for k in g.indices { g[k] = gradA[k] * (1 - a[k] * a[k]) }
            case .identity: for k in g.indices { g[k] = gradA[k] }
            case .step: for k in g.indices { g[k] = 0 }
            case .leakyReLU: for k in g.indices { g[k] = z[k] > 0 ? gradA[k] : Activation.leakySlope * gradA[k] }
            case .softmax:
                for i in 0..<rows {
                    let row = i * cols
                    var dot = 0.0
                    for j in 0..<cols { dot += gradA[row + j] * a[row + j] }
                    for j in 0..<cols { g[row + j] = a[row + j] * (gradA[row + j] - dot) }
                }
            }
    }

    /// ∂a/∂z elementwise at one element, for functions whose Jacobian is diagonal;
    /// nil for softmax, whose outputs depend on the whole row.
    public func derivative(z: Double, a: Double) -> Double? {
        switch self {
        case .sigmoid: return a * (1 - a)
        case .relu: return z > 0 ? 1 : 0
        case .tanh: return 1 - a * a
        case .identity: return 1
        case .step: return 0
        case .leakyReLU: return z > 0 ? 1 : Activation.leakySlope
        case .softmax: return nil
        }
    }
}
