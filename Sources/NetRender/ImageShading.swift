import NetLang

/// Where a value lies on an image's scale, and the colour or characters that show it.
/// Text and SVG use the same fractions, so the two forms of one picture agree.
///
///     ImageShading(scale: .grey(0...16)).fraction(8)        // 0.5
///     ImageShading(scale: .diverging(limit: 2)).fraction(-1) // -0.5
///     ImageShading(scale: .grey(0...16)).fraction(.nan)     // nil
struct ImageShading {
    let scale: ImageView.Scale

    /// 0…1 on a grey scale, −1…1 on a diverging one; values beyond the ends (±inf too)
    /// are held at the ends; nil for nan, which has no place on any scale.
    func fraction(_ v: Double) -> Double? {
        guard !v.isNaN else { return nil }
        switch scale {
        case .grey(let range):
            let (lo, hi) = (range.lowerBound, range.upperBound)
            // The scale's ends are finite and lo < hi (NetLang checks with DrawableRange).
            guard hi > lo, (hi - lo).isFinite else { return 0.5 }
            if v <= lo { return 0 }
            if v >= hi { return 1 }
            return min(1, max(0, (v - lo) / (hi - lo)))
        case .diverging(let limit):
            guard limit > 0, limit.isFinite else { return 0 }
            if v >= limit { return 1 }
            if v <= -limit { return -1 }
            return v / limit
        }
    }

    /// The SVG fill of a pixel.
    func color(_ v: Double) -> String {
        guard let f = fraction(v) else { return Self.nanColor }
        switch scale {
        case .grey:
            let level = Int((255 * (1 - f)).rounded())
            return Self.hex(level, level, level)
        case .diverging:
            // White to red (#b2182b) above zero, white to blue (#2166ac) below: ColorBrewer's RdBu ends.
            let (r, g, b) = f >= 0 ? (178, 24, 43) : (33, 102, 172)
            let t = abs(f)
            func mix(_ end: Int) -> Int { Int((255 + (Double(end) - 255) * t).rounded()) }
            return Self.hex(mix(r), mix(g), mix(b))
        }
    }

    /// Amber: not on the grey scale nor on the red–blue one.
    static let nanColor = "#ffb000"

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        func two(_ v: Int) -> String {
            let s = String(min(255, max(0, v)), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + two(r) + two(g) + two(b)
    }

    // MARK: - Text

    /// Light to dark, one character per step; each pixel is drawn twice so it is about square.
    static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    static let unicodeRamp: [Character] = [" ", "░", "▒", "▓", "█"]
    /// Negative to positive around a blank zero (sign needs two shapes, not one shade).
    static let divergingRamp: [Character] = ["=", "-", " ", "+", "#"]
    static let nanCharacter: Character = "?"

    /// The two characters of one pixel.
    func cell(_ v: Double, unicode: Bool) -> String {
        guard let f = fraction(v) else { return String(repeating: Self.nanCharacter, count: 2) }
        let ramp: [Character]
        let position: Double
        switch scale {
        case .grey:
            ramp = unicode ? Self.unicodeRamp : Self.asciiRamp
            position = f
        case .diverging:
            ramp = Self.divergingRamp
            position = (f + 1) / 2
        }
        let index = min(ramp.count - 1, max(0, Int((position * Double(ramp.count - 1)).rounded())))
        return String(repeating: ramp[index], count: 2)
    }
}
