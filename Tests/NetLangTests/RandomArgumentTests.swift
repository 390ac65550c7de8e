import XCTest
@testable import NetLang
import NetCore

/// One owner of session state: `rand` inside any argument (an optimizer's `lr`, a step's
/// `lr:`, a dataset's `noise:`, train's `lr:`) draws from the session's one generator, as
/// a `rand` in a statement of its own does. So the numbers drawn after it are the same as
/// when the argument's number is drawn first, in a separate statement.
final class RandomArgumentTests: XCTestCase {
    /// The network the step case needs (its weights come from the generator too).
    static let network = "layer h = dense(2 -> 1, sigmoid)\nloss half_sse\nforward [[1, 2]], [[1]]\nbackward"

    /// Runs, after `seed 7` and `setup`: `inArgument` in one session, `separately` in
    /// another, `without` (the statement with a fixed number) in a third; then draws
    /// `rand(1, 5)` in each. The first two draws must be equal, and differ from the third:
    /// the argument's `rand` did advance the generator.
    @discardableResult
    private func assertSameDraws(setup: String = "", inArgument: String, separately: String, without: String,
                                 file: StaticString = #filePath, line: UInt = #line) -> (Recorder, Recorder) {
        func session(_ cell: String) -> (Recorder, Tensor?) {
            let r = Recorder()
            r.run("seed 7" + (setup.isEmpty ? "" : "\n" + setup), file: file, line: line)
            r.run(cell, file: file, line: line)
            return (r, r.value("rand(1, 5)", file: file, line: line))
        }
        let (a, drawnAfterArgument) = session(inArgument)
        let (b, drawnAfterSeparate) = session(separately)
        let (_, drawnWithoutRand) = session(without)
        XCTAssertNotNil(drawnAfterArgument, file: file, line: line)
        XCTAssertEqual(drawnAfterArgument, drawnAfterSeparate, "rand in the argument did not draw like a rand of its own", file: file, line: line)
        XCTAssertNotEqual(drawnAfterArgument, drawnWithoutRand, "the argument's rand did not advance the generator", file: file, line: line)
        return (a, b)
    }

    func testRandInAnOptimizersLearningRateAdvancesTheGenerator() {
        let (a, b) = assertSameDraws(inArgument: "optimizer sgd(lr: rand(1, 1))",
                                     separately: "tensor r = rand(1, 1)\noptimizer sgd(lr: r)",
                                     without: "optimizer sgd(lr: 0.5)")
        XCTAssertEqual(a.session.state.optimizer.kind.learningRate, b.scalar("r"))
    }

    func testRandInAStepsLearningRateAdvancesTheGenerator() {
        let (a, b) = assertSameDraws(setup: Self.network,
                                     inArgument: "step lr: rand(1, 1)",
                                     separately: "tensor r = rand(1, 1)\nstep lr: r",
                                     without: "step lr: 0.5")
        XCTAssertEqual(a.value("h.W"), b.value("h.W"), "the step used the same drawn rate")
    }

    func testRandInADatasetsArgumentAdvancesTheGenerator() {
        let (a, b) = assertSameDraws(inArgument: "dataset d = moons(n: 20, noise: rand(1, 1))",
                                     separately: "tensor r = rand(1, 1)\ndataset d = moons(n: 20, noise: r)",
                                     without: "dataset d = moons(n: 20, noise: 0.5)")
        XCTAssertEqual(a.value("d.x"), b.value("d.x"), "the same noise and the same draws made the same points")
    }

    func testRandInTrainsLearningRateAdvancesTheGenerator() {
        assertSameDraws(setup: Self.network,
                        inArgument: "train [[1, 2]], [[1]], epochs: 2, lr: rand(1, 1);",
                        separately: "tensor r = rand(1, 1)\ntrain [[1, 2]], [[1]], epochs: 2, lr: r;",
                        without: "train [[1, 2]], [[1]], epochs: 2, lr: 0.5;")
    }

    /// The one exception, on purpose: a check asserts and changes nothing, so an
    /// exercise's checks never shift the numbers of the cells after them.
    func testACheckDrawsNothingFromTheSessionsGenerator() {
        let r = Recorder()
        r.run("seed 7\ncheck rand(1, 1) < 2, \"a number below 2\"")
        let afterCheck = r.value("rand(1, 5)")
        r.run("seed 7")
        XCTAssertEqual(afterCheck, r.value("rand(1, 5)"))
    }
}
