import NetSupport

/// The losses of the language, with y the output, t the target and N the number of rows.
///
/// | kind | value | dL/dy |
/// |---|---|---|
/// | `mse` | mean over all elements of (y − t)² | 2(y − t)/count |
/// | `sse` | Σ (y − t)² | 2(y − t) |
/// | `half_sse` | ½ Σ (t − y)² | y − t |
/// | `cross_entropy` | −(1/N) Σ t·log y (y from a softmax) | −t/(N·y); fused with softmax: dL/dz = (y − t)/N |
/// | `bce` | −(1/N) Σ [t log y + (1 − t) log(1 − y)] | (y − t)/(N·y(1 − y)) |
///
/// For `cross_entropy`, t is one-hot rows or an N×1 column of 1-based classes. Logarithms
/// are clamped at −100, as PyTorch's BCELoss does, so a confident wrong answer gives a
/// large finite loss instead of infinity; terms with t = 0 contribute nothing.
///
///     try LossKind.mse.value(Tensor([[1.5, 0.3]]), Tensor([[3.45, 5.67]]))   // 16.3197
public enum LossKind: String, CaseIterable, Sendable {
    case mse, sse
    case halfSSE = "half_sse"
    case crossEntropy = "cross_entropy"
    case bce

    /// The language's name (`half_sse`).
    public var name: String { rawValue }

    /// The formula as plain text, for `loss KIND` to show, in the lessons' notation:
    /// E for the error and o for the network's output (o1, o2 in the layer tables),
    /// as in lesson 03 and in `explain` and `show network`.
    public var formula: String {
        switch self {
        case .mse: return "E = mean((o − t)²)"
        case .sse: return "E = Σ (o − t)²"
        case .halfSSE: return "E = ½ Σ (t − o)²"
        case .crossEntropy: return "E = −(1/N) Σ t·log o   (o = softmax(z); dE/dz = (o − t)/N)"
        case .bce: return "E = −(1/N) Σ [t·log o + (1 − t)·log(1 − o)]"
        }
    }

    static func clampedLog(_ x: Double) -> Double { Swift.max(CMath.log(x), -100) }

    /// The target with the shape of y (class columns become one-hot for cross_entropy).
    public func target(_ t: Tensor, for y: Tensor) throws -> Tensor {
        if self == .crossEntropy { return try Tensor.oneHotTarget(t, for: y, op: name) }
        guard t.rows == y.rows && t.cols == y.cols else {
            throw ShapeError("shape mismatch in \(name)(y, t): \(y.shapeDescription) and \(t.shapeDescription)")
        }
        if self == .bce { try Self.checkProbabilities(t) }
        return t
    }

