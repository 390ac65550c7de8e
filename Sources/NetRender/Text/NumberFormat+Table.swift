import NetCore
import NetLang

/// What the one number formatter (NetCore's `NumberFormat`) needs to know about NetLang's
/// tables, and the column layout text output gives numbers.
extension NumberFormat {
    /// The largest magnitude among a table's number columns that are not whole numbers
    /// (sample numbers and counts say nothing about the size of the values).
    ///
    ///     forward: z1 = -5.55e-17, 1.9e-16 and a1 = 0.5 → 0.5, so z1 shows 0.0000
    static func tableScale(_ table: Table) -> Double {
        let count = table.rows.map(\.count).max() ?? 0
        return (0..<count).reduce(0) { scale, c in
            let values = table.rows.compactMap { row -> Double? in
                if c < row.count, case .number(let v) = row[c] { return v } else { return nil }
            }
            let counts = c < table.columns.count && table.countColumns.contains(table.columns[c])
            return counts && isWhole(values) ? scale : max(scale, magnitude(values))
        }
    }
}

/// Lines a column of numbers up on the decimal point: integer parts right-aligned,
/// fraction parts left-aligned, so "-1.5" and "10.25" share one point column; "nan" and
/// "inf" are right-aligned.
///
///     DecimalColumn(["1.5", "-10.25"]).aligned   // [" 1.5 ", "-10.25"]
struct DecimalColumn {
    var cells: [String]
    init(_ cells: [String]) { self.cells = cells }

    private static func split(_ s: String) -> (String, String) {
        if let dot = s.firstIndex(of: ".") {
            return (String(s[..<dot]), String(s[dot...]))
        }
        return (s, "")
    }

    /// nan and ±inf have no point: they are right-aligned in the column, as numpy prints them.
    private static func isSpecial(_ s: String) -> Bool { s == "nan" || s == "inf" || s == "-inf" }

    /// The cells padded to one width with their points in one column.
    var aligned: [String] { aligned(checking: { _ in }) }

    /// `aligned`, calling `check` with each cell's index first (the interrupt check of
    /// `show x full`, whose one column can hold 100 000 cells).
    func aligned(checking check: (Int) throws -> Void) rethrows -> [String] {
        var parts: [(String, String)] = []
        parts.reserveCapacity(cells.count)
        for (i, cell) in cells.enumerated() {
            try check(i)
            parts.append(Self.split(cell))
        }
        let numeric = zip(cells, parts).filter { !Self.isSpecial($0.0) }.map(\.1)
        let intWidth = numeric.map { TextWidth.of($0.0) }.max() ?? 0
        let fracWidth = numeric.map { TextWidth.of($0.1) }.max() ?? 0
        let specialWidth = cells.filter(Self.isSpecial).map(TextWidth.of).max() ?? 0
        let width = max(intWidth + fracWidth, specialWidth)
        var out: [String] = []
        out.reserveCapacity(cells.count)
        for (i, (cell, part)) in zip(cells, parts).enumerated() {
            try check(i)
            out.append(Self.isSpecial(cell) ? TextWidth.padLeft(cell, to: width)
                                            : TextWidth.padLeft(part.0, to: width - fracWidth) + TextWidth.padRight(part.1, to: fracWidth))
        }
        return out
    }
}
