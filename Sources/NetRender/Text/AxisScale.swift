#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetCore

/// One plot axis: its range and "nice" tick values (1, 2 or 5 times a power of ten),
/// shared by the text and SVG plots so both show the same ticks.
///
///     let s = AxisScale(values: [0.03, 0.97], ticks: 5)
///     s.ticks          // [0, 0.2, 0.4, 0.6, 0.8, 1]
///     s.fraction(0.5)  // 0.5: where 0.5 sits between low and high
struct AxisScale {
    var low: Double
    var high: Double
    var step: Double
    var ticks: [Double]

    /// A range covering `values`, widened to whole steps when `snap` (line and scatter plots).
    init(values: [Double], ticks target: Int, snap: Bool = true) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if lo == hi {   // one value: give it room, the way a plot of a constant still has an axis
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        // Values near ±1e308 would give an infinite width (and nan fractions).
        let drawable = DrawableRange.checked(lo...hi)
        lo = drawable.lowerBound; hi = drawable.upperBound
        let step = Self.niceStep((hi - lo) / Double(max(1, target)))
        if snap {
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
        }
        self.init(low: lo, high: hi, step: step)
    }

    init(low: Double, high: Double, step: Double) {
        self.low = low; self.high = high; self.step = step
        var ticks: [Double] = []
        var k = (low / step - 1e-9).rounded(.up)
        while k * step <= high + step * 1e-9 && ticks.count < 50 {
            let t = k * step
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            k += 1
        }
        self.ticks = ticks
    }

    /// A range given exactly (a decision grid's extent), with ticks inside it.
    init(range: ClosedRange<Double>, ticks target: Int) {
        var lo = range.lowerBound, hi = range.upperBound
        if !(hi > lo) { lo -= 1; hi += 1 }
        let drawable = DrawableRange.checked(lo...hi)
        lo = drawable.lowerBound; hi = drawable.upperBound
        self.init(low: lo, high: hi, step: Self.niceStep((hi - lo) / Double(max(1, target))))
    }

    /// The values' exact range when both ends fall on ticks of a nice step giving at most
    /// `maxTicks` ticks (-5…5 by 1, 0…1 by 0.2); nil when no such step exists (1…300).
    /// The coarsest such step from about `ticks` ticks down is taken.
    ///
    ///     AxisScale(exactly: [-5, 5], ticks: 6, maxTicks: 11)?.ticks   // [-5, -4, …, 5]
    init?(exactly values: [Double], ticks target: Int, maxTicks: Int) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return nil }
        var step = Self.niceStep((hi - lo) / Double(max(1, target)))
        while (hi - lo) / step <= Double(maxTicks - 1) + 1e-9 {
            let onTick = { (v: Double) in abs(v / step - (v / step).rounded()) < 1e-9 }
            if onTick(lo), onTick(hi) {
                self.init(low: lo, high: hi, step: step)
                return
            }
            step = Self.finerStep(step)
        }
        return nil
    }

    /// The next nice step below `step`: 5 → 2 → 1 → 0.5.
    static func finerStep(_ step: Double) -> Double {
        let magnitude = pow(10, (log10(step) + 1e-9).rounded(.down))
        let n = (step / magnitude).rounded()
        return n >= 5 ? 2 * magnitude : n >= 2 ? magnitude : magnitude / 2
    }

    /// 1, 2 or 5 times a power of ten, near `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let n = raw / magnitude
        let nice: Double = n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10
        return nice * magnitude
    }

    /// 0 at `low`, 1 at `high`.
    func fraction(_ v: Double) -> Double { (v - low) / (high - low) }

    func label(_ v: Double) -> String { NumberFormat.tick(v, step: step) }
}