    /// bce's targets are probabilities: a class number 2 (a data set's classes 1 and 2)
    /// gives a negative loss that still "falls" as the network learns nonsense, so it is
    /// an error, with the two ways to say what was meant.
    static func checkProbabilities(_ t: Tensor) throws {
        guard let i = t.data.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) else { return }
        let v = t.data[i]
        let classes = v == v.rounded() && v >= 1 && v <= 1e6
        throw ValueError("bce takes targets from 0 to 1 (the probability of the class), but the target holds "
                         + "\(SentenceNumber.text(v, .exact)) at [\(i / t.cols + 1), \(i % t.cols + 1)]"
                         + (classes ? "; for classes numbered 1 and 2 give T - 1, or use a softmax output with loss cross_entropy" : ""))
    }

    /// The loss of output y against target t.
    public func value(_ y: Tensor, _ t: Tensor) throws -> Double {
        let t = try target(t, for: y)
        return valueUnchecked(y.data, t.data, rows: y.rows)
    }

    /// The loss on raw storage of equal sizes (targets already in y's shape).
    public func valueUnchecked(_ y: [Double], _ t: [Double], rows: Int) -> Double {
        y.withUnsafeBufferPointer { y in t.withUnsafeBufferPointer { t in valueUnchecked(y, t, rows: rows) } }
    }

    /// The loss on raw pointers of equal sizes (no allocation).
    public func valueUnchecked(_ y: UnsafeBufferPointer<Double>, _ t: UnsafeBufferPointer<Double>, rows: Int) -> Double {
        var total = 0.0
        switch self {
        case .mse, .sse, .halfSSE:
            for k in y.indices { let d = y[k] - t[k]; total += d * d }
            if self == .mse { total /= Double(Swift.max(y.count, 1)) }
            if self == .halfSSE { total *= 0.5 }
        case .crossEntropy:
            for k in y.indices where t[k] != 0 { total -= t[k] * LossKind.clampedLog(y[k]) }
            total /= Double(Swift.max(rows, 1))
        case .bce:
            for k in y.indices {
                if t[k] != 0 { total -= t[k] * LossKind.clampedLog(y[k]) }
                if t[k] != 1 { total -= (1 - t[k]) * LossKind.clampedLog(1 - y[k]) }
            }
            total /= Double(Swift.max(rows, 1))
        }
        return total
    }

    /// dL/dy of output y against target t.
    public func gradient(_ y: Tensor, _ t: Tensor) throws -> Tensor {
        let t = try target(t, for: y)
        var g = Tensor(rows: y.rows, cols: y.cols)
        gradientUnchecked(y.data, t.data, rows: y.rows, into: &g.data)
        return g
    }

    /// dL/dy on raw storage (targets already in y's shape), written into `g`.
    public func gradientUnchecked(_ y: [Double], _ t: [Double], rows: Int, into g: inout [Double]) {
        y.withUnsafeBufferPointer { y in
            t.withUnsafeBufferPointer { t in
                g.withUnsafeMutableBufferPointer { g in gradientUnchecked(y, t, rows: rows, into: g) }
            }
        }
    }

    /// dL/dy on raw pointers (no allocation).
    public func gradientUnchecked(_ y: UnsafeBufferPointer<Double>, _ t: UnsafeBufferPointer<Double>, rows: Int,
                                  into g: UnsafeMutableBufferPointer<Double>) {
        let n = Double(Swift.max(rows, 1))
        switch self {
        case .mse:
            let s = 2 / Double(Swift.max(y.count, 1))
            for k in y.indices { g[k] = s * (y[k] - t[k]) }
        case .sse: for k in y.indices { g[k] = 2 * (y[k] - t[k]) }
        case .halfSSE: for k in y.indices { g[k] = y[k] - t[k] }
        case .crossEntropy: for k in y.indices { g[k] = t[k] == 0 ? 0 : -t[k] / (n * y[k]) }
        case .bce:
            for k in y.indices { g[k] = (y[k] - t[k]) / (n * Swift.max(y[k] * (1 - y[k]), 1e-12)) }
        }
    }

    /// The language's `cross_entropy(logits, t)`: softmax of the logits, then the loss;
    /// also returns the softmax (the gradient with respect to the logits is (y − t)/N).
    public static func crossEntropy(logits z: Tensor, _ t: Tensor) throws -> (loss: Double, softmax: Tensor) {
        let y = Activation.softmax.apply(z)
        let oneHot = try Tensor.oneHotTarget(t, for: z, op: "cross_entropy")
        // log softmax computed as z − max − log Σ exp(z − max): finite even when y underflows.
        var total = 0.0
        for i in 0..<z.rows {
            let row = i * z.cols
            var m = -Double.infinity
            for j in 0..<z.cols { m = Swift.max(m, z.data[row + j]) }
            var s = 0.0
            for j in 0..<z.cols { s += CMath.exp(z.data[row + j] - m) }
            let logSum = m + CMath.log(s)
            for j in 0..<z.cols where oneHot.data[row + j] != 0 {
                total -= oneHot.data[row + j] * (z.data[row + j] - logSum)
            }
        }
        return (total / Double(Swift.max(z.rows, 1)), y)
    }
}
