/// An extent that a plot axis or a decision grid can always be drawn over: finite ends,
/// low < high, and a width that is itself finite, whatever the values were (nan, ±inf,
/// ±1e308, all equal). Values beyond ±`limit` lie outside the extent (off the frame).
///
///     DrawableRange.covering([0, 1], padding: 0.1, minimumPad: 0.1)      // -0.1...1.1
///     DrawableRange.covering([.nan, 2], padding: 0.1, minimumPad: 0.1)   // 1.9...2.1
///     DrawableRange.covering([-1e308, 1e308], padding: 0, minimumPad: 0) // -1e300...1e300
public enum DrawableRange {
    /// The largest magnitude an end may have: small enough that the width, a margin around
    /// it and tick steps stay finite.
    public static let limit = 1e300

    /// The finite values' span (clamped to ±`limit`), widened by `padding` times its width
    /// on each side, and by at least `minimumPad` — and by enough to be distinguishable at
    /// the values' magnitude, so 1e300 and 1e300 + pad are two different numbers.
    /// `fallback` when no value is finite.
    /// Any sequence, so that a column can be read in place (`(0..<x.rows).lazy.map { x[$0, 0] }`).
    public static func covering<Values: Sequence<Double>>(_ values: Values, padding: Double, minimumPad: Double,
                                fallback: ClosedRange<Double> = -1...1) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            lo = min(lo, v); hi = max(hi, v)
        }
        guard lo <= hi else { return fallback }
        lo = clamp(lo); hi = clamp(hi)
        let scale = max(abs(lo), abs(hi))
        let pad = max(minimumPad, (hi - lo) * padding, scale * 1e-9)
        let low = clamp(lo - pad), high = clamp(hi + pad)
        if low < high { return low...high }
        // No padding asked for and one value: give it room (at the limit, on the inside).
        let room = max(pad, scale * 0.1, 1)
        return clamp(lo - room)...clamp(hi + room)
    }

    /// `range` if it can be drawn over as it is (finite, low < high, finite width),
    /// otherwise the drawable range covering its ends.
    public static func checked(_ range: ClosedRange<Double>, minimumPad: Double = 1) -> ClosedRange<Double> {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        if lo.isFinite, hi.isFinite, lo < hi, (hi - lo).isFinite, abs(lo) <= limit, abs(hi) <= limit { return range }
        return covering([lo, hi], padding: 0, minimumPad: minimumPad)
    }

    static func clamp(_ v: Double) -> Double { min(limit, max(-limit, v)) }
}
