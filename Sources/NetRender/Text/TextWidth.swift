/// How many monospace columns a string takes: Hangul and CJK characters take two,
/// combining marks none, everything else one. Tables with Korean headers still line up.
///
///     TextWidth.of("손실")   // 4
///     TextWidth.of("loss")   // 4
enum TextWidth {
    static func of(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars { width += columns(scalar) }
        return width
    }

    static func columns(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD: return 2
        default: return 1
        }
    }

    static func padLeft(_ s: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(s))) + s
    }

    static func padRight(_ s: String, to width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - of(s)))
    }

    static func center(_ s: String, in width: Int) -> String {
        let left = max(0, (width - of(s)) / 2)
        return String(repeating: " ", count: left) + s
    }
}
