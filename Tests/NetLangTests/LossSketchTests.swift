import XCTest
@testable import NetLang

/// The live curve's downsampling, against a direct computation: cut the steps into
/// stretches of the sketch's width, take each stretch's lowest and highest loss.
final class LossSketchTests: XCTestCase {
    /// Per stretch of `width` steps (the last may be shorter): the first step holding its
    /// minimum and the first holding its maximum, in step order (1-based steps).
    func expected(_ losses: [Double], width: Int) -> [LossSketch.Point] {
        var out: [LossSketch.Point] = []
        for start in stride(from: 0, to: losses.count, by: width) {
            let chunk = start..<min(losses.count, start + width)
            let low = chunk.min { losses[$0] < losses[$1] }!, high = chunk.max { losses[$0] < losses[$1] || (losses[$0] == losses[$1] && $0 > $1) }!
            for i in Set([low, high]).sorted() { out.append(LossSketch.Point(step: i + 1, loss: losses[i])) }
        }
        return out
    }

    func testFewStepsAreKeptAsTheyAre() {
        var sketch = LossSketch()
        let losses = [0.9, 0.5, 3.0, 0.2]
        losses.forEach { sketch.add($0) }
        XCTAssertEqual(sketch.points().map(\.loss), losses)
        XCTAssertEqual(sketch.points().map(\.step), [1, 2, 3, 4])
    }

    func testALongRunKeepsEveryStretchsExtremesInAtMost500Points() {
        var generator = SystemRandomNumberGenerator()
        for count in [497, 498, 1000, 123_457, 300_001] {
            // A falling, noisy curve with one spike of a single step.
            var losses = (0..<count).map { 1 / Double($0 + 1) + Double.random(in: 0..<0.01, using: &generator) }
            losses[count * 2 / 3] = 50
            var sketch = LossSketch()
            losses.forEach { sketch.add($0) }
            let points = sketch.points()
            XCTAssertLessThanOrEqual(points.count, LossSketch.maxPoints, "\(count) steps")
            XCTAssertEqual(points, expected(losses, width: sketch.width), "\(count) steps")
            XCTAssertTrue(points.contains(LossSketch.Point(step: count * 2 / 3 + 1, loss: 50)), "the spike is kept")
            // The stretches are no wider than needed: they doubled only when the narrower ones ran out.
            XCTAssertGreaterThanOrEqual(count, LossSketch.capacity * sketch.width / 2, "\(count) steps")
            XCTAssertLessThan(count, LossSketch.capacity * sketch.width, "\(count) steps")
        }
    }

    func testNaNAndInfinityDoNotHideTheFiniteLosses() {
        var sketch = LossSketch()
        for i in 0..<2000 { sketch.add(i == 7 ? .nan : i == 1500 ? .infinity : 1) }
        let points = sketch.points()
        XCTAssertTrue(points.contains { $0.loss == .infinity })
        XCTAssertFalse(points.contains { $0.loss.isNaN }, "a stretch shows NaN only when all of it is NaN")
        XCTAssertTrue(points.allSatisfy { $0.loss == 1 || $0.loss == .infinity })
    }

    /// The final curve of a long run: at most 5000 points, every stretch's extremes.
    func testAFinishedRunIsDownsampledTheSameWay() {
        var losses = (0..<123_457).map { 1 / Double($0 + 1) }
        losses[77_777] = 9
        let points = LossSketch.downsampled(losses, maxPoints: 5000)
        XCTAssertLessThanOrEqual(points.count, 5000)
        XCTAssertEqual(points, expected(losses, width: (losses.count + 2499) / 2500))
        XCTAssertTrue(points.contains(LossSketch.Point(step: 77_778, loss: 9)))
        XCTAssertEqual(LossSketch.downsampled([3, 2, 1], maxPoints: 5000).map(\.loss), [3, 2, 1])
    }

    /// A train cell ends with its curve in at most `TrainingViews.curvePoints` points per
    /// series (each form of it is written from them, on every train cell), the spike kept.
    func testATrainCellsFinalCurveIsSmallAndKeepsItsSpike() throws {
        var losses = (0..<20_000).map { 1 / Double($0 + 1) }
        losses[12_345] = 7
        guard case .plot(let plot) = TrainingViews.lossCurve(steps: LossHistory(losses), epochs: LossHistory(), stepsPerEpoch: 1) else {
            return XCTFail("no plot")
        }
        let curve = try XCTUnwrap(plot.series.first)
        XCTAssertLessThanOrEqual(curve.x.count, TrainingViews.curvePoints)
        XCTAssertEqual(TrainingViews.curvePoints, 500)
        XCTAssertEqual(curve.y.max(), 7)
        XCTAssertEqual(curve.x[try XCTUnwrap(curve.y.firstIndex(of: 7))], 12_346)
        XCTAssertEqual(curve.y.first, 1)
        // Through a session: 3000 steps of a real run give 500 points, from step 1 to 3000.
        let r = Recorder()
        let outputs = r.run("""
            seed 1
            dataset xor = xor()
            layer h = dense(2 -> 4, sigmoid)
            layer o = dense(4 -> 1, sigmoid)
            loss mse
            train xor.x, xor.y, epochs: 3000, lr: 2
            """)
        let final = try XCTUnwrap(outputs.compactMap { output -> Plot? in
            if case .plot(let p) = output.0 { return p } else { return nil }
        }.last)
        XCTAssertEqual(final.series[0].x.count, 500)
        XCTAssertEqual(final.series[0].x.first, 1)
        XCTAssertEqual(final.series[0].x.last, 3000)
    }
}
