import NetCore

/// Which rows and columns of a tensor an output shows, so that no output grows with the
/// data: a large tensor is shown as its first and last rows and columns with a gap (`...`)
/// between, as numpy prints arrays (`threshold` 1000 values, `edgeitems` 3).
///
/// Three rules, one per kind of output:
/// - `compact`: what a displayed tensor shows in text and HTML (`tensor x = …`, `show x`,
///   a layer's weights): each side of more than 10 shows its first and last 3.
/// - `numpy`: what `print` writes and the JSON form carries: every value up to 1000 of
///   them, else the first and last 3 of each side longer than 6 (numpy's rule).
/// - `full`: `show x full`: every value up to `fullLimit` (100 000); a larger tensor shows
///   as many first and last rows and columns as fit in that many values.
///
///     TensorSummary.numpy(rows: 2000, cols: 2000).rows   // [0, 1, 2, nil, 1997, 1998, 1999]
///
/// Only the indices are computed: showing a 20-million-row tensor touches 6 of its rows.
public struct TensorSummary: Sendable, Equatable {
    /// numpy's print threshold: tensors with more values are summarized.
    public static let threshold = 1000
    /// numpy's edgeitems: rows (and columns) kept at each end of a summarized side.
    public static let edgeItems = 3
    /// The most values `show x full` shows.
    public static let fullLimit = 100_000
    /// A displayed tensor's longest side shown whole (text and HTML).
    public static let compactSide = 10

    /// 0-based row and column indices in order; nil marks the gap.
    public var rows: [Int?]
    public var cols: [Int?]

    /// Some rows or columns are left out.
    public var isSummarized: Bool { rows.contains(nil) || cols.contains(nil) }
    /// The indices shown, without the gap.
    public var shownRows: [Int] { rows.compactMap { $0 } }
    public var shownCols: [Int] { cols.compactMap { $0 } }

    public init(rows: [Int?], cols: [Int?]) { self.rows = rows; self.cols = cols }

    /// One side: all of `n`, or the first and last `edge` with a gap between.
    public static func side(_ n: Int, edge: Int) -> [Int?] {
        if n <= 2 * edge { return Array(0..<n) }
        return Array(0..<edge) + [nil] + Array((n - edge)..<n)
    }

    /// Displayed tensors: a side longer than `compactSide` shows its first and last 3.
    public static func compact(rows: Int, cols: Int) -> TensorSummary {
        func pick(_ n: Int) -> [Int?] { n <= compactSide ? Array(0..<n) : side(n, edge: edgeItems) }
        return TensorSummary(rows: pick(rows), cols: pick(cols))
    }

    /// numpy's rule: whole up to `threshold` values, else `edgeItems` at each end of each side.
    public static func numpy(rows: Int, cols: Int, threshold: Int = threshold) -> TensorSummary {
        if rows * cols <= threshold { return TensorSummary(rows: Array(0..<rows), cols: Array(0..<cols)) }
        return TensorSummary(rows: side(rows, edge: edgeItems), cols: side(cols, edge: edgeItems))
    }

    /// `show x full`: whole up to `limit` values; beyond, the widest first-and-last window that fits.
    public static func full(rows: Int, cols: Int, limit: Int = fullLimit) -> TensorSummary {
        if rows * cols <= limit { return TensorSummary(rows: Array(0..<rows), cols: Array(0..<cols)) }
        // A square window for a large matrix; a thin tensor (20M×1, 1×20M) spends the
        // budget along its long side.
        let square = Int(Double(limit).squareRoot())
        let colsShown = min(cols, max(2 * edgeItems, limit / max(1, min(rows, square))))
        let colEdge = (colsShown + 1) / 2
        let colIndices = side(cols, edge: colEdge)
        let perRow = colIndices.compactMap { $0 }.count
        let rowEdge = max(edgeItems, limit / max(1, perRow) / 2)
        return TensorSummary(rows: side(rows, edge: rowEdge), cols: colIndices)
    }
}
