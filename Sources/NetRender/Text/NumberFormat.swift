#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetCore
import NetLang

/// Numbers as text output prints them: a fixed count of digits after the point
/// (`precision N`), rounded half away from zero, so that a column of them lines up.
///
///     NumberFormat.fixed(0.023971900751730026, precision: 8)   // "0.02397190"
///     NumberFormat.fixed(-0.00001, precision: 4)               // "0.0000" (no "-0.0000")
public enum NumberFormat {
    public static func fixed(_ v: Double, precision: Int) -> String {
        let precision = max(0, min(precision, 15))
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        // Too large or too small for fixed digits to mean anything: scientific form at the
        // same precision ("2.4420e+229"), not 17 digits of noise.
        if v != 0 && (abs(v) >= 1e15 || abs(v) < 1e-300) { return cFormat("%.\(precision)e", v) }
        var scale = 1.0
        for _ in 0..<precision { scale *= 10 }
        let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        if scaled >= 9e15 { return cFormat("%.\(precision)e", v) }   // beyond exact integers in a Double
        let whole = UInt64(scaled)
        var digits = String(whole)
        if precision > 0 {
            if digits.count <= precision {
                digits = String(repeating: "0", count: precision - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -precision))
        }
        // A value that rounds to zero prints without a sign, as numpy does not but people expect.
        return (v < 0 && whole != 0 ? "-" : "") + digits
    }

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
        return cFormat("%.\(max(0, min(precision, 15)))e", v)
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
    static func isWhole(_ values: [Double]) -> Bool {
        !values.isEmpty && values.allSatisfy { $0.isFinite && $0 == $0.rounded() && abs($0) < 1e15 }
    }

    /// The largest magnitude among a table's number columns that are not whole numbers
    /// (sample numbers and counts say nothing about the size of the values).
    ///
    ///     forward: z1 = -5.55e-17, 1.9e-16 and a1 = 0.5 → 0.5, so z1 shows 0.0000
    static func tableScale(_ table: Table) -> Double {
        let count = table.rows.map(\.count).max() ?? 0
        return (0..<count).reduce(0) { scale, c in
            let values = table.rows.compactMap { row -> Double? in
                if c < row.count, case .number(let v) = row[c] { return v } else { return nil }
            }
            let counts = c < table.columns.count && table.countColumns.contains(table.columns[c])
            return counts && isWhole(values) ? scale : max(scale, magnitude(values))
        }
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
            return cFormat("%.\(min(digits, 10))e", v)
        }
        let decimals = max(0, Int((-log10(step)).rounded(.up) + 0.0001))
        let s = fixed(abs(v) < step * 1e-9 ? 0 : v, precision: min(decimals, 10))
        return s
    }
}

/// Lines a column of numbers up on the decimal point: integer parts right-aligned,
/// fraction parts left-aligned, so "-1.5" and "10.25" share one point column; "nan" and
/// "inf" are right-aligned.
///
///     DecimalColumn(["1.5", "-10.25"]).aligned   // [" 1.5 ", "-10.25"]
struct DecimalColumn {
    var cells: [String]
    init(_ cells: [String]) { self.cells = cells }

    private static func split(_ s: String) -> (String, String) {
        if let dot = s.firstIndex(of: ".") {
            return (String(s[..<dot]), String(s[dot...]))
        }
        return (s, "")
    }

    /// nan and ±inf have no point: they are right-aligned in the column, as numpy prints them.
    private static func isSpecial(_ s: String) -> Bool { s == "nan" || s == "inf" || s == "-inf" }

    /// The cells padded to one width with their points in one column.
    var aligned: [String] {
        let parts = cells.map(Self.split)
        let numeric = zip(cells, parts).filter { !Self.isSpecial($0.0) }.map(\.1)
        let intWidth = numeric.map { TextWidth.of($0.0) }.max() ?? 0
        let fracWidth = numeric.map { TextWidth.of($0.1) }.max() ?? 0
        let specialWidth = cells.filter(Self.isSpecial).map(TextWidth.of).max() ?? 0
        let width = max(intWidth + fracWidth, specialWidth)
        return zip(cells, parts).map { cell, part in
            if Self.isSpecial(cell) { return TextWidth.padLeft(cell, to: width) }
            return TextWidth.padLeft(part.0, to: width - fracWidth) + TextWidth.padRight(part.1, to: fracWidth)
        }
    }
}
