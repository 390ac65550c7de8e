import CBLAS

/// C ← op(A)·op(B) (+ C when `accumulate`), on raw row-major storage.
///
/// OpenBLAS's `cblas_dgemm` costs about a microsecond per call in dispatch alone, which
/// would dominate the tiny networks of the lessons; below `blasThreshold`
/// multiply-adds a plain loop is faster, above it dgemm is far faster. OpenBLAS is
/// opened on the first product at or above the threshold (`OpenBLASLibrary`).
///
///     MatrixProduct.multiply(m: 1, n: 2, k: 2, a: x, b: w, c: z)   // z = x @ w
public enum MatrixProduct {
    /// m·n·k at or above which OpenBLAS is used.
    public static let blasThreshold = 32 * 32 * 32

    /// `op(A)` is m×k, `op(B)` is k×n, C is m×n; all row-major. `transposeA` means A is
    /// stored k×m, `transposeB` that B is stored n×k.
    @inlinable
    public static func multiply(m: Int, n: Int, k: Int,
                                a: UnsafePointer<Double>, transposeA: Bool = false,
                                b: UnsafePointer<Double>, transposeB: Bool = false,
                                c: UnsafeMutablePointer<Double>, accumulate: Bool = false) {
        if m == 0 || n == 0 { return }
        if m * n * k >= blasThreshold {
            OpenBLASLibrary.shared.dgemm(CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1.0,
                        a, Int32(transposeA ? m : k),
                        b, Int32(transposeB ? k : n),
                        accumulate ? 1.0 : 0.0, c, Int32(n))
            return
        }
        if !accumulate { c.update(repeating: 0, count: m * n) }
        // i-p-j order keeps the inner loop contiguous in B and C.
        for i in 0..<m {
            let ci = c + i * n
            for p in 0..<k {
                let aip = transposeA ? a[p * m + i] : a[i * k + p]
                if transposeB {
                    for j in 0..<n { ci[j] += aip * b[j * k + p] }
                } else {
                    let bp = b + p * n
                    for j in 0..<n { ci[j] += aip * bp[j] }
                }
            }
        }
    }

    /// Multiply-adds per OpenBLAS call in `multiplyInterruptibly`: about 10–30 ms of one
    /// core's DGEMM, so an interrupt between calls lands well within 100 ms, while each
    /// call is still large enough to run at full speed.
    public static let interruptibleBlock = 1 << 27

    /// `multiply`; above `interruptibleBlock` multiply-adds, in tiles of C small enough
    /// that the interrupt flag is checked every block (one OpenBLAS call cannot be stopped
    /// half-way). Throws `Interrupted`; C is then partly computed and must be dropped.
    public static func multiplyInterruptibly(m: Int, n: Int, k: Int,
                                             a: UnsafePointer<Double>, transposeA: Bool = false,
                                             b: UnsafePointer<Double>, transposeB: Bool = false,
                                             c: UnsafeMutablePointer<Double>) throws {
        // Small products are not checked: they take microseconds, and the callers check
        // between them (the evaluator per operation, train per step).
        let (total, overflow) = m.multipliedReportingOverflow(by: n)
        guard overflow || total.multipliedReportingOverflow(by: k).overflow || total * k > interruptibleBlock else {
            multiply(m: m, n: n, k: k, a: a, transposeA: transposeA, b: b, transposeB: transposeB, c: c)
            return
        }
        // Square-ish tiles of C (rows × cols) with rows·cols·k ≤ the block: each call reads
        // a panel of A and one of B, which OpenBLAS packs as it would for the whole product.
        let cells = max(1, interruptibleBlock / max(k, 1))
        let cols = min(n, max(1, Int(Double(cells).squareRoot())))
        let rows = min(m, max(1, cells / cols))
        for i0 in stride(from: 0, to: m, by: rows) {
            for j0 in stride(from: 0, to: n, by: cols) {
                try Interruption.check()
                let mi = min(rows, m - i0), nj = min(cols, n - j0)
                OpenBLASLibrary.shared.dgemm(CblasRowMajor,
                            transposeA ? CblasTrans : CblasNoTrans,
                            transposeB ? CblasTrans : CblasNoTrans,
                            Int32(mi), Int32(nj), Int32(k), 1.0,
                            transposeA ? a + i0 : a + i0 * k, Int32(transposeA ? m : k),
                            transposeB ? b + j0 * k : b + j0, Int32(transposeB ? k : n),
                            0.0, c + i0 * n + j0, Int32(n))
            }
        }
    }
}

extension Tensor {
    /// The matrix product `self @ other`; `op` names the operands in the error.
    ///
    ///     try Tensor([[1, 2, 3]]).matmul(Tensor.eye(2))
    ///     // ShapeError: shape mismatch in x @ W: 1×3 @ 2×2
    /// A result beyond `limit` elements is refused with a `LimitError`.
    public func matmul(_ other: Tensor, names: (String, String) = ("x", "W"),
                       limit: Int = Tensor.defaultElementLimit) throws -> Tensor {
        guard cols == other.rows else {
            throw ShapeError("shape mismatch in \(names.0) @ \(names.1): \(shapeDescription) @ \(other.shapeDescription)")
        }
        try Tensor.checkSize(rows: rows, cols: other.cols, limit: limit, what: "the result of \(names.0) @ \(names.1)")
        return try Tensor.product(self, other)
    }

    /// op(a) @ op(b) without shape checks (callers have checked them). Large products
    /// stop at an interrupt (`MatrixProduct.multiplyInterruptibly`).
    static func product(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) throws -> Tensor {
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let n = transposeB ? b.rows : b.cols
        var out = Tensor(rows: m, cols: n)
        try a.data.withUnsafeBufferPointer { pa in
            try b.data.withUnsafeBufferPointer { pb in
                try out.data.withUnsafeMutableBufferPointer { pc in
                    guard let a0 = pa.baseAddress, let b0 = pb.baseAddress, let c0 = pc.baseAddress else { return }
                    try MatrixProduct.multiplyInterruptibly(m: m, n: n, k: k, a: a0, transposeA: transposeA,
                                                            b: b0, transposeB: transposeB, c: c0)
                }
            }
        }
        return out
    }

    /// The transpose (`a.T`).
    public var transposed: Tensor {
        var out = Tensor(rows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { out.data[j * rows + i] = data[i * cols + j] } }
        return out
    }
}
