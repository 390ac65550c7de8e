import NetCore
import NetLang

/// What `print` writes: its items on one line, a number at the session's precision
/// (`NumberFormat.shown`, as Python prints a float), a larger tensor on its own lines in
/// the form a shown tensor takes (`ArrayNumbers`: numpy's fixed-or-scientific rule).
///
///     print "loss:", 0.12345, [1, 2]   // at precision 3: "loss: 0.123\n1.000  2.000"
struct PrintText {
    var precision: Int

    func render(_ items: [PrintItem]) -> String {
        let pieces = items.map { item -> String in
            switch item {
            case .text(let s): return s
            case .number(let v): return NumberFormat.shown(v, precision: precision)
            case .tensor(let t): return "\n" + table(t)
            }
        }
        // A table stands on its own lines: no space before it, a line break after it.
        var line = ""
        for (i, piece) in pieces.enumerated() {
            if i > 0 && !piece.hasPrefix("\n") { line += pieces[i - 1].hasPrefix("\n") ? "\n" : " " }
            line += i == 0 && piece.hasPrefix("\n") ? String(piece.dropFirst()) : piece
        }
        return line + "\n"
    }

    /// A matrix as text rows: every value up to 1000 of them, else the first and last 3
    /// rows and columns with `...` between, as numpy prints (`TensorSummary.numpy`).
    /// Only the values shown are formatted: printing a 20-million-row tensor writes 7 lines.
    /// Not interruptible: what a cell prints is never lost (1000 values take well under a millisecond).
    func table(_ t: Tensor) -> String {
        let shown = TensorSummary.numpy(rows: t.rows, cols: t.cols)
        // Not interruptible (see above): the interrupt flag is not raised while a print is written.
        let form = ArrayNumbers(t.data, precision: precision, check: {})
        let cells = shown.rows.map { r in
            shown.cols.map { c -> String in
                guard let r, let c else { return "..." }
                return form.text(t[r, c])
            }
        }
        // Each column as wide as its widest number, so one long value does not spread the others.
        let widths = shown.cols.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        let lines = cells.map { row in
            zip(row, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ")
        }
        return lines.joined(separator: "\n")
    }
}
