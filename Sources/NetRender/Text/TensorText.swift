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

    /// `shown` picks the rows and columns (default: the compact view of a displayed tensor).
    func render(name: String?, _ t: Tensor, shown: TensorSummary? = nil) -> String {
        let head = Self.heading(name: name, t)
        if t.isScalar { return "\(head) = \(NumberFormat.shown(t.scalar, precision: precision))" }
        if t.count == 0 { return "\(head) (empty)" }
        let shown = shown ?? .compact(rows: t.rows, cols: t.cols)
        return ([head] + grid(t, shown: shown).map { "  " + $0 }).joined(separator: "\n")
    }

    /// "x (2×3)", or "(2×3)" for an anonymous value.
    static func heading(name: String?, _ t: Tensor) -> String {
        if let name, !name.isEmpty { return "\(name) (\(t.shapeDescription))" }
        return "(\(t.shapeDescription))"
    }

    /// The value lines, without indentation.
    func grid(_ t: Tensor, shown: TensorSummary) -> [String] {
        let rowIdx = shown.rows, colIdx = shown.cols
        let scale = NumberFormat.magnitude(t.data)
        var columns: [[String]] = []
        for c in colIdx {
            guard let c else {
                columns.append(rowIdx.map { $0 == nil ? "" : "..." })
                continue
            }
            let numbers = rowIdx.compactMap { $0 }.map { NumberFormat.shown(t[$0, c], precision: precision, scale: scale) }
            var aligned = DecimalColumn(numbers).aligned[...]
            let width = aligned.map(TextWidth.of).max() ?? 0
            columns.append(rowIdx.map { r in
                r == nil ? TextWidth.padLeft("...", to: width) : aligned.popFirst() ?? ""
            })
        }
        let widths = columns.map { $0.map(TextWidth.of).max() ?? 0 }
        return rowIdx.indices.map { i in
            // Trailing blanks (after a short last column) are trimmed: stored outputs compare cleanly.
            PlotText.trimmed(zip(columns, widths).map { TextWidth.padLeft($0[i], to: $1) }.joined(separator: "  "))
        }
    }
}
