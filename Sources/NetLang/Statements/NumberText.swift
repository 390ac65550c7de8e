import NetCore

/// Numbers as `print` writes them: a fixed number of digits after the point, correctly
/// rounded by the C library ("0.02397190" at precision 8); no "-0.0000" for tiny negatives.
enum NumberText {
    /// A value that would print as all zeros is written in scientific form (a vanishing
    /// gradient of 2.06e-09 must not read as 0), as tables and tensors show it — unless it
    /// is below 1e-12 of `scale` (the largest magnitude printed with it): rounding noise, 0.
    static func format(_ v: Double, precision: Int, scale: Double = 0) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        let digits = max(0, min(precision, 17))
        let noise = abs(v) < scale * 1e-12
        let text = cFormat("%.\(digits)f", noise ? 0 : v)
        let isZero = !text.contains(where: { $0 >= "1" && $0 <= "9" })
        if isZero && v != 0 && !noise { return cFormat("%.\(digits)e", v) }
        if text.hasPrefix("-"), isZero { return String(text.dropFirst()) }
        return text
    }

    /// A matrix as text rows for `print`: every value up to 1000 of them, else the first
    /// and last 3 rows and columns with `...` between, as numpy prints (`TensorSummary.numpy`).
    /// Only the values shown are formatted: printing a 20-million-row tensor writes 7 lines.
    static func table(_ t: Tensor, precision: Int) -> String {
        let shown = TensorSummary.numpy(rows: t.rows, cols: t.cols)
        let scale = t.data.reduce(0) { $1.isFinite ? max($0, abs($1)) : $0 }
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
