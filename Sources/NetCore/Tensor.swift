/// A 2-D matrix of `Double`, stored row-major: rows are samples, columns features.
///
/// Every value in NetBook is a `Tensor`; a number is 1×1, `[1, 2]` is 1×2.
///
///     let x = Tensor([[0.1, 0.2]])          // 1×2
///     x[0, 1]                                // 0.2 (0-based here; the language is 1-based)
public struct Tensor: Equatable, Sendable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    /// Row-major storage: element (r, c) is `data[r * cols + c]`.
    public var data: [Double]

    public init(rows: Int, cols: Int, data: [Double]) {
        precondition(rows >= 0 && cols >= 0 && data.count == rows * cols,
                     "Tensor storage \(data.count) does not fit \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    /// Sizes must not be negative (a programming error: sizes a user chose go through
    /// `Tensor.checkSize` first, which throws instead).
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Tensor size \(rows)×\(cols) is negative; check user sizes with Tensor.checkSize")
        self.init(rows: rows, cols: cols, data: Array(repeating: value, count: rows * cols))
    }

    /// A tensor from nested rows; all rows must have the same length (checked by the caller's parser).
    public init(_ nested: [[Double]]) {
        let r = nested.count
        let c = nested.first?.count ?? 0
        self.init(rows: r, cols: c, data: nested.flatMap { $0 })
    }

    /// A 1×1 tensor.
    public init(scalar: Double) {
        self.init(rows: 1, cols: 1, data: [scalar])
    }

    public var count: Int { rows * cols }
    public var isScalar: Bool { rows == 1 && cols == 1 }
    /// The value of a 1×1 tensor (the first element otherwise).
    public var scalar: Double { data[0] }
    /// "2×3", as errors and tables print shapes.
    public var shapeDescription: String { "\(rows)×\(cols)" }

    /// 0-based element access.
    @inlinable public subscript(r: Int, c: Int) -> Double {
        get { data[r * cols + c] }
        set { data[r * cols + c] = newValue }
    }

    /// The rows as nested arrays (for JSON and tables).
    public var nested: [[Double]] {
        (0..<rows).map { r in Array(data[(r * cols)..<((r + 1) * cols)]) }
    }
}
