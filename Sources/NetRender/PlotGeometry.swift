import NetCore
import NetLang

/// What the text and SVG plots agree on: the axes' ranges and ticks, which marker each
/// series or class gets, and whether a decision grid holds classes or values.
///
///     let g = PlotGeometry(plot, xTicks: 6, yTicks: 5)
///     g.x.ticks, g.y.ticks
struct PlotGeometry {
    var x: AxisScale
    var y: AxisScale
    var shading: GridShading?

    init(_ plot: Plot, xTicks: Int, yTicks: Int) {
        if plot.kind == .decision, let grid = plot.grid {
            x = AxisScale(range: grid.xRange, ticks: xTicks)
            y = AxisScale(range: grid.yRange, ticks: yTicks)
            shading = GridShading(grid.values)
        } else {
            let xs = plot.series.flatMap(\.x)
            // A curve drawn `from -5 to 5` should span exactly -5…5, not a rounded -6…6.
            let ys = plot.series.flatMap(\.y)
            if plot.kind == .line {
                x = AxisScale(exactly: xs, ticks: xTicks, maxTicks: 2 * xTicks - 1) ?? AxisScale(values: xs, ticks: xTicks)
                y = AxisScale(values: ys, ticks: yTicks)
            } else {
                // Points get a margin, so those at the extremes (xor's corners at 0 and 1)
                // are not drawn half over the frame.
                x = AxisScale(values: Self.withMargin(xs), ticks: xTicks)
                y = AxisScale(values: Self.withMargin(ys), ticks: yTicks)
            }
            shading = nil
        }
    }

    /// The extremes of `values` pushed 5% of their range outwards (the axis then snaps to ticks).
    static func withMargin(_ values: [Double]) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return values }
        // Not (hi - lo) * 0.05 directly: for -1e308 and 1e308 that width is infinite.
        let r = DrawableRange.covering(finite, padding: 0.05, minimumPad: 0)
        return [r.lowerBound, r.upperBound]
    }

    /// The class of point `i` of a series, 1-based, or nil when the series has none.
    static func pointClass(_ s: Plot.Series, _ i: Int) -> Int? {
        guard let c = s.classes, i < c.count else { return nil }
        return c[i]
    }

    /// Every class the points of the plot carry, sorted.
    static func classes(_ plot: Plot) -> [Int] {
        Array(Set(plot.series.flatMap { $0.classes ?? [] })).sorted()
    }

    /// Does the plot need a legend: several series, or points of several classes.
    static func needsLegend(_ plot: Plot) -> Bool {
        plot.series.count > 1 || classes(plot).count > 1
    }
}

/// How a decision grid is shaded: by class when every value is a small whole number
/// (the argmax of a softmax output), otherwise by value in `levels` bands.
///
///     GridShading([[1, 2], [2, 2]])        // .classes([1, 2])
///     GridShading([[0.1, 0.9]]).band(0.9, levels: 4)   // 3
enum GridShading: Equatable {
    case classes([Int])
    case values(low: Double, high: Double)

    init(_ values: [[Double]]) {
        let all = values.flatMap { $0 }.filter(\.isFinite)
        if !all.isEmpty, all.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 <= 32 }) {
            self = .classes(Array(Set(all.compactMap { WholeNumber.clamped($0, to: 1...32) })).sorted())
        } else {
            var lo = all.min() ?? 0, hi = all.max() ?? 1
            // Outputs of a sigmoid: shade on the whole 0...1 scale so 0.5 is always the middle.
            if lo >= 0 && hi <= 1 { lo = 0; hi = 1 }
            if hi == lo { hi = lo + 1 }
            self = .values(low: lo, high: hi)
        }
    }

    /// For `.values`: which of `levels` bands v falls in (0 lowest).
    func band(_ v: Double, levels: Int) -> Int {
        guard case .values(let lo, let hi) = self, v.isFinite else { return 0 }
        // Halved so that the width of -1e308…1e308 stays finite; nan (inf/inf) is band 0.
        let f = (v / 2 - lo / 2) / (hi / 2 - lo / 2)
        return WholeNumber.clamped(f * Double(levels), to: 0...(levels - 1), rounding: .down) ?? 0
    }
}
