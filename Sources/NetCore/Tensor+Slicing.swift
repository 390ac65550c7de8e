/// Slicing by 0-based inclusive ranges. Error messages count from 1, as the language does,
/// because they are shown to its users.
///
///     let a = Tensor([[1, 2, 3], [4, 5, 6]])
///     try a.slice(rows: 1...1, cols: nil)   // [[4, 5, 6]]   (the language's a[2, :])
///     try a.slice(rows: nil, cols: 0...1)   // [[1, 2], [4, 5]]
extension Tensor {
    /// `nil` means all rows (or columns).
    public func slice(rows rr: ClosedRange<Int>?, cols cr: ClosedRange<Int>?) throws -> Tensor {
        if let rr { try Tensor.checkRange(rr, size: rows, axis: "row", shape: shapeDescription) }
        if let cr { try Tensor.checkRange(cr, size: cols, axis: "column", shape: shapeDescription) }
        // Half-open bounds, so that an empty tensor's "all rows" is an empty range.
        let r = rr.map { $0.lowerBound..<($0.upperBound + 1) } ?? 0..<rows
        let c = cr.map { $0.lowerBound..<($0.upperBound + 1) } ?? 0..<cols
        var out = Tensor(rows: r.count, cols: c.count)
        for (oi, i) in r.enumerated() {
            for (oj, j) in c.enumerated() { out.data[oi * c.count + oj] = data[i * cols + j] }
        }
        return out
    }

    static func checkRange(_ range: ClosedRange<Int>, size: Int, axis: String, shape: String) throws {
        guard range.lowerBound >= 0, range.upperBound < size else {
            let asked = range.count == 1 ? "\(range.lowerBound + 1)" : "\(range.lowerBound + 1):\(range.upperBound + 1)"
            throw ValueError("\(axis) index \(asked) is out of range for a \(shape) tensor (\(axis)s 1 to \(size))")
        }
    }

    /// Writes `g` into the sliced region of a zero tensor of this shape (the gradient of a slice).
    func scatteredSlice(_ g: Tensor, rows r: ClosedRange<Int>, cols c: ClosedRange<Int>) -> Tensor {
        var out = Tensor(rows: rows, cols: cols)
        for (oi, i) in r.enumerated() {
            for (oj, j) in c.enumerated() { out.data[i * cols + j] = g.data[oi * c.count + oj] }
        }
        return out
    }
}

/// Picking rows by index: mini-batches in a shuffled order.
///
///     var order = Array(0..<x.rows); g.shuffle(&order)
///     let batch = try x.gatherRows(order[0..<32])
extension Tensor {
    /// The rows at the given 0-based indices, in that order.
    public func gatherRows<C: Collection>(_ indices: C) throws -> Tensor where C.Element == Int {
        var out = Tensor(rows: indices.count, cols: cols)
        try gatherRows(indices, into: &out)
        return out
    }

    /// Writes the rows at `indices` into `out`, reusing its storage when it already has
    /// indices.count × cols elements (no allocation in a training loop).
    public func gatherRows<C: Collection>(_ indices: C, into out: inout Tensor) throws where C.Element == Int {
        for i in indices where !(0..<rows).contains(i) {
            throw ValueError("row index \(i + 1) is out of range for a \(shapeDescription) tensor (rows 1 to \(rows))")
        }
        if out.rows != indices.count || out.cols != cols { out = Tensor(rows: indices.count, cols: cols) }
        let c = cols
        data.withUnsafeBufferPointer { src in
            out.data.withUnsafeMutableBufferPointer { dst in
                for (o, i) in indices.enumerated() {
                    for j in 0..<c { dst[o * c + j] = src[i * c + j] }
                }
            }
        }
    }
}
