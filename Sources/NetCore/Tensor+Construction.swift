/// Constructors of the language (`zeros ones eye linspace rand randn onehot`) and the size guard.
///
///     Tensor.eye(2)                          // [[1, 0], [0, 1]]
///     Tensor.linspace(0, 1, 3)               // [[0], [0.5], [1]]
///     var g = SeededGenerator(seed: 42)
///     try Tensor.randn(2, 3, using: &g)
///     try Tensor.onehot(Tensor([[2], [1]]), classes: 3)   // [[0, 1, 0], [1, 0, 0]]
///
/// Sizes must not be negative: check sizes a user chose with `checkSize` first, which also
/// enforces the session's element limit.
extension Tensor {
    /// The default session limit: 50 million elements per tensor.
    public static let defaultElementLimit = 50_000_000

    /// Throws unless a rows×cols tensor is a valid size within `limit` elements.
    /// Call it before allocating anything whose size a user chose.
    public static func checkSize(rows: Int, cols: Int, limit: Int = defaultElementLimit,
                                 what: String = "tensor") throws {
        guard rows >= 0, cols >= 0 else {
            throw ValueError("\(what) size \(rows)×\(cols) is negative")
        }
        let (n, overflow) = rows.multipliedReportingOverflow(by: cols)
        guard !overflow, n <= limit else {
            let count = overflow ? "more than \(Int.max)" : "\(n)"
            throw LimitError("\(what) of size \(rows)×\(cols) has \(count) elements, beyond the session's limit of \(limit)")
        }
    }

    public static func zeros(_ rows: Int, _ cols: Int) -> Tensor { Tensor(rows: rows, cols: cols) }
    public static func ones(_ rows: Int, _ cols: Int) -> Tensor { Tensor(rows: rows, cols: cols, repeating: 1) }

    public static func eye(_ n: Int) -> Tensor {
        var t = Tensor(rows: n, cols: n)
        for i in 0..<n { t.data[i * n + i] = 1 }
        return t
    }

    /// n evenly spaced numbers from a to b inclusive, as an n×1 column (numpy's linspace).
    public static func linspace(_ a: Double, _ b: Double, _ n: Int) -> Tensor {
        var t = Tensor(rows: n, cols: 1)
        if n == 1 { t.data[0] = a }
        if n >= 2 {
            let step = (b - a) / Double(n - 1)
            for i in 0..<n { t.data[i] = a + Double(i) * step }
            t.data[n - 1] = b
        }
        return t
    }

    /// Numbers drawn between two checks of the interrupt flag (a few ms of work): a
    /// 50-million-element `randn` stops at an interrupt.
    static let drawsBetweenChecks = 1 << 16

    /// Uniform on [0, 1), drawn row by row.
    public static func rand(_ rows: Int, _ cols: Int, using g: inout SeededGenerator) throws -> Tensor {
        var t = Tensor(rows: rows, cols: cols)
        for k in t.data.indices {
            try Interruption.check(item: k, every: drawsBetweenChecks)
            t.data[k] = g.nextUniform()
        }
        return t
    }

    /// Standard normal, drawn row by row.
    public static func randn(_ rows: Int, _ cols: Int, using g: inout SeededGenerator) throws -> Tensor {
        var t = Tensor(rows: rows, cols: cols)
        for k in t.data.indices {
            try Interruption.check(item: k, every: drawsBetweenChecks)
            t.data[k] = g.nextNormal()
        }
        return t
    }

    /// One row per label; labels are 1-based classes (any shape, read row-major).
    public static func onehot(_ labels: Tensor, classes: Int) throws -> Tensor {
        guard classes >= 1 else { throw ValueError("onehot needs at least 1 class, got \(classes)") }
        try checkSize(rows: labels.count, cols: classes)
        var t = Tensor(rows: labels.count, cols: classes)
        for (i, v) in labels.data.enumerated() {
            guard v == v.rounded(), v >= 1, v <= Double(classes) else {
                throw ValueError("label \(v) in onehot is not an integer between 1 and \(classes)")
            }
            t.data[i * classes + Int(v) - 1] = 1
        }
        return t
    }
}
