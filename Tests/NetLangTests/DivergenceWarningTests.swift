import XCTest
@testable import NetLang
import NetCore

/// A loss that blows up (nan, inf, or growing without bound) gives one warning on stderr
/// that names the step and suggests a smaller learning rate; a run that learns gives none.
final class DivergenceWarningTests: XCTestCase {
    /// The warnings a cell gives (stderr in Jupyter and nb-run), and the train table's footer.
    private func trainWarnings(_ r: Recorder, _ code: String) -> (warnings: [String], footer: [String]) {
        var footer: [String] = [], warnings: [String] = []
        _ = r.session.run(code) { output, _ in
            if case .table(let t) = output, t.title == "train" { footer = t.footer.map(\.words) }
            if case .warning(let text) = output { warnings.append(text.words) }
        }
        return (warnings, footer)
    }

    func testTrainingThatBlowsUpSaysSoAndSuggestsASmallerLearningRate() {
        let r = Recorder()
        r.run("""
            tensor x = [[0, 0], [0, 1], [1, 0], [1, 1]]
            tensor t = [[0], [1], [1], [0]]
            layer h = dense(2 -> 4, relu, weights: [[1, -1, 0.5, 2], [1, 1, -0.5, 1]])
            layer o = dense(4 -> 1, identity, weights: [[1], [1], [1], [1]])
            loss mse
            """)
        // With lr 100 every step overshoots further: the loss grows without bound, then
        // overflows to inf and nan.
        let (warnings, footer) = trainWarnings(r, "train x, t, epochs: 200, lr: 100")
        XCTAssertEqual(footer, [], "the warning is on stderr, not under the table")
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        let warning = warnings.first ?? ""
        XCTAssertTrue(warning.hasPrefix("warning: the loss became "), warning)
        XCTAssertTrue(warning.hasSuffix(": lr 100 takes steps too large — try a smaller lr, e.g. lr: 10"), warning)
        // A run that learns has no warning.
        r.run("reset network\nlayer h = dense(2 -> 4, tanh)\nlayer o = dense(4 -> 1, identity)\nloss mse")
        XCTAssertEqual(trainWarnings(r, "train x, t, epochs: 50, lr: 0.1").warnings, [])
    }

    func testAForwardWhoseLossIsNotFiniteSaysWhy() throws {
        let r = Recorder()
        // z = 1e200 · 1e200 overflows to inf, and so does its square.
        r.run("layer o = dense(1 -> 1, identity, weights: [[1e200]])\nloss mse")
        var warnings: [String] = []
        _ = r.session.run("forward [[1e200]], [[0]]") { output, _ in
            if case .warning(let text) = output { warnings.append(text.words) }
        }
        XCTAssertEqual(warnings, ["warning: the loss is infinite: a number overflowed or was already nan"
                                  + " (often after steps with too large an lr — try a smaller lr)"])
    }

    func testDivergenceWordingForEachCase() {
        XCTAssertEqual(TrainingViews.divergence([0.9, 3e8, .nan, .nan], finalLoss: .nan, learningRate: 100)?.words,
                       "the loss became nan at step 3: lr 100 takes steps too large — try a smaller lr, e.g. lr: 10")
        XCTAssertEqual(TrainingViews.divergence([0.5, .infinity], finalLoss: .nan, learningRate: 0.5)?.words,
                       "the loss became infinite at step 2: lr 0.5 takes steps too large — try a smaller lr, e.g. lr: 0.05")
        XCTAssertEqual(TrainingViews.divergence([0.9444, 5], finalLoss: 2.442e229, learningRate: 100)?.words,
                       "the loss grew from 0.9444 to 2.4e+229: lr 100 takes steps too large — try a smaller lr, e.g. lr: 10")
        XCTAssertNil(TrainingViews.divergence([0.9, 0.5], finalLoss: 0.4, learningRate: 0.1))
    }
}
