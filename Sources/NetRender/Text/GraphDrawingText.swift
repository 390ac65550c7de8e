import NetCore
import NetLang

/// `show graph NAME` drawn as the lessons draw a computational graph: inputs on the left,
/// one circle per operation, each arrow with the value it carries forward above it and,
/// after `backward NAME`, the gradient it carries back below it (GraphLayout places them):
///
///                  100 →
///     apple      ─────────┐
///                  ← 2.2  │       200 →
///                        (×)──────────────┐
///                    2 →  │       ← 1.1   │
///     apple_num  ─────────┘               │
///                  ← 110                  │
///     ...
///
/// nil when the graph has no layout (too large) or the drawing is wider than `maxWidth`.
struct GraphDrawingText {
    var precision: Int
    var unicode: Bool = false
    static let maxWidth = 100

    func render(_ graph: GraphView) -> [String]? {
        guard let layout = GraphLayout(graph) else { return nil }
        let places = layout.places
        let hasGrads = places[0].node.grad != nil

        // Widths: each column as wide as its widest name or circle; the gap after it as
        // wide as the widest number written over or under an arrow that starts there.
        var columnWidth = Array(repeating: 0, count: layout.levels)
        var gapWidth = Array(repeating: 6, count: layout.levels)
        var above: [String] = [], below: [String] = [], shape: [String] = []
        for (p, place) in places.enumerated() {
            shape.append(place.level == 0 ? layout.label(p) : "(" + GraphLayout.symbol(place.node.op, unicode: unicode) + ")")
            above.append(describe(place.node.value) + (unicode ? " →" : " ->"))
            below.append(layout.edgeGradient(p).map { (unicode ? "← " : "<- ") + describe($0) } ?? "")
            columnWidth[place.level] = max(columnWidth[place.level], TextWidth.of(shape[p]))
            gapWidth[place.level] = max(gapWidth[place.level], TextWidth.of(above[p]) + 3, TextWidth.of(below[p]) + 3)
        }
        var start = [0]
        for level in 0..<layout.levels { start.append(start[level] + columnWidth[level] + gapWidth[level]) }
        let rootName = GraphText.label(places[0].node)
        let width = start[layout.levels] + 1 + TextWidth.of(rootName)
        guard width <= Self.maxWidth else { return nil }

        var canvas = Canvas(rows: layout.rows, width: width)
        let horizontal: Character = unicode ? "─" : "-"
        // Where a circle's middle is, and where its text starts.
        func centre(_ p: Int) -> Int { start[places[p].level] + columnWidth[places[p].level] / 2 }
        func shapeStart(_ p: Int) -> Int {
            places[p].level == 0 ? 0 : centre(p) - TextWidth.of(shape[p]) / 2
        }

        for (p, place) in places.enumerated() {
            // A name keeps a space before its arrow; a circle's arrow leaves from its edge.
            let from = shapeStart(p) + TextWidth.of(shape[p]) + (place.level == 0 ? 1 : 0)
            let gapStart = start[place.level] + columnWidth[place.level] + 1
            let gapEnd = start[place.level + 1] - 1
            var to = start[layout.levels]          // the root's arrow ends at its name
            if let parent = place.parent {
                to = place.row == places[parent].row ? shapeStart(parent) : centre(parent)
            }
            for x in from..<max(from, to) { canvas.put(horizontal, row: place.row, x) }
            canvas.write(TextWidth.center(above[p], in: gapEnd - gapStart), row: place.row - 1, x: gapStart)
            canvas.write(TextWidth.center(below[p], in: gapEnd - gapStart), row: place.row + 1, x: gapStart)
        }
        // Each operation: the line joining its inputs' arrows, then its circle over it.
        for (p, place) in places.enumerated() where !place.isLeaf {
            let x = centre(p)
            let rows = place.children.map { places[$0].row }
            guard let top = rows.min(), let bottom = rows.max() else { continue }
            for row in top...bottom {
                let joins = rows.contains(row)
                let char: Character = !unicode ? (joins ? "+" : "|")
                    : row == top ? "┐" : row == bottom ? "┘" : joins ? "┤" : "│"
                canvas.put(char, row: row, x)
            }
            canvas.write(shape[p], row: place.row, x: shapeStart(p))
        }
        for (p, place) in places.enumerated() where place.level == 0 { canvas.write(shape[p], row: place.row, x: 0) }
        canvas.write(rootName, row: places[0].row, x: start[layout.levels] + 1)

        let root = graph.root
        var lines = [hasGrads
            ? "graph of \(root): each arrow's value above it, d\(root)/d(that value) below it"
            : "graph of \(root): each arrow's value above it (backward \(root) adds the gradients)"]
        lines += canvas.lines
        while lines.last?.isEmpty == true { lines.removeLast() }
        if layout.hasRepeats {
            lines.append("(again): a value used more than once, drawn in full above; its gradient is the sum of its arrows'")
        }
        return lines
    }

    private func describe(_ t: Tensor) -> String {
        t.isScalar ? NumberFormat.shown(t.scalar, precision: precision) : t.shapeDescription
    }
}

/// A grid of characters, one per terminal column (a wide Hangul name takes its own cell and
/// the one after it stays empty, so the columns right of it still line up).
private struct Canvas {
    private var cells: [[Character]]

    init(rows: Int, width: Int) { cells = Array(repeating: Array(repeating: " ", count: width), count: rows) }

    mutating func put(_ c: Character, row: Int, _ x: Int) {
        guard cells.indices.contains(row), cells[row].indices.contains(x) else { return }
        cells[row][x] = c
    }

    mutating func write(_ s: String, row: Int, x: Int) {
        var column = x
        for c in s {
            if c != " " { put(c, row: row, column) }
            column += max(1, c.unicodeScalars.map { TextWidth.columns($0) }.reduce(0, +))
            if TextWidth.of(String(c)) == 2 { put("\u{0}", row: row, column - 1) }
        }
    }

    var lines: [String] {
        cells.map { row in
            var s = String(row.filter { $0 != "\u{0}" })
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}
