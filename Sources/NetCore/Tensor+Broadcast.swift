/// Elementwise arithmetic with broadcasting, as numpy does it for 2-D arrays: along each
/// dimension the sizes must be equal or one of them 1. So a 1×1 works with anything, a 1×n
/// row is added to every row, an m×1 column to every column; anything else is a `ShapeError`
/// naming both shapes.
///
///     let x = Tensor([[1, 2, 3], [4, 5, 6]])
///     try x + Tensor([[10, 20, 30]])     // adds the row to each row
///     try x * 2                          // scalars are 1×1 tensors
///     try x + Tensor([[1, 2], [3, 4]])   // ShapeError: shape mismatch in a + b: 2×3 + 2×2
extension Tensor {
    /// The shape of `op(a, b)` under broadcasting, or a `ShapeError`.
    public static func broadcastShape(_ a: Tensor, _ b: Tensor, op: String) throws -> (rows: Int, cols: Int) {
        func dim(_ x: Int, _ y: Int) -> Int? {
            if x == y { return x }
            if x == 1 { return y }
            if y == 1 { return x }
            return nil
        }
        guard let r = dim(a.rows, b.rows), let c = dim(a.cols, b.cols) else {
            throw ShapeError("shape mismatch in a \(op) b: \(a.shapeDescription) \(op) \(b.shapeDescription)")
        }
        return (r, c)
    }

    /// `op` applied elementwise with broadcasting; a result beyond `limit` elements (a long
    /// row plus a long column) is refused with a `LimitError`.
    public static func apply(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, limit: Int = defaultElementLimit) throws -> Tensor {
        try zipBroadcast(a, b, op: op.symbol, limit: limit) { op($0, $1) }
    }

    /// Any elementwise function of two tensors, with broadcasting; `op` names it in errors.
    public static func zipBroadcast(_ a: Tensor, _ b: Tensor, op: String, limit: Int = defaultElementLimit,
                                    _ f: (Double, Double) -> Double) throws -> Tensor {
        let (r, c) = try broadcastShape(a, b, op: op)
        try checkSize(rows: r, cols: c, limit: limit, what: "the result of a \(op) b")
        // In chunks of Interruption.elementsPerCheck, so an interrupt stops a large one.
        let chunk = Interruption.elementsPerCheck
        if a.rows == b.rows && a.cols == b.cols {
            var out = [Double](repeating: 0, count: r * c)
            try a.data.withUnsafeBufferPointer { pa in
                try b.data.withUnsafeBufferPointer { pb in
                    for start in stride(from: 0, to: r * c, by: chunk) {
                        try Interruption.check()
                        for k in start..<min(r * c, start + chunk) { out[k] = f(pa[k], pb[k]) }
                    }
                }
            }
            return Tensor(rows: r, cols: c, data: out)
        }
        // Strides of 0 repeat a size-1 dimension.
        let ars = a.rows == 1 ? 0 : a.cols, acs = a.cols == 1 ? 0 : 1
        let brs = b.rows == 1 ? 0 : b.cols, bcs = b.cols == 1 ? 0 : 1
        var out = [Double](repeating: 0, count: r * c)
        let rowsPerCheck = max(1, chunk / max(c, 1))
        for i in 0..<r {
            try Interruption.check(item: i, every: rowsPerCheck)
            for j in 0..<c {
                out[i * c + j] = f(a.data[i * ars + j * acs], b.data[i * brs + j * bcs])
            }
        }
        return Tensor(rows: r, cols: c, data: out)
    }

    /// Sums a broadcast result's gradient back to `rows`×`cols` (the shape an operand had),
    /// which is what the chain rule gives when one value was used for many elements.
    public func reduced(toRows rows: Int, cols: Int) -> Tensor {
        if self.rows == rows && self.cols == cols { return self }
        var out = Tensor(rows: rows, cols: cols)
        for i in 0..<self.rows {
            for j in 0..<self.cols {
                out.data[(rows == 1 ? 0 : i) * cols + (cols == 1 ? 0 : j)] += data[i * self.cols + j]
            }
        }
        return out
    }

    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try apply(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try apply(.sub, a, b) }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try apply(.mul, a, b) }
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try apply(.div, a, b) }
    public static func + (a: Tensor, b: Double) -> Tensor { a.map { $0 + b } }
    public static func - (a: Tensor, b: Double) -> Tensor { a.map { $0 - b } }
    public static func * (a: Tensor, b: Double) -> Tensor { a.map { $0 * b } }
    public static func / (a: Tensor, b: Double) -> Tensor { a.map { $0 / b } }
    public static func * (a: Double, b: Tensor) -> Tensor { b.map { a * $0 } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// Elementwise power with broadcasting (`a ^ k`).
    public func pow(_ k: Tensor) throws -> Tensor { try Tensor.apply(.pow, self, k) }
    /// Elementwise power by a number.
    public func pow(_ k: Double) -> Tensor {
        if k == 2 { return map { $0 * $0 } }
        return map { CMath.pow($0, k) }
    }

    /// A function applied to every element.
    @inlinable public func map(_ f: (Double) -> Double) -> Tensor {
        Tensor(rows: rows, cols: cols, data: data.map(f))
    }
}
