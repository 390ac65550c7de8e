import NetCore

/// A tensor as text: "name (r×c)" then its values, columns aligned on the decimal point.
/// A tensor with more than `limit` rows or columns is summarized like numpy does: the
/// first and last `edge` rows and columns, with `...` for the rest. A 1×1 tensor is one line.
///
///     x (1×2)
///       0.1000  0.2000
///     L (1×1) = 0.0240
struct TensorText {
    var precision: Int
    var limit = 10
    var edge = 3

    func render(name: String?, _ t: Tensor) -> String {
        let head = Self.heading(name: name, t)
        if t.isScalar { return "\(head) = \(NumberFormat.shown(t.scalar, precision: precision))" }
        if t.count == 0 { return "\(head) (empty)" }
        return ([head] + grid(t).map { "  " + $0 }).joined(separator: "\n")
    }

    /// "x (2×3)", or "(2×3)" for an anonymous value.
    static func heading(name: String?, _ t: Tensor) -> String {
        if let name, !name.isEmpty { return "\(name) (\(t.shapeDescription))" }
        return "(\(t.shapeDescription))"
    }

    /// Which indices to show along one axis: all, or the first and last `edge` with a gap (nil).
    func shown(_ n: Int) -> [Int?] {
        if n <= limit { return (0..<n).map { $0 } }
        return (0..<edge).map { $0 } + [nil] + ((n - edge)..<n).map { $0 }
    }

    /// The value lines, without indentation.
    func grid(_ t: Tensor) -> [String] {
        let rowIdx = shown(t.rows), colIdx = shown(t.cols)
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
