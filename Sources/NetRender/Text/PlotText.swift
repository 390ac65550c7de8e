import NetCore
import NetLang

/// A plot as text: title, y label, the canvas framed by axes with tick labels, the x label,
/// and a legend. ASCII by default, so it aligns in any monospace font; `unicode` draws lines
/// in braille dots and shades decision maps with block characters.
///
///                      loss
///     loss
///     0.30 +*
///          | **
///     0.00 +---*****---------
///          +-----+-----+----+
///          0     10    20   30
///                     step
struct PlotText {
    var unicode: Bool
    var width = 60
    var height = 15

    /// Markers per series (lines) and per class (points), in order. ASCII lines avoid '+',
    /// which the axes use for ticks.
    var lineMarks: [String] { unicode ? ["•", "×", "+", "∘", "#", "@"] : ["*", "o", "x", "#", "@", "%", "&", "="] }
    var pointMarks: [String] { unicode ? ["●", "○", "▲", "■", "◆", "△", "□", "◇"] : ["o", "x", "+", "*", "#", "@", "%", "&"] }
    /// Background shades of a decision map, lightest first (light, so points stay visible).
    var shades: [String] { unicode ? [" ", "░", "▒", "▓"] : [" ", ".", ":", "-", "="] }

    /// Points drawn between two interrupt checks (a plot holds up to 20 000).
    static let pointsPerCheck = 1 << 10

    /// Throws `Interrupted` when the work is interrupted (Interruption.swift).
    func render(_ plot: Plot) throws -> String {
        let geometry = PlotGeometry(plot, xTicks: 6, yTicks: 5)
        var canvas = PlotCanvas(width: width, height: height, fine: unicode && plot.kind == .line)
        if let grid = plot.grid, let shading = geometry.shading { shade(&canvas, grid, shading) }
        try draw(plot, on: &canvas, geometry)
        return frame(plot, canvas, geometry).map(Self.trimmed).joined(separator: "\n")
    }

    // MARK: drawing

    private func shade(_ canvas: inout PlotCanvas, _ grid: Plot.Grid, _ shading: GridShading) {
        let gridRows = grid.values.count
        guard gridRows > 0 else { return }
        for r in 0..<canvas.height {
            let gr = min(gridRows - 1, r * gridRows / canvas.height)
            let row = grid.values[gr]
            guard !row.isEmpty else { continue }
            for c in 0..<canvas.width {
                let v = row[min(row.count - 1, c * row.count / canvas.width)]
                canvas.setShade(row: r, col: c, shadeMark(v, shading))
            }
        }
    }

    func shadeMark(_ v: Double, _ shading: GridShading) -> String {
        switch shading {
        case .classes(let all):
            let k = WholeNumber.clamped(v, to: 0...32).flatMap { all.firstIndex(of: $0) } ?? 0
            return shades[k % shades.count]
        case .values:
            return shades[shading.band(v, levels: shades.count)]
        }
    }

    private func draw(_ plot: Plot, on canvas: inout PlotCanvas, _ g: PlotGeometry) throws {
        let check = { (i: Int) in try Interruption.check(item: i, every: Self.pointsPerCheck) }
        for (si, s) in plot.series.enumerated() {
            try Interruption.check()
            let points = zip(s.x, s.y).map { (g.x.fraction($0), g.y.fraction($1)) }
            switch plot.kind {
            case .line:
                // Braille for the first series in unicode; the others keep a marker to tell them apart.
                let mark: String? = canvas.dotsX > 1 && si == 0 ? nil : lineMarks[si % lineMarks.count]
                // Each point on its own too, so one finite value between NaNs still shows.
                for (i, p) in points.enumerated() { try check(i); canvas.line(from: p, to: p, mark: mark) }
                for (i, (a, b)) in zip(points, points.dropFirst()).enumerated() { try check(i); canvas.line(from: a, to: b, mark: mark) }
            case .scatter, .decision:
                for (i, p) in points.enumerated() {
                    try check(i)
                    let k = PlotGeometry.pointClass(s, i).map { $0 - 1 } ?? si
                    canvas.mark(p.0, p.1, pointMarks[((k % pointMarks.count) + pointMarks.count) % pointMarks.count])
                }
            }
        }
    }

    // MARK: frame, ticks, legend

