/// The loss of every step of one `train` run, kept in bounded memory for the live curve.
///
/// The steps are cut into stretches of equal length, and each stretch keeps its lowest and
/// its highest loss with their steps (min/max downsampling): a spike inside a stretch stays
/// visible however long the run, which evenly spaced picks would miss. When the stretches
/// are all used, neighbours merge and each stretch covers twice as many steps. Adding a
/// loss is a few comparisons (amortised O(1)); `points()` gives at most `maxPoints`.
///
///     var sketch = LossSketch()
///     for loss in [0.9, 0.5, 3.0, 0.2] { sketch.add(loss) }
///     sketch.points()    // every step while there are few: (1, 0.9), (2, 0.5), (3, 3.0), (4, 0.2)
struct LossSketch {
    struct Point: Equatable {
        var step: Int
        var loss: Double
    }

    /// What one live update may carry at most (issue 10: ≤ 500 history points).
    static let maxPoints = 500
    /// Complete stretches kept before neighbours merge; with the open stretch and two
    /// points a stretch, `points()` never exceeds `maxPoints`. Even, so stretches pair up.
    static let capacity = maxPoints / 2 - 2

    /// Steps per complete stretch (1, 2, 4, …).
    private(set) var width = 1
    /// Steps added so far.
    private(set) var steps = 0
    private var lows: [Point] = [], highs: [Point] = []
    /// The stretch being filled: `openCount` steps, its extremes.
    private var openCount = 0
    private var openLow = Point(step: 0, loss: .nan), openHigh = Point(step: 0, loss: .nan)

    init() {
        lows.reserveCapacity(Self.capacity)
        highs.reserveCapacity(Self.capacity)
    }

    mutating func add(_ loss: Double) {
        steps += 1
        // NaN never wins a comparison: a stretch shows NaN only when all of it is NaN.
        if openCount == 0 || loss < openLow.loss || openLow.loss.isNaN { openLow = Point(step: steps, loss: loss) }
        if openCount == 0 || loss > openHigh.loss || openHigh.loss.isNaN { openHigh = Point(step: steps, loss: loss) }
        openCount += 1
        guard openCount == width else { return }
        lows.append(openLow)
        highs.append(openHigh)
        openCount = 0
        if lows.count == Self.capacity { mergeNeighbours() }
    }

    /// The curve so far in step order: each stretch's lowest and highest loss (one point
    /// when they are the same step).
    func points() -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(2 * lows.count + 2)
        func append(_ low: Point, _ high: Point) {
            if low.step == high.step { out.append(low) } else if low.step < high.step { out += [low, high] } else { out += [high, low] }
        }
        for i in lows.indices { append(lows[i], highs[i]) }
        if openCount > 0 { append(openLow, openHigh) }
        return out
    }

    /// All of a finished run at once: at most `maxPoints` points, each stretch of
    /// ⌈count / (maxPoints / 2)⌉ steps as its lowest and highest loss, in step order.
    static func downsampled(_ losses: [Double], maxPoints: Int) -> [Point] {
        guard losses.count > maxPoints else { return losses.enumerated().map { Point(step: $0.offset + 1, loss: $0.element) } }
        let width = (losses.count + maxPoints / 2 - 1) / (maxPoints / 2)
        var out: [Point] = []
        out.reserveCapacity(maxPoints)
        for start in Swift.stride(from: 0, to: losses.count, by: width) {
            var low = start, high = start
            for i in start..<min(losses.count, start + width) {
                if losses[i] < losses[low] || losses[low].isNaN { low = i }
                if losses[i] > losses[high] || losses[high].isNaN { high = i }
            }
            for i in low == high ? [low] : [min(low, high), max(low, high)] { out.append(Point(step: i + 1, loss: losses[i])) }
        }
        return out
    }

    private mutating func mergeNeighbours() {
        var newLows: [Point] = [], newHighs: [Point] = []
        newLows.reserveCapacity(Self.capacity)
        newHighs.reserveCapacity(Self.capacity)
        for i in stride(from: 0, to: lows.count, by: 2) {
            let (a, b) = (lows[i], lows[i + 1]), (c, d) = (highs[i], highs[i + 1])
            newLows.append(b.loss < a.loss || a.loss.isNaN ? b : a)
            newHighs.append(d.loss > c.loss || c.loss.isNaN ? d : c)
        }
        lows = newLows
        highs = newHighs
        width *= 2
    }
}
