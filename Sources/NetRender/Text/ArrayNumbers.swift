import NetCore

/// How the numbers of one tensor read together: numpy's rule (arrayprint.py,
/// `FloatingFormat.fillFormat`) for choosing between fixed and scientific form for the
/// whole array, so that a huge value does not turn its ordinary neighbours into zeros.
///
/// Scientific for every value when, among the nonzero finite magnitudes, the largest is
/// ≥ 1e8, or the smallest is < 1e-4, or the largest is more than 1e3 times the smallest;
/// otherwise each value is `NumberFormat.shown` (fixed digits). Exponents are padded to
/// one width, as numpy pads them:
///
///     [[1e20], [0.5]] at precision 3   →   1.000e+20 / 5.000e-01   (numpy: [[1.000e+20] [5.000e-01]])
///     [1e100, 0.5] at precision 3      →   1.000e+100  5.000e-001
///
/// One rule kept from before, where it departs from numpy: a value below 1e-12 of the
/// largest magnitude is floating-point rounding noise (0.1 + 0.2 − 0.3 beside 5). It does
/// not count in the choice, and in fixed form it reads as zero, so [5, 5.55e-17] reads
/// "5.0000  0.0000" (numpy: 5.0000e+00  5.5511e-17). In scientific form every value shows
/// as numpy shows it, so 0.5 beside 1e20 (below 1e-12 of it) reads 5.000e-01, not zero.
struct ArrayNumbers {
    var precision: Int
    /// The largest finite magnitude (`NumberFormat.magnitude`): the scale of the noise rule.
    private(set) var scale = 0.0
    /// Every value in scientific form (numpy's `exp_format`).
    private(set) var scientific = false
    /// Digits of every exponent: 2, or 3 when one of them needs three (1e100, 1e-100).
    private(set) var exponentDigits = 2

    /// Values scanned between two interrupt checks: a tensor of 50 million values is read whole.
    private static let valuesPerCheck = 1 << 16

    /// The form of `values` at `precision`; `check` is called every 65 536 values (by
    /// default the interrupt check: it throws `Interrupted`; `print` passes `{}`).
    init(_ values: [Double], precision: Int, check: () throws -> Void = { try Interruption.check() }) rethrows {
        self.precision = precision
        // Two plain loops over the buffer: the noise threshold needs the largest magnitude first.
        scale = try values.withUnsafeBufferPointer { buffer in
            var largest = 0.0
            for start in stride(from: 0, to: buffer.count, by: Self.valuesPerCheck) {
                try check()
                for i in start..<min(buffer.count, start + Self.valuesPerCheck) where buffer[i].isFinite {
                    largest = max(largest, abs(buffer[i]))
                }
            }
            return largest
        }
        let noise = scale * 1e-12
        var smallest = Double.infinity
        var exponentWidth = 2
        try values.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: Self.valuesPerCheck) {
                try check()
                for i in start..<min(buffer.count, start + Self.valuesPerCheck) {
                    let m = abs(buffer[i])
                    guard m.isFinite, m != 0 else { continue }
                    if m >= 1e100 || m < 1e-99 { exponentWidth = 3 }
                    if m >= noise { smallest = min(smallest, m) }
                }
            }
        }
        // No nonzero value (all zeros, nan or inf): fixed, as numpy.
        scientific = smallest.isFinite && (scale >= 1e8 || smallest < 1e-4 || scale / smallest > 1e3)
        exponentDigits = exponentWidth
    }

    /// One value of the array in the array's form.
    func text(_ v: Double) -> String {
        guard scientific else { return NumberFormat.shown(v, precision: precision, scale: scale) }
        return Self.padExponent(NumberFormat.scientific(v, precision: precision), to: exponentDigits)
    }

    /// "5.000e-01" with 3 exponent digits: "5.000e-001".
    static func padExponent(_ s: String, to digits: Int) -> String {
        guard let e = s.firstIndex(of: "e") else { return s }   // nan, inf
        let sign = s.index(after: e)
        let exponent = s[s.index(after: sign)...]
        guard exponent.count < digits else { return s }
        return String(s[...sign]) + String(repeating: "0", count: digits - exponent.count) + exponent
    }
}
