import NetCore

/// Numbers shown as pictures: `show image`, `show mistakes`, `show weights LAYER as images`.
/// One picture is a gallery of one tile.
///
///     ImageView(title: "digits.x[7, :]", tiles: [.init(caption: "", pixels: eightByEight)],
///               scale: .grey(0...16))
public struct ImageView: Sendable {
    /// How a value becomes a colour. NetLang picks the ends (finite, low < high, from
    /// `DrawableRange`), so a renderer never divides by zero or by infinity.
    public enum Scale: Sendable, Equatable {
        /// Low values white, high values black: ink on paper, as the digits were written.
        case grey(ClosedRange<Double>)
        /// Around zero, for weights: −limit blue, 0 white, +limit red.
        case diverging(limit: Double)
    }
    public struct Tile: Sendable {
        /// Under the title of a gallery, e.g. "row 12: 3 → 8"; empty for a single image.
        public var caption: String
        /// One value per pixel, rows × cols as drawn (row 1 at the top).
        public var pixels: Tensor
        public init(caption: String, pixels: Tensor) { self.caption = caption; self.pixels = pixels }
    }
    public var title: String
    public var tiles: [Tile]
    public var scale: Scale
    /// Lines under the picture ("3 of 45 wrong answers shown").
    public var notes: [String]
    public init(title: String, tiles: [Tile], scale: Scale, notes: [String] = []) {
        self.title = title; self.tiles = tiles; self.scale = scale; self.notes = notes
    }

    /// Pixels that are nan: drawn in a colour of their own (SVG) or as `?` (text).
    public var nanCount: Int { tiles.reduce(0) { $0 + $1.pixels.data.lazy.filter(\.isNaN).count } }
}

/// `show confusion X, T`: how many samples of each true class the network gave each class.
public struct ConfusionView: Sendable {
    /// Row and column names, e.g. ["0", "1", …, "9"] for digits.
    public var classNames: [String]
    /// counts[true][predicted].
    public var counts: [[Int]]
    public var title: String
    public init(title: String, classNames: [String], counts: [[Int]]) {
        self.title = title; self.classNames = classNames; self.counts = counts
    }
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    public var correct: Int { counts.indices.reduce(0) { $0 + ($1 < counts[$1].count ? counts[$1][$1] : 0) } }
}
