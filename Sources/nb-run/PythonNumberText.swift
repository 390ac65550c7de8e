/// Numbers as Python reads and writes them, for `ParameterValue`: papermill reads a
/// `-p` value with Python's int() and float(), and the NetBook translator writes a float
/// with repr(). Matching both keeps `nb-run -p` and `papermill -p` to the same cell text.
///
///     PythonNumberText.repr(0.1)      // "0.1"
///     PythonNumberText.repr(1e-5)     // "1e-05"
///     PythonNumberText.repr(1e16)     // "1e+16"
///     PythonNumberText.repr(1e15)     // "1000000000000000.0"
enum PythonNumberText {
    /// `text` without the underscores Python allows between digits (`1_000`), or nil when
    /// an underscore stands anywhere else (Python's int() and float() refuse `1__0`, `_1`).
    static func withoutUnderscores(_ text: String) -> String? {
        guard text.contains("_") else { return text }
        let chars = Array(text)
        for (i, c) in chars.enumerated() where c == "_" {
            guard i > 0, i < chars.count - 1, chars[i - 1].isASCIIDigit, chars[i + 1].isASCIIDigit else { return nil }
        }
        return text.replacingAll("_", with: "")
    }

    /// What Python's int() accepts (after `withoutUnderscores`): a sign and ASCII digits.
    static func isInteger(_ text: String) -> Bool {
        let digits = text.first == "+" || text.first == "-" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// str(int(text)): no `+`, no leading zeros, `-0` is `0`.
    static func integerText(_ text: String) -> String {
        let negative = text.first == "-"
        let digits = (text.first == "+" || negative ? text.dropFirst() : Substring(text)).drop { $0 == "0" }
        if digits.isEmpty { return "0" }
        return (negative ? "-" : "") + digits
    }

    /// float('inf'), float('-infinity'), float('nan')... as the translator writes them
    /// (the language has no inf or nan literal: 1/0 and 0/0 are, as in IEEE 754).
    static func special(_ text: String) -> String? {
        let negative = text.first == "-"
        let word = (text.first == "+" || negative ? text.dropFirst() : Substring(text)).lowercased()
        switch word {
        case "inf", "infinity": return negative ? "-1/0" : "1/0"
        case "nan": return "0/0"
        default: return nil
        }
    }

    /// Python's decimal float syntax: `[sign] (digits [. [digits]] | . digits) [e [sign] digits]`
    /// (Swift's Double() also reads hexadecimal, which Python's float() does not).
    static func isDecimal(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "+" || s.first == "-" { s = s.dropFirst() }
        let whole = s.prefix(while: \.isASCIIDigit)
        s = s.dropFirst(whole.count)
        var fraction = Substring("")
        if s.first == "." {
            s = s.dropFirst()
            fraction = s.prefix(while: \.isASCIIDigit)
            s = s.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if s.first == "e" || s.first == "E" {
            s = s.dropFirst()
            if s.first == "+" || s.first == "-" { s = s.dropFirst() }
            let exponent = s.prefix(while: \.isASCIIDigit)
            guard !exponent.isEmpty else { return false }
            s = s.dropFirst(exponent.count)
        }
        return s.isEmpty
    }

    /// Python's repr() of a finite float: the shortest digits that read back to the same
    /// Double (Swift's `description` finds the same ones), laid out as Python does —
    /// scientific when the decimal point would stand more than 16 places right or 4 or
    /// more places left of the first digit, with a two-digit signed exponent.
    static func repr(_ value: Double) -> String {
        precondition(value.isFinite, "repr of inf and nan is not NetBook source")
        let sign = value.sign == .minus ? "-" : ""
        var (digits, point) = shortestDigits(value.magnitude)
        if digits.isEmpty { return sign + "0.0" }
        if point <= -4 || point > 16 {
            let exponent = point - 1
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            let magnitude = String(abs(exponent))
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count {
            digits += String(repeating: "0", count: point - digits.count)
            return sign + digits + ".0"
        }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }

    /// The significant digits of Swift's shortest round-trip text of `magnitude`, and where
    /// the decimal point stands: 0.00125 is ("125", -2), 1250.0 is ("125", 4); 0 is ("", 0).
    private static func shortestDigits(_ magnitude: Double) -> (String, Int) {
        let text = magnitude.description            // "0.00125", "1.25e-05", "1250.0", "1e+16"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        let whole = mantissa.prefix { $0 != "." }
        let fraction = mantissa.dropFirst(whole.count + 1)
        var digits = Substring(String(whole) + fraction)
        var point = whole.count + exponent
        while digits.first == "0" { digits = digits.dropFirst(); point -= 1 }
        while digits.last == "0" { digits = digits.dropLast() }
        return (String(digits), digits.isEmpty ? 0 : point)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
