#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetSupport

/// The one place a Double becomes decimal text at the session's `precision`: `print`,
/// `explain`, tensors, tables, derivations, plot ticks and progress, in text, HTML,
/// Markdown/LaTeX and SVG alike (JSON carries the full Double, not this text). NetLang
/// yields numbers as values (tensors, table cells, `PrintItem`, `Phrase`) and never calls
/// it; the forms a sentence gives a number whatever the precision (an error's echo of a
/// value, `lr: 2`) are NetSupport's `SentenceNumber`, which `significant` and `exact` call.
///
/// One rounding rule: the C library's `printf("%.*f")` (numpy's and Python's too), which
/// rounds the exact binary value to nearest, ties to even. So 0.125 (exactly 1/8) at
/// precision 2 is "0.12", 0.375 is "0.38", 2.5 at precision 0 is "2" and 3.5 is "4";
/// 2.675 is 2.67499999999999982236431605997495353221893310546875 in binary, so "2.67".
/// Two presentation rules on top, both kept from before: a value that rounds to zero
/// prints without a sign ("0.0000", not printf's "-0.0000"), and one too large or too
/// small for fixed digits to mean anything is written in scientific form.
///
///     NumberFormat.fixed(0.023971900751730026, precision: 8)   // "0.02397190"
///     NumberFormat.fixed(0.125, precision: 2)                  // "0.12"
///     NumberFormat.fixed(-0.00001, precision: 4)               // "0.0000" (no "-0.0000")
public enum NumberFormat {
    /// The most digits after the point a session can ask for (`precision 17`): a Double
    /// holds 17 significant digits.
    public static let maxPrecision = SentenceNumber.maxDigits

    public static func fixed(_ v: Double, precision: Int) -> String {
        let precision = max(0, min(precision, maxPrecision))
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        // Too large or too small for fixed digits to mean anything: scientific form at the
        // same precision ("2.4420e+229"), not 17 digits of noise.
        if v != 0 && (abs(v) >= 1e15 || abs(v) < 1e-300) { return scientific(v, precision: precision) }
        let text = cFormat("%.*f", Int32(precision), v)
        // A value that rounds to zero prints without a sign, as numpy does not but people expect.
        if text.hasPrefix("-"), !text.contains(where: { $0 >= "1" && $0 <= "9" }) { return String(text.dropFirst()) }
        return text
    }

    /// `v` in scientific form with `precision` digits after the point, by the same rule
    /// (printf's "%.*e"): 3.7e-6 at 4 is "3.7000e-06".
    public static func scientific(_ v: Double, precision: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        return cFormat("%.*e", Int32(max(0, min(precision, maxPrecision))), v)
    }

    /// `v` in few significant digits (printf's "%.*g", same rounding rule):
    /// 0.05 at 4 is "0.05", 2.442e229 at 2 is "2.4e+229", 2 at 6 is "2".
    public static func significant(_ v: Double, digits: Int) -> String { SentenceNumber.text(v, .significant(digits)) }

    /// A value with every digit it has and no more (`SentenceNumber`'s `.exact`).
    public static func exact(_ v: Double) -> String { SentenceNumber.text(v, .exact) }

    /// A number shown in a table or tensor: fixed digits, except that a value too small
    /// to show a digit at this precision is written in scientific form rather than as zero
    /// (a vanishing gradient of 3.7e-06 must not read as 0.0000).
    ///
    ///     NumberFormat.shown(3.7e-6, precision: 4)   // "3.7000e-06"
    ///
    /// `scale` is the largest magnitude among the numbers shown together (a tensor, a table
    /// column): a value below 1e-12 of it is floating-point rounding noise (0.1 + 0.2 − 0.3,
    /// a z of −5.55e-17 beside z's of 1 and 5) and shows as 0 at the precision.
    ///
    ///     NumberFormat.shown(-5.55e-17, precision: 4, scale: 5)   // "0.0000"
    public static func shown(_ v: Double, precision: Int, scale: Double = 0) -> String {
        if v != 0, v.isFinite, abs(v) < scale * 1e-12 { return fixed(0, precision: precision) }
        let s = fixed(v, precision: precision)
        guard v != 0, v.isFinite, s.allSatisfy({ $0 == "0" || $0 == "." || $0 == "-" }) else { return s }
        return scientific(v, precision: precision)
    }

    /// A column of numbers: a column of counts (`counts`: sample numbers, steps) without
    /// decimals when every value in it is whole, otherwise each as `shown`.
    ///
    ///     NumberFormat.column([1, 2, 3], precision: 4, counts: true)   // ["1", "2", "3"]
    ///     NumberFormat.column([13, 1], precision: 2)                   // ["13.00", "1.00"]
    ///     NumberFormat.column([1, 2.5], precision: 2, counts: true)    // ["1.00", "2.50"]
    ///
    /// `scale` (see `shown`) defaults to the column's own largest magnitude; a table passes
    /// `tableScale`, so a column of rounding noise beside real values shows zeros.
    public static func column(_ values: [Double], precision: Int, scale: Double? = nil, counts: Bool = true) -> [String] {
        if counts && isWhole(values) { return values.map { String(Int64($0)) } }
        let scale = scale ?? magnitude(values)
        return values.map { shown($0, precision: precision, scale: scale) }
    }

    /// Every value a whole number (and there is one): a column of counts or sample numbers.
    public static func isWhole(_ values: [Double]) -> Bool {
        !values.isEmpty && values.allSatisfy { $0.isFinite && $0 == $0.rounded() && abs($0) < 1e15 }
    }

    /// The largest finite magnitude among `values` (0 when there is none).
    public static func magnitude<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        values.reduce(0) { $1.isFinite ? max($0, abs($1)) : $0 }
    }

    /// A tick label: as few digits as tell neighbouring ticks `step` apart.
    ///
    ///     NumberFormat.tick(0.25, step: 0.05)   // "0.25"
    ///     NumberFormat.tick(200, step: 50)      // "200"
    public static func tick(_ v: Double, step: Double) -> String {
        guard step > 0, step.isFinite else { return fixed(v, precision: 2) }
        if abs(v) >= 1e15 {
            // Scientific, with the digits that tell ticks a step apart (1.5e+304, 2e+304).
            let digits = max(0, Int(log10(abs(v)).rounded(.down) - log10(step).rounded(.down)))
            return scientific(v, precision: min(digits, 10))
        }
        let decimals = max(0, Int((-log10(step)).rounded(.up) + 0.0001))
        let s = fixed(abs(v) < step * 1e-9 ? 0 : v, precision: min(decimals, 10))
        return s
    }
}
