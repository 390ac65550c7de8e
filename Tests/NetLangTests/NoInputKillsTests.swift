import XCTest
@testable import NetLang
import NetCore

/// Issue 10, item 1: no input kills the process. Each class of crash has its first
/// reproducer here; each gives a located error (or a result) and the next statement of
/// the same session still runs.
final class NoInputKillsTests: XCTestCase {

    /// Runs `code`, which must fail with `message` at `line`:`column`; then checks that the
    /// session still answers (`print 6 * 7` gives 42).
    private func assertFails(_ r: Recorder, _ code: String, _ message: String, line: Int = 1, column: Int,
                             file: StaticString = #filePath, at sourceLine: UInt = #line) {
        let error = r.fail(code, file: file, line: sourceLine)
        XCTAssertEqual(error?.message, message, file: file, line: sourceLine)
        XCTAssertEqual(error?.line, line, file: file, line: sourceLine)
        XCTAssertEqual(error?.column, column, file: file, line: sourceLine)
        XCTAssertEqual(r.scalar("6 * 7", file: file, line: sourceLine), 42, file: file, line: sourceLine)
    }

    // MARK: - recursion depth

    func testAChainOfTenThousandPowersIsALimitErrorNotAStackOverflow() {
        let r = Recorder()
        let chain = Array(repeating: "2", count: 10_000).joined(separator: "^")
        // The caret under the 149th '^' (column 11 + 2·149), whose exponent would be level 150.
        assertFails(r, "tensor a = \(chain)", "this expression is nested too deeply (more than 150 levels)", column: 309)
        XCTAssertEqual(r.fail("tensor a = \(chain)")?.hint, "split it over several tensor statements")
        // A chain within the limit still computes, right to left: 2^(2^(2^2)) = 65536.
        XCTAssertEqual(r.scalar("2^2^2^2"), 65_536)
    }

    func testSignsAndBracketsNestedTenThousandDeepAreLimitErrors() {
        let r = Recorder()
        let deep = "this expression is nested too deeply (more than 150 levels)"
        assertFails(r, "tensor a = " + String(repeating: "- ", count: 10_000) + "1", deep, column: 12 + 2 * 148)
        assertFails(r, "tensor a = " + String(repeating: "-(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
                    deep, column: 12 + 2 * 74)
        assertFails(r, "tensor a = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
                    deep, column: 12 + 149)
    }

    func testBackwardAndShowGraphOverAGraphBuiltByThousandsOfStatements() {
        let r = Recorder()
        r.run("tensor a = 1\n" + String(repeating: "tensor a = sigmoid(a) * a + 1\n", count: 3_000))
        r.run("backward a")
        r.run("show graph a")
        XCTAssertEqual(r.scalar("6 * 7"), 42)
    }

    // MARK: - Double → Int

    func testHostileCountsAreErrorsThatNameTheArgumentAndTheAllowedRange() {
        let r = Recorder()
        assertFails(r, "seed 1e308", "the seed must be a whole number from 0 to 2^53, not 1e+308", column: 6)
        assertFails(r, "seed -1", "the seed must be a whole number from 0 to 2^53, not -1", column: 6)
        assertFails(r, "precision 0/0", "the precision (digits after the point) must be a whole number from 0 to 17, not nan", column: 11)
        assertFails(r, "tensor z = zeros(2^63, 1)", "the number of rows must be a whole number from 1 to 2^53, not 9.223372036854776e+18",
                    column: 18)
        assertFails(r, "tensor v = [1, 2, 3][1/0]", "an index must be a whole number from -2^53 to 2^53, not inf", column: 22)
        r.run("dataset d = xor()\nlayer h = dense(2 -> 1, sigmoid)")
        assertFails(r, "train d.x, d.y, epochs: -1e308", "epochs must be a whole number from 1 to 2^53, not -1e+308", column: 25)
        assertFails(r, "train d.x, d.y, batch: 0/0", "batch must be a whole number from 1 to 2^53, not nan", column: 24)
    }

    func testACSVWhoseLabelsAreBeyondIntIsLoadedAndPreviewed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-labels-\(getpid()).csv").path
        try "a,b,label\n1,2,1e300\n3,4,9223372036854775808\n5,6,0.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = Recorder()
        let outputs = r.run("load s = csv(\"\(path)\", label: 3)")
        let plots = outputs.compactMap { if case .plot(let p) = $0.0 { return p }; return nil }
        XCTAssertEqual(plots.count, 1)
        // Regression targets (not classes): one marker for every point.
        XCTAssertNil(plots.first?.series.first?.classes)
        XCTAssertEqual(r.scalar("s.y[2]"), 9223372036854775808)
    }

    /// Found by the cell generator (fuzz/corpus/cells/fixed-confusion-class-*.txt): a class
    /// column with 1e19 or 1e308 trapped converting the class to Int.
    func testAConfusionTableWithClassesBeyondIntSaysWhichTargetIsNotAClass() {
        let r = Recorder()
        r.run("layer l1 = dense(1 -> 3, softmax, bias: false)")
        assertFails(r, "show confusion [[3]], 1e19", "target 1e+19 in row 1 is not a class: 1 to 3", column: 23)
        r.run("reset network\nlayer l1 = dense(1 -> 1, identity)")
        assertFails(r, "show confusion [[2]], 1e308, first: 0", "target 1e+308 in row 1 is not a class: 0 or 1", column: 23)
    }

