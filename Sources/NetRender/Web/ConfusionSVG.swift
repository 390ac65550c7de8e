import NetLang

/// A confusion matrix as a heatmap: each cell shaded by the share of its true class
/// (its row), with the count written in it; the axes are labelled "true" (down) and
/// "predicted" (across). The diagonal, the right answers, is outlined.
struct ConfusionSVG {
    func render(_ view: ConfusionView) -> String {
        let n = view.counts.count
        let cell = max(18, min(40, 400 / Double(max(n, 1))))
        let left = 70.0, top = 56.0
        let width = left + cell * Double(n) + 20, height = top + cell * Double(n) + 40
        var svg = SVGWriter(width: max(width, 280), height: height)
        svg.title = view.title
        svg.text(view.title, x: 10, y: 18, size: 14, weight: "bold")
        svg.text("predicted", x: left + cell * Double(n) / 2, y: 36, anchor: "middle", size: 12, weight: "bold")
        let midY = top + cell * Double(n) / 2
        svg.text("true", x: 16, y: midY, anchor: "middle", size: 12, weight: "bold",
                 extra: " transform=\"rotate(-90 16 \(SVGWriter.n(midY)))\"")
        func name(_ i: Int) -> String { i < view.classNames.count ? view.classNames[i] : "\(i + 1)" }
        for i in 0..<n {
            svg.text(name(i), x: left + cell * (Double(i) + 0.5), y: top - 6, anchor: "middle", size: 11)
            svg.text(name(i), x: left - 6, y: top + cell * (Double(i) + 0.5) + 4, anchor: "end", size: 11)
        }
        for (r, row) in view.counts.enumerated() {
            let rowTotal = max(1, row.reduce(0, +))
            for (c, count) in row.enumerated() {
                let share = Double(count) / Double(rowTotal)
                let level = Int((255 * (1 - 0.85 * share)).rounded())
                let x = left + cell * Double(c), y = top + cell * Double(r)
                svg.rect(x, y, cell, cell, fill: ImageShading.hex(level, level, 255), stroke: "#ddd", extra: " class=\"cell\"")
                if count > 0 {
                    svg.text(String(count), x: x + cell / 2, y: y + cell / 2 + 4, anchor: "middle", size: min(12, cell * 0.4),
                             extra: share > 0.5 ? " fill=\"white\"" : "")
                }
            }
        }
        for i in 0..<n {
            svg.rect(left + cell * Double(i), top + cell * Double(i), cell, cell, fill: "none", stroke: "#D55E00")
        }
        svg.text(ConfusionText.summary(view), x: left, y: top + cell * Double(n) + 24, size: 12)
        return svg.document
    }
}
