import NetCore
import NetLang

/// Tables and tensors as real HTML tables: a caption, header cells, numbers right-aligned
/// in a monospace font at the session's precision, the full value in each cell's `title`.
///
///     <table><caption>x (1×2)</caption><thead>…</thead><tbody><tr><th>1</th><td>0.1000</td>…
struct TableHTML {
    var precision: Int

    static let tableStyle = "border-collapse: collapse; font-family: monospace"
    static let numberStyle = "text-align: right; font-family: monospace; padding: 0 0.6em"
    static let textStyle = "text-align: left; font-family: monospace; padding: 0 0.6em"
    /// One line even above a narrow table (a long layer formula must not wrap under it).
    static let captionStyle = "white-space: nowrap; text-align: left; font-family: monospace"

    func render(_ table: Table) -> String {
        var html = "<table class=\"netbook-table\" style=\"\(Self.tableStyle)\">"
        if let title = table.title, !title.isEmpty { html += "<caption style=\"\(Self.captionStyle)\">\(HTMLText.escape(title))</caption>" }
        let count = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        // A header sits on the side its numbers do: a long caption widens the columns, and a
        // left-aligned header would drift away from the right-aligned numbers under it.
        let numeric = (0..<count).map { c in table.rows.contains { row in c < row.count && Self.isNumber(row[c]) } }
        html += "<thead><tr>" + table.columns.enumerated().map { c, name in
            "<th style=\"\(c < count && numeric[c] ? Self.numberStyle : Self.textStyle)\">\(HTMLText.escape(name))</th>"
        }.joined() + "</tr></thead><tbody>"
        let summary = TableSummary(rowCount: table.rows.count)
        var table = table
        table.rows = summary.rows(of: table, gap: "…")
        if let note = summary.note { table.footer.insert(Phrase(note), at: 0) }
        // Numbers are formatted per column, as the text table does (whole-number columns without decimals).
        let scale = NumberFormat.tableScale(table)
        var shown: [[String]] = (0..<count).map { c in
            NumberFormat.column(table.rows.compactMap { row in
                if c < row.count, case .number(let v) = row[c] { return v } else { return nil }
            }, precision: precision, scale: scale,
               counts: c < table.columns.count && table.countColumns.contains(table.columns[c])).reversed()
        }
        for row in table.rows {
            html += "<tr>"
            for c in 0..<count {
                let item = c < row.count ? row[c] : .empty
                if case .number = item { html += cell(item, shown: shown[c].popLast()) } else { html += cell(item) }
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        if !table.footer.isEmpty { html += HTMLText.wrappingPre(table.footer.map { $0.text(precision: precision) }.joined(separator: "\n")) }
        return html
    }

    private static func isNumber(_ c: Cell) -> Bool {
        if case .number = c { return true }
        return false
    }

    private func cell(_ c: Cell, shown: String? = nil) -> String {
        switch c {
        case .number(let v):
            return "<td style=\"\(Self.numberStyle)\" title=\"\(v)\">\(shown ?? NumberFormat.shown(v, precision: precision))</td>"
        case .text(let s): return "<td style=\"\(Self.textStyle)\">\(HTMLText.escape(s))</td>"
        case .empty: return "<td></td>"
        }
    }

    /// A tensor: 1-based row and column numbers as headers; large ones summarized with "…".
    /// Throws `Interrupted` when the work is interrupted (`show x full` has 100 000 cells).
    func render(name: String?, _ t: Tensor, shown: TensorSummary? = nil) throws -> String {
        let shown = shown ?? .compact(rows: t.rows, cols: t.cols)
        let rows = shown.rows, cols = shown.cols
        var html = "<table class=\"netbook-tensor\" style=\"\(Self.tableStyle)\">"
        html += "<caption style=\"\(Self.captionStyle)\">\(HTMLText.escape(TensorText.heading(name: name, t)))</caption><thead><tr><th></th>"
        html += cols.map { "<th style=\"\(Self.numberStyle)\">\($0.map { String($0 + 1) } ?? "…")</th>" }.joined()
        html += "</tr></thead><tbody>"
        let form = try ArrayNumbers(t.data, precision: precision)
        var cells = 0
        for r in rows {
            html += "<tr><th style=\"\(Self.numberStyle)\">\(r.map { String($0 + 1) } ?? "…")</th>"
            for c in cols {
                try Interruption.check(item: cells, every: TensorText.valuesPerCheck)
                cells += 1
                if let r, let c {
                    html += cell(.number(t[r, c]), shown: form.text(t[r, c]))
                } else { html += "<td style=\"\(Self.numberStyle)\">…</td>" }
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }
}
