import NetCore

/// A grid of character cells that plots draw on. In `.fine` mode each cell holds a 2×4
/// braille dot matrix, so lines are drawn at eight times the resolution of a cell.
///
///     var canvas = PlotCanvas(width: 40, height: 10, fine: false)
///     canvas.line(from: (0, 0), to: (1, 1), mark: "*")
struct PlotCanvas {
    let width: Int
    let height: Int
    /// Dots per cell across and down: 2×4 for braille, 1×1 for plain characters.
    let dotsX: Int
    let dotsY: Int
    private var marks: [[String?]]
    /// The line marks of every series that passes a cell, in drawing order: where curves
    /// meet (relu and step are both 0 left of the origin) their marks alternate along the
    /// row ("*x*x*x"), so no curve hides another.
    private var lineMarks: [[[String]]]
    private var dots: [[UInt8]]
    private var shade: [[String]]

    init(width: Int, height: Int, fine: Bool) {
        self.width = width; self.height = height
        dotsX = fine ? 2 : 1; dotsY = fine ? 4 : 1
        marks = Array(repeating: Array(repeating: nil, count: width), count: height)
        lineMarks = Array(repeating: Array(repeating: [], count: width), count: height)
        dots = Array(repeating: Array(repeating: 0, count: width), count: height)
        shade = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// The cell of a point given as fractions of the axes (0...1, y up); nil outside.
    func cell(_ fx: Double, _ fy: Double) -> (row: Int, col: Int)? {
        guard fx.isFinite, fy.isFinite, fx >= -1e-9, fx <= 1 + 1e-9, fy >= -1e-9, fy <= 1 + 1e-9 else { return nil }
        guard let col = WholeNumber.clamped(fx * Double(width - 1), to: 0...(width - 1)),
              let row = WholeNumber.clamped((1 - fy) * Double(height - 1), to: 0...(height - 1)) else { return nil }
        return (row, col)
    }

    mutating func setShade(row: Int, col: Int, _ s: String) { shade[row][col] = s }

    /// A character at a point (scatter markers); later marks cover earlier ones.
    mutating func mark(_ fx: Double, _ fy: Double, _ m: String) {
        if let (r, c) = cell(fx, fy) { marks[r][c] = m }
    }

    /// A line between two points in axis fractions: braille dots when `mark` is nil
    /// (fine mode), otherwise the character in every cell the line passes.
    mutating func line(from a: (Double, Double), to b: (Double, Double), mark m: String?) {
        guard a.0.isFinite, a.1.isFinite, b.0.isFinite, b.1.isFinite else { return }
        let sx = Double((width - 1) * dotsX), sy = Double((height - 1) * dotsY)
        let offX = Double(dotsX - 1) / 2, offY = Double(dotsY - 1) / 2
        let x0 = a.0 * sx + offX, y0 = (1 - a.1) * sy + offY
        let x1 = b.0 * sx + offX, y1 = (1 - b.1) * sy + offY
        // A segment from a point far off the axes (a fraction of 1e8) is not drawn dot by dot.
        let length = max(abs(x1 - x0), abs(y1 - y0))
        guard length < 100_000, let steps = WholeNumber.clamped(length, to: 1...100_000, rounding: .up) else { return }
        for k in 0...steps {
            let t = Double(k) / Double(steps)
            guard let px = WholeNumber.clamped(x0 + (x1 - x0) * t, to: -1...(width * dotsX)),
                  let py = WholeNumber.clamped(y0 + (y1 - y0) * t, to: -1...(height * dotsY)),
                  px >= 0, py >= 0, px < width * dotsX, py < height * dotsY else { continue }
            let r = py / dotsY, c = px / dotsX
            if let m { if !lineMarks[r][c].contains(m) { lineMarks[r][c].append(m) } } else { dots[r][c] |= Self.brailleBit(px % dotsX, py % dotsY) }
        }
    }

    /// Unicode's braille cell numbers its dots 1-2-3-7 down the left, 4-5-6-8 down the right.
    static func brailleBit(_ x: Int, _ y: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return x == 0 ? left[y] : right[y]
    }

    /// The rows as strings: a point's mark, else the line marks and braille dots of the
    /// curves through the cell (taking turns by column when there are several), else the shade.
    var rows: [String] {
        (0..<height).map { r in
            (0..<width).map { c -> String in
                if let m = marks[r][c] { return m }
                var curves = lineMarks[r][c]
                if dots[r][c] != 0, let u = Unicode.Scalar(0x2800 + UInt32(dots[r][c])) { curves.insert(String(Character(u)), at: 0) }
                return curves.isEmpty ? shade[r][c] : curves[c % curves.count]
            }.joined()
        }
    }
}
