import NetCore
import NetLang
import NetSupport

/// An image (or a gallery of tiles) as characters: each pixel two characters wide so it
/// looks about square, framed, with the scale written under it.
///
///     digits.x[1, :]: 8×8, grey from 0 (' ') to 16 ('@')
///     +----------------+
///     |      ####      |
///     …
///
/// ASCII shades by default (they align in any font); `style unicode` uses ░▒▓█. Weights
/// use a diverging set, = and - below zero, + and # above, since one shade cannot say a sign.
/// Tiles are set side by side, as many as fit in `width` columns.
struct ImageText {
    let unicode: Bool
    /// The widest line of tiles (a tile wider than this stands alone on its line).
    var width = 78

    func render(_ view: ImageView) -> String {
        let shading = ImageShading(scale: view.scale)
        var lines = [view.title + ": " + scaleText(view)]
        let blocks = view.tiles.map { tile(shading, $0, captioned: view.tiles.count > 1) }
        var row: [[String]] = []
        var rowWidth = 0
        func flush() {
            guard !row.isEmpty else { return }
            let height = row.map(\.count).max() ?? 0
            for i in 0..<height {
                let parts = row.map { block in i < block.count ? block[i] : String(repeating: " ", count: TextWidth.of(block[0])) }
                lines.append(parts.joined(separator: "  ").trailingSpacesRemoved)
            }
            row = []; rowWidth = 0
        }
        for block in blocks {
            let w = TextWidth.of(block[0])
            if !row.isEmpty, rowWidth + 2 + w > width { flush() }
            rowWidth += (row.isEmpty ? 0 : 2) + w
            row.append(block)
        }
        flush()
        let nans = view.nanCount
        if nans > 0 { lines.append("\(nans) pixel\(nans == 1 ? " is" : "s are") nan, shown as ??") }
        lines += view.notes
        return lines.joined(separator: "\n")
    }

    /// One framed tile, its caption on the first line, every line as wide as the frame.
    func tile(_ shading: ImageShading, _ tile: ImageView.Tile, captioned: Bool) -> [String] {
        let p = tile.pixels
        let inner = 2 * p.cols
        // A caption wider than a small tile widens its block (up to 30 columns), not cut.
        let caption = captioned ? clipped(tile.caption, to: max(inner + 2, 30)) : ""
        let blockWidth = max(inner + 2, TextWidth.of(caption))
        var block: [String] = []
        if captioned { block.append(caption) }
        let edge = "+" + String(repeating: "-", count: inner) + "+"
        block.append(edge)
        for r in 0..<p.rows {
            var line = "|"
            for c in 0..<p.cols { line += shading.cell(p[r, c], unicode: unicode) }
            block.append(line + "|")
        }
        block.append(edge)
        return block.map { TextWidth.padRight($0, to: blockWidth) }
    }

    private func clipped(_ s: String, to width: Int) -> String {
        guard TextWidth.of(s) > width else { return s }
        var out = ""
        for ch in s where TextWidth.of(out + String(ch)) < width { out.append(ch) }
        return out + "…"
    }

    /// "8×8, grey from 0 (' ') to 16 ('@')", or the diverging scale's ends.
    func scaleText(_ view: ImageView) -> String {
        let shape = view.tiles.first.map { "\($0.pixels.rows)×\($0.pixels.cols)" } ?? "empty"
        let count = view.tiles.count > 1 ? "\(view.tiles.count) images of " : ""
        switch view.scale {
        case .grey(let range):
            let ramp = unicode ? ImageShading.unicodeRamp : ImageShading.asciiRamp
            return "\(count)\(shape), grey from \(Self.number(range.lowerBound)) ('\(ramp.first!)') to \(Self.number(range.upperBound)) ('\(ramp.last!)')"
        case .diverging(let limit):
            let l = Self.number(limit)
            return "\(count)\(shape), from -\(l) ('==') through 0 ('  ') to \(l) ('##')"
        }
    }

    /// A scale's end as people read it: 16, 0.25, 1.235e-05.
    static func number(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return NumberFormat.exact(v) }
        return cFormat("%.4g", v)
    }
}

private extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
