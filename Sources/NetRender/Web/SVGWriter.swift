import NetCore
import NetSupport

/// A small builder for standalone SVG documents: xmlns and viewBox set, all text escaped.
///
///     var svg = SVGWriter(width: 200, height: 100)
///     svg.text("title", x: 100, y: 20, anchor: "middle")
///     svg.document   // "<svg xmlns=… viewBox=\"0 0 200 100\" …>…</svg>"
struct SVGWriter {
    let width: Double
    let height: Double
    private(set) var body: [String] = []
    var defs: [String] = []
    /// What the picture shows, for screen readers and tooltips (`<title>`).
    var title: String?

    init(width: Double, height: Double) { self.width = width; self.height = height }

    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 100).rounded() / 100
        // Int(r) would trap for a coordinate beyond Int's range (a point at 1e308).
        if let whole = Int(exactly: r) { return String(whole) }
        return r.isFinite ? String(r) : "0"
    }

    mutating func raw(_ element: String) { body.append(element) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#333", width: Double = 1, extra: String = "") {
        body.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(extra)/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, extra: String = "") {
        let s = stroke.map { " stroke=\"\($0)\"" } ?? ""
        body.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(w))\" height=\"\(Self.n(h))\" fill=\"\(fill)\"\(s)\(extra)/>")
    }

    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       weight: String? = nil, extra: String = "") {
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        body.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.n(size))\"\(w)\(extra)>\(HTMLText.escape(s))</text>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil) {
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"\(d)/>")
    }

    /// Put before every id and `url(#…)` reference. Many SVGs share one notebook page, where
    /// ids are global: each document's ids get a prefix made from its content, so they differ
    /// between pictures yet stay the same when a notebook is re-run (stored outputs compare equal).
    static let idToken = "@ID@"

    var document: String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" font-family=\"sans-serif\">"
        if let title, !title.isEmpty { s += "<title>\(HTMLText.escape(title))</title>" }
        if !defs.isEmpty { s += "<defs>" + defs.joined() + "</defs>" }
        s += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"white\"/>"
        s += body.joined() + "</svg>"
        // Ids are declared in defs (markers, gradients): a picture without defs has none, and
        // most have none. Searching the document anyway cost ~0.5 ms per plot (String.contains
        // compares Characters), a twentieth of a 10 ms train cell.
        guard !defs.isEmpty, s.utf8.contains(Self.idToken.utf8) else { return s }
        // FNV-1a over the document: a stable, short name for this picture.
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in s.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return s.replacingEvery(Self.idToken, with: "nb" + String(hash % 0xFFFFFFFF, radix: 36) + "-")
    }

    /// Colours that stay distinct for the colour-blind (Okabe–Ito), by series or class.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
    static func color(_ i: Int) -> String { palette[((i % palette.count) + palette.count) % palette.count] }
}
