import NetLang

/// A `Table` as aligned text: title, header, a rule, rows, then the footer lines.
/// Number columns are right-aligned on their decimal points, text columns left-aligned,
/// and every line of the header, rule and rows has the same width.
///
///     forward hidden
///     sample        z1        z2
///     ------  --------  --------
///          1  0.775000  0.925000
struct TableText {
    var precision: Int

    func render(_ table: Table) -> String {
        var lines: [String] = []
        if let title = table.title, !title.isEmpty { lines.append(title) }
        lines += body(columns: table.columns, rows: table.rows)
        lines += table.footer
        return lines.joined(separator: "\n")
    }

    /// Header, rule and rows, all the same width.
    func body(columns: [String], rows: [[Cell]]) -> [String] {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return ["(empty table)"] }
        var cells: [[String]] = Array(repeating: [], count: count)   // per column, rows then
        var numeric = Array(repeating: false, count: count)
        for c in 0..<count {
            for row in rows {
                let cell = c < row.count ? row[c] : .empty
                switch cell {
                case .number(let v): cells[c].append(NumberFormat.fixed(v, precision: precision)); numeric[c] = true
                case .text(let s): cells[c].append(Self.oneLine(s))
                case .empty: cells[c].append("")
                }
            }
        }
        var columnsText: [[String]] = []   // per column: header then the cells, padded
        for c in 0..<count {
            let header = c < columns.count ? Self.oneLine(columns[c]) : ""
            let body = numeric[c] ? DecimalColumn(cells[c]).aligned : cells[c]
            let width = max(TextWidth.of(header), body.map(TextWidth.of).max() ?? 0)
            let pad: (String) -> String = numeric[c]
                ? { TextWidth.padLeft($0, to: width) } : { TextWidth.padRight($0, to: width) }
            columnsText.append([pad(header), String(repeating: "-", count: width)] + body.map(pad))
        }
        let lineCount = rows.count + 2
        return (0..<lineCount).map { i in columnsText.map { $0[i] }.joined(separator: "  ") }
    }

    /// Cells are one line each: a newline in a name would break the grid.
    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}