    // MARK: - non-finite and extreme values in plots and generators

    func testDecisionPlotAfterAForwardOnNanHasAFiniteGrid() {
        let r = Recorder()
        r.run("layer h = dense(2 -> 4, relu)\nforward [[0, 0/0]]")
        let outputs = r.run("plot decision")
        guard case .plot(let plot)? = outputs.first?.0, let grid = plot.grid else { return XCTFail("no decision plot") }
        // x spans the one finite coordinate ±0.1; y has no finite value and falls back to -1…1.
        XCTAssertEqual(grid.xRange.lowerBound, -0.1, accuracy: 1e-12)
        XCTAssertEqual(grid.xRange.upperBound, 0.1, accuracy: 1e-12)
        XCTAssertEqual(grid.yRange, -1...1)
        XCTAssertEqual(r.scalar("6 * 7"), 42)
    }

    func testDecisionPlotOverPointsAtPlusMinus1e308HasAFiniteGrid() {
        let r = Recorder()
        r.run("layer h = dense(2 -> 2, softmax)\nforward [[-1e308, 1e308], [1e308, -1e308]]")
        let outputs = r.run("plot decision")
        guard case .plot(let plot)? = outputs.first?.0, let grid = plot.grid else { return XCTFail("no decision plot") }
        for range in [grid.xRange, grid.yRange] {
            XCTAssertEqual(range.lowerBound, -DrawableRange.limit)
            XCTAssertEqual(range.upperBound, DrawableRange.limit)
        }
        XCTAssertEqual(r.scalar("6 * 7"), 42)
    }

    func testACurveOverARangeWhoseWidthOverflowsIsAnError() {
        let r = Recorder()
        assertFails(r, "plot sigmoid from -1e308 to 1e308", "a plot's range must lie within ±1e300, not from -1e+308 to 1e+308", column: 19)
        assertFails(r, "plot sigmoid from 0/0 to 1", "the range must go up: from nan to 1", column: 19)
        // At the limit the curve is drawn, with every point finite.
        let outputs = r.run("plot sigmoid from -1e300 to 1e300")
        guard case .plot(let plot)? = outputs.first?.0 else { return XCTFail("no plot") }
        XCTAssertTrue(plot.series[0].x.allSatisfy(\.isFinite))
    }

    func testNoiseThatWouldMakeInfinitePointsIsRefused() {
        let r = Recorder()
        assertFails(r, "dataset s = moons(noise: 1e308)", "noise: must be at most 1000000, got 1e+308", column: 26)
        assertFails(r, "dataset s = circle(noise: 0/0)", "noise: must be a number ≥ 0, got nan", column: 27)
        // The largest noise allowed still gives finite points.
        r.run("dataset s = gaussian(noise: 1e6)")
        XCTAssertTrue(r.value("s.x")?.data.allSatisfy(\.isFinite) ?? false)
    }

    func testADataSetPreviewShowsAtMostMaxPointsPoints() {
        let r = Recorder()
        let outputs = r.run("dataset d = xor(n: 1000000)")
        let plots = outputs.compactMap { if case .plot(let p) = $0.0 { return p }; return nil }
        XCTAssertEqual(plots.first?.series.first?.x.count, PlotStatement.maxPoints)
        XCTAssertEqual(plots.first?.series.first?.classes?.count, PlotStatement.maxPoints)
    }

    // MARK: - unchecked indices

    /// Found by cellgen (fuzz/corpus/cells/fixed-explain-hidden-softmax-target.txt): explain
    /// on a hidden softmax layer of 3 units over a 1-column target read the target at
    /// column 3 and trapped. It explains, with the gradient `backward` computes.
    func testExplainOnAHiddenSoftmaxLayerWiderThanTheTarget() throws {
        let r = Recorder()
        r.run("""
            tensor x = [[-1.48, 4, 0.723], [-0.772, 0.249, 0.565]]
            tensor t = [[4], [0]]
            layer l1 = dense(3 -> 3, softmax, weights: [[1.18, 1.47, -0.331], [-0.28, -0.805, 2], [-0.871, 0.442, 1]])
            layer l2 = dense(3 -> 1, sigmoid, bias: false)
            forward x, t
            """)
        let outputs = r.run("explain l1.W[1, 3]")
        let derivation = try XCTUnwrap(outputs.compactMap { if case .derivation(let d) = $0.0 { return d }; return nil }.first)
        r.run("backward")
        XCTAssertEqual(derivation.value, r.scalar("grad(l1.W)[1, 3]"), accuracy: 1e-15)
        XCTAssertTrue(derivation.factors.contains { $0.formula.words.contains("softmax: every output depends on") })
        XCTAssertEqual(r.scalar("6 * 7"), 42)
    }
}
