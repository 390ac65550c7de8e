/// Elementwise maps and the transpose in blocks of about `Interruption.elementsPerCheck`
/// values with a check of the interrupt flag between blocks: on a 50-million-element
/// tensor one pass takes a few hundred milliseconds, too long to wait for an interrupt.
/// The expression evaluator uses these (NodeForward); the training loop's raw passes do not
/// need them (it checks between steps and inside large products).
///
///     try Interruption.watching(flag) { try big.mapInterruptibly { $0 * 2 } }
extension Tensor {
    /// `map(f)`, stopping at an interrupt (throws `Interrupted`).
    public func mapInterruptibly(_ f: (Double) -> Double) throws -> Tensor {
        let n = count, chunk = Interruption.elementsPerCheck
        let values = try [Double](unsafeUninitializedCapacity: n) { out, initialized in
            try data.withUnsafeBufferPointer { src in
                for start in stride(from: 0, to: n, by: chunk) {
                    try Interruption.check()
                    for k in start..<Swift.min(n, start + chunk) { out[k] = f(src[k]) }
                    initialized = Swift.min(n, start + chunk)
                }
            }
        }
        return Tensor(rows: rows, cols: cols, data: values)
    }

    /// `transposed`, stopping at an interrupt (throws `Interrupted`).
    public func transposedInterruptibly() throws -> Tensor {
        var out = Tensor(rows: cols, cols: rows)
        let rowsPerCheck = Swift.max(1, Interruption.elementsPerCheck / Swift.max(cols, 1))
        try data.withUnsafeBufferPointer { src in
            try out.data.withUnsafeMutableBufferPointer { dst in
                for i in 0..<rows {
                    try Interruption.check(item: i, every: rowsPerCheck)
                    for j in 0..<cols { dst[j * rows + i] = src[i * cols + j] }
                }
            }
        }
        return out
    }
}

extension Activation {
    /// `apply(z)` in blocks of whole rows (softmax works per row), stopping at an interrupt.
    public func applyInterruptibly(_ z: Tensor) throws -> Tensor {
        var a = z
        let cols = z.cols
        let rowsPerBlock = Swift.max(1, Interruption.elementsPerCheck / Swift.max(cols, 1))
        try a.data.withUnsafeMutableBufferPointer { values in
            for r0 in stride(from: 0, to: z.rows, by: rowsPerBlock) {
                try Interruption.check()
                let r1 = Swift.min(z.rows, r0 + rowsPerBlock)
                applyInPlace(rows: r1 - r0, cols: cols, UnsafeMutableBufferPointer(rebasing: values[(r0 * cols)..<(r1 * cols)]))
            }
        }
        return a
    }
}