    private func frame(_ plot: Plot, _ canvas: PlotCanvas, _ g: PlotGeometry) -> [String] {
        let vertical = unicode ? "│" : "|", yTick = unicode ? "┤" : "+"
        let horizontal = unicode ? "─" : "-", xTick = unicode ? "┬" : "+", corner = unicode ? "└" : "+"
        var tickRows: [Int: String] = [:]
        for t in g.y.ticks {
            // -1 and height stand for "off the frame", whatever the fraction was.
            guard let row = WholeNumber.clamped((1 - g.y.fraction(t)) * Double(canvas.height - 1), to: -1...canvas.height) else { continue }
            if (0..<canvas.height).contains(row) { tickRows[row] = g.y.label(t) }
        }
        let margin = max(tickRows.values.map(TextWidth.of).max() ?? 0, 1)
        let indent = String(repeating: " ", count: margin + 1)
        var lines: [String] = []
        if !plot.title.isEmpty { lines.append(indent + " " + TextWidth.center(plot.title, in: canvas.width)) }
        if !plot.yLabel.isEmpty { lines.append(plot.yLabel) }
        for (r, row) in canvas.rows.enumerated() {
            if let label = tickRows[r] {
                lines.append(TextWidth.padLeft(label, to: margin) + " " + yTick + row)
            } else {
                lines.append(indent + vertical + row)
            }
        }
        // The x axis: a rule with tick marks, then labels centred under them where they fit.
        var rule = Array(repeating: horizontal, count: canvas.width)
        var labels = Array(repeating: " ", count: canvas.width + margin + 8)
        let origin = margin + 2   // where canvas column 0 sits on a line
        var free = 0
        for t in g.x.ticks {
            guard let col = WholeNumber.clamped(g.x.fraction(t) * Double(canvas.width - 1), to: -1...canvas.width),
                  (0..<canvas.width).contains(col) else { continue }
            // A tick on the first column would sit right beside the corner ("++---"):
            // the corner marks that end of the axis already.
            if col > 0 { rule[col] = xTick }
            let text = g.x.label(t).map(String.init)
            let start = max(free, origin + col - (text.count - 1) / 2)
            guard start + text.count <= labels.count else { continue }
            if start > origin + col { continue }   // would not sit under its tick
            for (i, ch) in text.enumerated() { labels[start + i] = ch }
            free = start + text.count + 1
        }
        lines.append(indent + corner + rule.joined())
        lines.append(labels.joined())
        if !plot.xLabel.isEmpty { lines.append(indent + " " + TextWidth.center(plot.xLabel, in: canvas.width)) }
        lines += legend(plot, g)
        return lines
    }

    private func legend(_ plot: Plot, _ g: PlotGeometry) -> [String] {
        var items: [String] = []
        let classes = PlotGeometry.classes(plot)
        switch plot.kind {
        case .line where plot.series.count > 1:
            for (i, s) in plot.series.enumerated() {
                let mark = unicode && i == 0 ? "⠤⠤" : lineMarks[i % lineMarks.count]
                items.append("\(mark) \(s.label)")
            }
        case .scatter, .decision:
            if classes.count > 1 || (plot.kind == .decision && !classes.isEmpty) {
                for c in classes { items.append("\(pointMarks[((c - 1) % pointMarks.count + pointMarks.count) % pointMarks.count]) \(plot.className(c))") }
            } else if plot.series.count > 1 {
                for (i, s) in plot.series.enumerated() { items.append("\(pointMarks[i % pointMarks.count]) \(s.label)") }
            }
        default: break
        }
        var lines: [String] = []
        if !items.isEmpty { lines.append("legend: " + items.joined(separator: "   ")) }
        if let shading = g.shading { lines.append(shadeLegend(shading, plot)) }
        return lines
    }

    private func shadeLegend(_ shading: GridShading, _ plot: Plot) -> String {
        switch shading {
        case .classes(let all):
            return "shade: " + all.enumerated().map { "'\(shades[$0.offset % shades.count])' \(plot.className($0.element))" }
                .joined(separator: "   ")
        case .values(let lo, let hi):
            let n = shades.count
            let step = (hi - lo) / Double(n)
            let bands = (0..<n).map { k -> String in
                "'\(shades[k])' \(NumberFormat.tick(lo + step * Double(k), step: step / 10))"
            }
            return "shade: " + bands.joined(separator: "  ") + " .. \(NumberFormat.tick(hi, step: step / 10))"
        }
    }

    /// No trailing blanks: a stored notebook then compares cleanly.
    static func trimmed(_ s: String) -> String {
        // Byte by byte: `last`/`dropLast` on Characters cost ~0.8 ms per train cell's plots
        // (a 60-column row is mostly blanks). A space is never part of a longer grapheme,
        // so the index before it is a Character boundary.
        let bytes = s.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") {
            end = bytes.index(before: end)
        }
        return String(s[..<end])
    }
}
