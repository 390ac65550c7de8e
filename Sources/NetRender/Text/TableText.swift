import NetCore
import NetLang
import NetSupport

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
        let summary = TableSummary(rowCount: table.rows.count)
        lines += body(columns: table.columns, rows: summary.rows(of: table, gap: "..."), countColumns: table.countColumns)
        if let note = summary.note { lines.append(note) }
        lines += table.footer.map { $0.text(precision: precision) }
        return lines.joined(separator: "\n")
    }

    /// Header, rule and rows, all the same width.
    func body(columns: [String], rows: [[Cell]], countColumns: Set<String> = Table.countHeaders) -> [String] {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return ["(empty table)"] }
        var cells: [[String]] = Array(repeating: [], count: count)   // per column, rows then
        var numeric = Array(repeating: false, count: count)
        var shape = Table(columns: columns, rows: rows)
        shape.countColumns = countColumns
        let scale = NumberFormat.tableScale(shape)
        for c in 0..<count {
            let column = rows.map { c < $0.count ? $0[c] : .empty }
            var numbers = NumberFormat.column(column.compactMap { if case .number(let v) = $0 { return v } else { return nil } },
                                              precision: precision, scale: scale,
                                              counts: c < columns.count && countColumns.contains(columns[c]))[...]
            for cell in column {
                switch cell {
                case .number: cells[c].append(numbers.popFirst() ?? ""); numeric[c] = true
                case .text(let s): cells[c].append(Self.oneLine(s))
                case .empty: cells[c].append("")
                }
            }
        }
        var columnsText: [[String]] = []   // per column: header then the cells, padded
        for c in 0..<count {
            let header = c < columns.count ? Self.oneLine(columns[c]) : ""
            var body = cells[c]
            if numeric[c] {
                // Only the numbers share a decimal point; a gap ("...") or empty cell is
                // right-aligned in the column instead of widening the integer part.
                let isNumber = rows.map { c < $0.count && { if case .number = $0 { return true } else { return false } }($0[c]) }
                var aligned = DecimalColumn(zip(body, isNumber).filter(\.1).map(\.0)).aligned[...]
                body = zip(body, isNumber).map { $0.1 ? (aligned.popFirst() ?? $0.0) : $0.0 }
            }
            let width = max(TextWidth.of(header), body.map(TextWidth.of).max() ?? 0)
            let pad: (String) -> String = numeric[c]
                ? { TextWidth.padLeft($0, to: width) } : { TextWidth.padRight($0, to: width) }
            columnsText.append([pad(header), String(repeating: "-", count: width)] + body.map(pad))
        }
        let lineCount = rows.count + 2
        // No trailing blanks after a left-aligned text column at the end ("pass  "); a number
        // column keeps its padding, so the decimal points and the line widths stay aligned.
        let trim = !(numeric.last ?? true)
        return (0..<lineCount).map { i in
            let line = columnsText.map { $0[i] }.joined(separator: "  ")
            return trim ? PlotText.trimmed(line) : line
        }
    }

    /// Cells are one line each: a newline in a name would break the grid.
    static func oneLine(_ s: String) -> String {
        s.replacingEvery("\n", with: " ").replacingEvery("\t", with: " ")
    }
}

/// Which rows of a long table are shown: all up to `limit`, else the first and last `edge`
/// with a gap row between, as tensors are summarized (`show history` of 50 000 steps stays short).
/// JSON carries every row up to 1000 cells (`JSONForm.table`).
///
///     TableSummary(rowCount: 1000).note   // "(1000 rows; the first 10 and the last 10 shown)"
struct TableSummary {
    var rowCount: Int
    var limit = 40
    /// Rows kept at each end of a long table (text, HTML and JSON).
    static let edge = 10
    var edge: Int { Self.edge }

    var isSummarized: Bool { rowCount > limit }

    /// Row indices in order, nil for the gap.
    var indices: [Int?] {
        guard isSummarized else { return (0..<rowCount).map { $0 } }
        return (0..<edge).map { $0 } + [nil] + ((rowCount - edge)..<rowCount).map { $0 }
    }

    func rows(of table: Table, gap: String) -> [[Cell]] {
        let width = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        return indices.map { i in i.map { table.rows[$0] } ?? Array(repeating: .text(gap), count: width) }
    }

    var note: String? {
        isSummarized ? "(\(rowCount) rows; the first \(edge) and the last \(edge) shown)" : nil
    }
}
