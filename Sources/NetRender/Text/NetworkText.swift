import NetCore
import NetLang

/// `show network` in a terminal: the layers side by side as columns of units (each with
/// z | a of sample 1 after `forward`), smaller layers centred against the tallest as in the
/// lessons' drawings; then, layer by layer, every connection as an arrow labelled with its
/// weight, grouped by the unit it feeds, with ∂E/∂w beside it after `backward`.
///
///       input          hidden · sigmoid            output · sigmoid
///                      z | a                       z | a
///       x1 0.1000      h1 0.0800 | 0.5200          o1 0.5357 | 0.6308
///       …
///     into hidden
///       x1 -W1 0.3000-> h1    dE/dW1  0.0004
struct NetworkText {
    var precision: Int
    var unicode: Bool
    /// Wider than this, the columns are printed one under another.
    static let width = 80
    /// A layer with more connections than this lists none of them (the SVG draws some).
    static let listedConnections = 32

    private var arrow: (String, String) { unicode ? ("─", "→") : ("-", "->") }
    private var partial: String { unicode ? "∂" : "d" }
    private var ellipsis: String { unicode ? "…" : "..." }

    func render(_ d: NetworkDiagram) -> String {
        guard !d.columns.isEmpty else { return "network: no layers yet" }
        var lines = heading(d)
        lines.append("")
        lines += unitGrid(d)
        for c in 1..<d.columns.count {
            lines.append("")
            lines += connections(into: c, d)
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// "network 2 -> 2 -> 2", then what the numbers are (one line each, so each fits in 80 columns).
    private func heading(_ d: NetworkDiagram) -> [String] {
        let shape = d.columns.map { String($0.count) }.joined(separator: unicode ? " → " : " -> ")
        var lines = ["network \(shape)" + (d.layersLeftOut > 0 ? " \(unicode ? "→" : "->") \(ellipsis)" : "")]
        if d.layersLeftOut > 0 {
            lines.append("  layers: the first \(d.columns.count - 1) of \(d.columns.count - 1 + d.layersLeftOut) drawn (show params has them all)")
        }
        switch d.samples {
        case 0: lines.append("  z | a: run forward to see them")
        case 1: lines.append("  z | a: of the last forward")
        default: lines.append("  z | a: of sample 1 of \(d.samples) (the first row of the last forward's batch)")
        }
        if d.hasGradients {
            lines.append("  \(partial)E/\(partial)w: from the last backward\(d.samples > 1 ? ", summed over the batch" : "")")
        }
        if let path = d.path {
            lines.append("  *: the path of \(partial)E/\(partial)\(path.symbol), what explain \(path.parameter) multiplies through")
        }
        return lines
    }

    private func number(_ v: Double) -> String { NumberFormat.shown(v, precision: precision) }

    /// Each column's lines: title, "z | a" under it, then its units with the gap of left-out
    /// ones: "h1  0.0800 | 0.5200", "x1 0.1000", or the bare name before `forward`; names,
    /// z and a each in their own aligned column, so a minus sign does not shift the digits.
    private func columnLines(_ column: NetworkDiagram.Column, values: Bool, marked: Bool) -> (header: [String], units: [String]) {
        let title = column.activation.isEmpty ? column.title : "\(column.title) (\(column.activation))"
        // With a path shown, every name gets a one-character mark column: * on the path.
        let names = column.units.map { (marked ? ($0.onPath ? "*" : " ") : "") + $0.name }, zs = column.units.map { $0.z.map(number) }, as_ = column.units.map { $0.a.map(number) }
        func widest(_ texts: [String?]) -> Int { texts.compactMap { $0.map(TextWidth.of) }.max() ?? 0 }
        let (nameW, zW, aW) = (widest(names), widest(zs), widest(as_))
        var units = column.units.indices.map { i -> String in
            var cell = TextWidth.padRight(names[i], to: nameW)
            if let z = zs[i] { cell += " " + TextWidth.padLeft(z, to: zW) + " |" }
            if let a = as_[i] { cell += " " + TextWidth.padLeft(a, to: aW) }
            return cell
        }
        if column.leftOut > 0 { units.insert("\(ellipsis) \(column.leftOut) more", at: column.leading) }
        let sub = values ? (column.activation.isEmpty ? "x" : "z | a") : ""
        return ([title, sub], units)
    }

    private func unitGrid(_ d: NetworkDiagram) -> [String] {
        let values = d.samples > 0
        let parts = d.columns.map { columnLines($0, values: values, marked: d.path != nil) }
        let widths = parts.map { ($0.header + $0.units).map(TextWidth.of).max() ?? 0 }
        let gap = 4
        let total = 2 + widths.reduce(0, +) + gap * (widths.count - 1)
        if total > Self.width {
            // Too wide side by side: one layer under another.
            return parts.enumerated().flatMap { i, p -> [String] in
                (i > 0 ? [""] : []) + ["  " + p.header[0] + (p.header[1].isEmpty ? "" : "   " + p.header[1])] + p.units.map { "    " + $0 }
            }
        }
        let tallest = parts.map(\.units.count).max() ?? 0
        var rows: [[String]] = Array(repeating: Array(repeating: "", count: parts.count), count: 2 + tallest)
        for (c, p) in parts.enumerated() {
            rows[0][c] = p.header[0]; rows[1][c] = p.header[1]
            let offset = (tallest - p.units.count) / 2
            for (r, u) in p.units.enumerated() { rows[2 + offset + r][c] = u }
        }
        if !values { rows.remove(at: 1) }
        return rows.map { row in
            "  " + row.enumerated().map { c, s in TextWidth.padRight(s, to: widths[c]) }.joined(separator: String(repeating: " ", count: gap))
        }
    }

    /// "  x1 -W1 0.3000-> h1    dE/dW1  0.0004" for every connection into column `c`, and its biases.
    private func connections(into c: Int, _ d: NetworkDiagram) -> [String] {
        let target = d.columns[c], source = d.columns[c - 1]
        let count = d.connectionCount(into: c)
        guard count <= Self.listedConnections else {
            return ["into \(target.title): \(count) weights (\(source.count) \(unicode ? "×" : "x") \(target.count)),"
                    + " too many to list here (show \(target.title).W)"]
        }
        // One row per connection, then the unit's bias (from a constant 1), unit by unit.
        typealias Row = (from: String, symbol: String, weight: String, to: String, gradient: String?, onPath: Bool)
        var rows: [Row] = []
        let edges = d.edges(into: c)
        for (j, unit) in target.units.enumerated() {
            for edge in edges where edge.to == j {
                rows.append((source.units[edge.from].name, edge.symbol, number(edge.weight), unit.name, edge.gradient.map(number), edge.onPath))
            }
            if let b = unit.bias {
                rows.append(("1", unit.biasSymbol, number(b), unit.name, unit.biasGradient.map(number), d.path?.symbol == unit.biasSymbol))
            }
        }
        func widest(_ texts: [String]) -> Int { texts.map(TextWidth.of).max() ?? 0 }
        let (fromW, symbolW, weightW) = (widest(rows.map(\.from)), widest(rows.map(\.symbol)), widest(rows.map(\.weight)))
        let gradientW = widest(rows.compactMap(\.gradient))
        let arrows = rows.map { r in
            (r.onPath ? "* " : "  ") + TextWidth.padRight(r.from, to: fromW) + " \(arrow.0)" + TextWidth.padRight(r.symbol, to: symbolW)
                + " " + TextWidth.padLeft(r.weight, to: weightW) + "\(arrow.1) " + r.to
        }
        let arrowW = widest(arrows)
        return ["into \(target.title)"] + zip(arrows, rows).map { line, r in
            guard let g = r.gradient else { return line }
            return TextWidth.padRight(line, to: arrowW) + "    \(partial)E/\(partial)" + TextWidth.padRight(r.symbol, to: symbolW)
                + "  " + TextWidth.padLeft(g, to: gradientW)
        }
    }
}
