import NetCore

/// Numbers as `print` writes them: each through NetCore's `NumberFormat.shown`, the one
/// formatter tensors and tables use too, so `precision 2` shows 0.125 as "0.12" everywhere.
enum NumberText {
    /// `NumberFormat.shown`: fixed digits, scientific for a value that would read as zero,
    /// 0 for one below 1e-12 of `scale` (the largest magnitude printed with it).
    static func format(_ v: Double, precision: Int, scale: Double = 0) -> String {
        NumberFormat.shown(v, precision: precision, scale: scale)
    }

    /// A matrix as text rows for `print`: every value up to 1000 of them, else the first
    /// and last 3 rows and columns with `...` between, as numpy prints (`TensorSummary.numpy`).
    /// Only the values shown are formatted: printing a 20-million-row tensor writes 7 lines.
    static func table(_ t: Tensor, precision: Int) -> String {
        let shown = TensorSummary.numpy(rows: t.rows, cols: t.cols)
        let scale = NumberFormat.magnitude(t.data)
        let cells = shown.rows.map { r in
            shown.cols.map { c -> String in
                guard let r, let c else { return "..." }
                return format(t[r, c], precision: precision, scale: scale)
            }
        }
        // Each column as wide as its widest number, so one long value does not spread the others.
        let widths = shown.cols.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        let lines = cells.map { row in
            zip(row, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ")
        }
        return "\n" + lines.joined(separator: "\n")
    }
}
