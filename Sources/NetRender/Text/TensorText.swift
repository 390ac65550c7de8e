import NetCore
import NetLang

/// A tensor as text: "name (r×c)" then its values, columns aligned on the decimal point.
/// A large tensor is summarized (`TensorSummary`): the first and last rows and columns,
/// with `...` for the rest. A 1×1 tensor is one line.
///
///     x (1×2)
///       0.1000  0.2000
///     L (1×1) = 0.0240
struct TensorText {
    var precision: Int

    /// Values formatted between two interrupt checks: well under a millisecond.
    static let valuesPerCheck = 1 << 10

    /// `shown` picks the rows and columns (default: the compact view of a displayed tensor).
    /// Throws `Interrupted` when the work is interrupted (`show x full` formats 100 000 values).
    func render(name: String?, _ t: Tensor, shown: TensorSummary? = nil) throws -> String {
        let head = Self.heading(name: name, t)
        if t.isScalar { return "\(head) = \(try ArrayNumbers(t.data, precision: precision).text(t.scalar))" }
        if t.count == 0 { return "\(head) (empty)" }
        let shown = shown ?? .compact(rows: t.rows, cols: t.cols)
        return ([head] + (try grid(t, shown: shown)).map { "  " + $0 }).joined(separator: "\n")
    }

    /// "x (2×3)", or "(2×3)" for an anonymous value.
    static func heading(name: String?, _ t: Tensor) -> String {
        if let name, !name.isEmpty { return "\(name) (\(t.shapeDescription))" }
        return "(\(t.shapeDescription))"
    }

    /// The value lines, without indentation.
    func grid(_ t: Tensor, shown: TensorSummary) throws -> [String] {
        let rowIdx = shown.rows, colIdx = shown.cols
        let form = try ArrayNumbers(t.data, precision: precision)
        let check = { (i: Int) in try Interruption.check(item: i, every: Self.valuesPerCheck) }
        var columns: [[String]] = []
        for c in colIdx {
            try Interruption.check()
            guard let c else {
                columns.append(rowIdx.map { $0 == nil ? "" : "..." })
                continue
            }
            var numbers: [String] = []
            for (i, r) in rowIdx.compactMap({ $0 }).enumerated() {
                try check(i)
                numbers.append(form.text(t[r, c]))
            }
            var aligned = try DecimalColumn(numbers).aligned(checking: check)[...]
            let width = aligned.map(TextWidth.of).max() ?? 0
            columns.append(rowIdx.map { r in
                r == nil ? TextWidth.padLeft("...", to: width) : aligned.popFirst() ?? ""
            })
        }
        let widths = try columns.map { column in
            try column.enumerated().reduce(0) { widest, cell in try check(cell.offset); return max(widest, TextWidth.of(cell.element)) }
        }
        var padded = 0   // cells padded so far, counted across rows (a row of 1×100 000 is long)
        return try rowIdx.indices.map { i in
            let cells = try zip(columns, widths).map { column, width in
                try check(padded); padded += 1
                return TextWidth.padLeft(column[i], to: width)
            }
            // Trailing blanks (after a short last column) are trimmed: stored outputs compare cleanly.
            return PlotText.trimmed(cells.joined(separator: "  "))
        }
    }
}
