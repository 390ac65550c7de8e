import NetSupport

/// Checked conversions from `Double` to `Int`. `Int(x)` traps when x is nan, infinite or
/// beyond Int's range, and any of those can come from a cell (`0/0`, `1e308`, `2^63`), a
/// file or a computation that overflowed. Every Double that becomes a count, an index, a
/// loop bound or a pixel goes through here instead.
///
///     try WholeNumber.exact(3, "epochs", in: 1...1_000)      // 3
///     try WholeNumber.exact(.nan, "epochs", in: 1...1_000)
///     // ValueError: epochs must be a whole number from 1 to 1000, not nan
///     WholeNumber.clamped(1e308, to: 0...39)                 // 39 (a pixel column)
///     WholeNumber.clamped(.nan, to: 0...39)                  // nil (nothing to draw)
public enum WholeNumber {
    /// The largest magnitude at which every whole Double is exact (2^53): beyond it,
    /// neighbouring whole numbers cannot be told apart, so nothing a user types there can
    /// mean one particular count.
    public static let exactLimit = 9_007_199_254_740_992

    /// `v` as an Int when it is a whole number within `range` (and within ±2^53); otherwise
    /// a `ValueError` that names `what`, shows `v` and says which values are allowed.
    public static func exact(_ v: Double, _ what: String,
                             in range: ClosedRange<Int> = -exactLimit...exactLimit) throws -> Int {
        let allowed = max(range.lowerBound, -exactLimit)...min(range.upperBound, exactLimit)
        if v.isFinite, v == v.rounded(), let n = Int(exactly: v), allowed.contains(n) { return n }
        throw ValueError("\(what) must be \(describe(allowed)), not \(SentenceNumber.text(v, .exact))")
    }

    /// The nearest Int to `v` by `rule`, clamped into `range`; nil when `v` is nan (a point
    /// that is nowhere). For positions on a canvas, a grid or a histogram: infinities and
    /// huge values land on the edge instead of trapping.
    public static func clamped(_ v: Double, to range: ClosedRange<Int>,
                               rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int? {
        guard !v.isNaN else { return nil }
        let r = v.rounded(rule)
        if r <= Double(range.lowerBound) { return range.lowerBound }
        if r >= Double(range.upperBound) { return range.upperBound }
        return Int(r)   // strictly inside two Ints, so representable
    }

    /// "a whole number from 1 to 100"; the representable limit reads as 2^53.
    static func describe(_ range: ClosedRange<Int>) -> String {
        func bound(_ n: Int) -> String { n == exactLimit ? "2^53" : n == -exactLimit ? "-2^53" : String(n) }
        if range.lowerBound == range.upperBound { return "\(range.lowerBound)" }
        return "a whole number from \(bound(range.lowerBound)) to \(bound(range.upperBound))"
    }
}
