import NetLang

/// An image or a gallery of tiles as SVG: one `<rect class="px">` per pixel, a caption
/// over each tile, the title on top and the colour scale at the bottom. NetLang keeps
/// images at most 64×64 and a gallery's pixels bounded, so the document stays small.
struct ImageSVG {
    /// The widest picture: tiles wrap onto new rows past it.
    var maxWidth = 760.0

    func render(_ view: ImageView) -> String {
        let shading = ImageShading(scale: view.scale)
        let rows = view.tiles.map(\.pixels.rows).max() ?? 1
        let cols = view.tiles.map(\.pixels.cols).max() ?? 1
        let single = view.tiles.count == 1
        // A single digit is drawn large; gallery tiles fit about 170 pixels.
        let side = Double(max(rows, cols, 1))
        let px = single ? max(4, min(32, 256 / side)) : max(3, min(20, 168 / side))
        let tileWidth = px * Double(cols), tileHeight = px * Double(rows)
        let caption = single ? 0.0 : 16.0
        let gap = 12.0, margin = 10.0, top = 28.0
        let perRow = max(1, min(view.tiles.count, Int((maxWidth - 2 * margin + gap) / (tileWidth + gap))))
        let gridRows = (view.tiles.count + perRow - 1) / perRow
        let legend = 44.0
        let width = max(2 * margin + Double(perRow) * (tileWidth + gap) - gap, 300)
        let height = top + Double(gridRows) * (caption + tileHeight + gap) + legend
        var svg = SVGWriter(width: width, height: height)
        svg.title = view.title
        svg.text(view.title, x: margin, y: 18, size: 14, weight: "bold")
        for (i, tile) in view.tiles.enumerated() {
            let x0 = margin + Double(i % perRow) * (tileWidth + gap)
            let y0 = top + Double(i / perRow) * (caption + tileHeight + gap) + caption
            if !single { svg.text(tile.caption, x: x0, y: y0 - 4, size: 11) }
            let p = tile.pixels
            for r in 0..<p.rows {
                for c in 0..<p.cols {
                    let v = p[r, c]
                    svg.rect(x0 + Double(c) * px, y0 + Double(r) * px, px, px, fill: shading.color(v),
                             extra: " class=\"px\"" + (v.isNaN ? " data-nan=\"1\"" : ""))
                }
            }
            svg.rect(x0, y0, px * Double(p.cols), px * Double(p.rows), fill: "none", stroke: "#888")
        }
        drawScale(&svg, view, shading, x: margin, y: height - legend + 8)
        return svg.document
    }

    /// The colour bar with its ends, and the nan colour when there are nan pixels.
    private func drawScale(_ svg: inout SVGWriter, _ view: ImageView, _ shading: ImageShading, x: Double, y: Double) {
        let steps = 20, w = 8.0, h = 12.0
        let (lo, hi): (Double, Double)
        switch view.scale {
        case .grey(let r): (lo, hi) = (r.lowerBound, r.upperBound)
        case .diverging(let limit): (lo, hi) = (-limit, limit)
        }
        for i in 0...steps {
            let v = lo + (hi - lo) * Double(i) / Double(steps)
            svg.rect(x + Double(i) * w, y, w, h, fill: shading.color(v))
        }
        svg.rect(x, y, w * Double(steps + 1), h, fill: "none", stroke: "#888")
        svg.text(ImageText.number(lo), x: x, y: y + h + 13, size: 11)
        svg.text(ImageText.number(hi), x: x + w * Double(steps + 1), y: y + h + 13, anchor: "end", size: 11)
        var nx = x + w * Double(steps + 1) + 16
        if case .diverging = view.scale {
            svg.text("0", x: x + w * (Double(steps) / 2 + 0.5), y: y + h + 13, anchor: "middle", size: 11)
        }
        let nans = view.nanCount
        if nans > 0 {
            svg.rect(nx, y, h, h, fill: ImageShading.nanColor, stroke: "#888")
            svg.text("nan (\(nans))", x: nx + h + 4, y: y + h - 2, size: 11)
            nx += 90
        }
        for (i, note) in view.notes.prefix(2).enumerated() {
            svg.text(note, x: nx, y: y + h - 2 + Double(i) * 14, size: 11)
        }
    }
}
