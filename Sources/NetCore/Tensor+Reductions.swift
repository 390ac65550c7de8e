/// What a reduction computes: `sum(a)`, `mean(a)`, `max(a)`, `min(a)` (see `Tensor.reduce`).
public enum ReductionKind: String, CaseIterable, Sendable { case sum, mean, max, min }

/// What a reduction keeps: `.all` gives 1×1, `.rows` one value per row (r×1),
/// `.cols` one value per column (1×c) — the language's `sum(a, rows)` / `sum(a, cols)`.
public enum ReductionAxis: String, CaseIterable, Sendable { case all, rows, cols }

/// Reductions and argmax.
///
///     let a = Tensor([[1, 2, 3], [4, 5, 6]])
///     try a.reduce(.sum, over: .rows)    // [[6], [15]]
///     try a.reduce(.max, over: .cols)    // [[4, 5, 6]]
///     try a.argmaxPerRow()               // [[3], [3]]  (1-based)
extension Tensor {
    public func reduce(_ kind: ReductionKind, over axis: ReductionAxis = .all) throws -> Tensor {
        if count == 0 && (kind != .sum) {
            throw ValueError("\(kind.rawValue) of an empty \(shapeDescription) tensor")
        }
        let (outR, outC): (Int, Int)
        switch axis {
        case .all: (outR, outC) = (1, 1)
        case .rows: (outR, outC) = (rows, 1)
        case .cols: (outR, outC) = (1, cols)
        }
        let initial: Double
        switch kind {
        case .sum, .mean: initial = 0
        case .max: initial = -.infinity
        case .min: initial = .infinity
        }
        var out = Tensor(rows: outR, cols: outC, repeating: initial)
        for i in 0..<rows {
            for j in 0..<cols {
                let k = (outR == 1 ? 0 : i) * outC + (outC == 1 ? 0 : j)
                let x = data[i * cols + j]
                switch kind {
                case .sum, .mean: out.data[k] += x
                // NaN propagates, as numpy's max does.
                case .max: if x > out.data[k] || x.isNaN { out.data[k] = x }
                case .min: if x < out.data[k] || x.isNaN { out.data[k] = x }
                }
            }
        }
        if kind == .mean {
            let n = Double(count / out.count)
            for k in out.data.indices { out.data[k] /= n }
        }
        return out
    }

    /// Sum of all elements.
    public var sum: Double { data.reduce(0, +) }

    /// For each row, the 1-based column of its largest element (first one on ties), r×1.
    public func argmaxPerRow() throws -> Tensor {
        guard cols > 0 else { throw ValueError("argmax of a \(shapeDescription) tensor with no columns") }
        var out = Tensor(rows: rows, cols: 1)
        for i in 0..<rows {
            var best = 0
            for j in 1..<cols where data[i * cols + j] > data[i * cols + best] { best = j }
            out.data[i] = Double(best + 1)
        }
        return out
    }

    /// The share of rows whose argmax of `y` matches the target `t`: `t` is either one-hot
    /// rows (same shape as `y`) or an r×1 column of 1-based class indices.
    ///
    ///     try Tensor.accuracy(Tensor([[0.9, 0.1], [0.2, 0.8]]), Tensor([[1], [1]]))   // 0.5
    public static func accuracy(_ y: Tensor, _ t: Tensor) throws -> Double {
        let predicted = try y.argmaxPerRow()
        let classes = try targetClasses(t, for: y, op: "accuracy")
        guard y.rows > 0 else { return 0 }
        var hits = 0
        for i in 0..<y.rows where predicted.data[i] == Double(classes[i] + 1) { hits += 1 }
        return Double(hits) / Double(y.rows)
    }

    /// 0-based class per row of a target given as one-hot rows or a column of 1-based classes.
    static func targetClasses(_ t: Tensor, for y: Tensor, op: String) throws -> [Int] {
        if t.rows == y.rows && t.cols == y.cols && y.cols > 1 {
            return try t.argmaxPerRow().data.map { Int($0) - 1 }
        }
        guard t.rows == y.rows && t.cols == 1 else {
            throw ShapeError("shape mismatch in \(op)(y, t): \(y.shapeDescription) and \(t.shapeDescription) (t must be one-hot \(y.shapeDescription) or a \(y.rows)×1 column of classes)")
        }
        return try t.data.map { v in
            guard v == v.rounded(), v >= 1, v <= Double(y.cols) else {
                throw ValueError("class \(v) in \(op) is not an integer between 1 and \(y.cols)")
            }
            return Int(v) - 1
        }
    }

    /// One-hot rows for targets that are a column of 1-based classes; one-hot targets pass through.
    public static func oneHotTarget(_ t: Tensor, for y: Tensor, op: String) throws -> Tensor {
        if t.rows == y.rows && t.cols == y.cols { return t }
        let classes = try targetClasses(t, for: y, op: op)
        var out = Tensor(rows: y.rows, cols: y.cols)
        for (i, c) in classes.enumerated() { out.data[i * y.cols + c] = 1 }
        return out
    }
}
