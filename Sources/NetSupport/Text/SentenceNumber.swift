/// How a number reads inside a sentence — an error, a hint, a warning, a verdict, a
/// footer — where the session's `precision` must not change it: an error that says which
/// value was wrong echoes every digit the value has, an optimizer's `lr: 2` reads as
/// a person wrote it. The forms here know nothing of `precision`; a number shown *at*
/// the session's precision (a tensor's values, a table's, an explanation's factors) is
/// NetRender's `NumberFormat`, the one formatter that reads the setting.
///
/// All forms use the C library's printf rounding (the exact binary value, to nearest,
/// ties to even), as NetRender's `NumberFormat` does.
///
///     SentenceNumber.text(1e308, .exact)                    // "1e+308"
///     SentenceNumber.text(2, .significant(6))               // "2"
///     SentenceNumber.text(0.519998, .trimmed(decimals: 5))  // "0.52"
///     SentenceNumber.text(2.442e229, .brief)                // "2.4e+229"
public enum SentenceNumber {
    public enum Form: Sendable, Hashable {
        /// Every digit the value has and no more (Swift's shortest text that reads back to
        /// the same Double): `nan`, `inf`, `-inf`, `1e+308`, `2.5`, `3`. For errors that say
        /// which value was wrong.
        case exact
        /// printf's "%.*g": 0.05 at 4 digits is "0.05", 2 at 6 is "2", 1e-8 is "1e-08".
        case significant(Int)
        /// Fixed decimals without trailing zeros ("0.51999", "0.52"), the general form for
        /// very large or small values ("2.3e-05"); `nil` decimals: 10 significant digits.
        /// A `check`'s verdict, whose decimals follow its tolerance.
        case trimmed(decimals: Int?)
        /// Few digits, for advice in a sentence: "0.05", "2.4e+229" (4 significant digits,
        /// 2 for values beyond 1e6 or below 1e-4).
        case brief
    }

    /// The most significant digits a Double holds (and the most decimals `precision` takes).
    public static let maxDigits = 17

    public static func text(_ v: Double, _ form: Form) -> String {
        if v.isNaN { return "nan" }   // 0/0 is a negative nan, which Swift would print "-nan"
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        switch form {
        case .exact:
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return "\(v)"
        case .significant(let digits):
            return cFormat("%.*g", Int32(max(1, min(digits, maxDigits))), v)
        case .trimmed(let decimals):
            if v == 0 { return "0" }
            guard let decimals, abs(v) < 1e9, abs(v) >= 1e-3 else {
                return text(v, .significant(decimals == nil ? 10 : 6))
            }
            var fixed = cFormat("%.*f", Int32(max(0, min(decimals, maxDigits))), v)
            while fixed.hasSuffix("0") { fixed.removeLast() }
            if fixed.hasSuffix(".") { fixed.removeLast() }
            return fixed
        case .brief:
            return text(v, .significant(v != 0 && (abs(v) >= 1e6 || abs(v) < 1e-4) ? 2 : 4))
        }
    }
}
