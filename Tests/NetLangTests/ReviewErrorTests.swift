import XCTest
@testable import NetLang
import NetCore

/// Mistakes found in the review of this session: each is located, says what to do,
/// and leaves the session as it was.
final class ReviewErrorTests: XCTestCase {
    func testShortWordsAreNotMatchedToUnrelatedNames() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("plot foo"))
        XCTAssertEqual(e.message, "unknown name 'foo'")
        XCTAssertNil(e.hint)   // not "did you mean 'log'?"
        XCTAssertNil(Suggest.closest(to: "foo", in: ["log"]))
        XCTAssertEqual(Suggest.closest(to: "rlu", in: ["relu", "log"]), "relu")
        XCTAssertEqual(Suggest.closest(to: "sigmiod", in: ["sigmoid", "tanh"]), "sigmoid")
    }

    func testAMatrixProductThatDoesNotFitSuggestsTheTransposesThatWould() throws {
        let r = Recorder()
        r.run("tensor x = [1, 2]\ntensor v = [1, 2, 3]\ntensor W = [[1, 2, 3], [4, 5, 6]]")
        let e = try XCTUnwrap(r.fail("tensor y = x @ x"))
        XCTAssertEqual(e.message, "shape mismatch in x @ x: 1×2 @ 1×2")
        XCTAssertEqual(e.hint, "the columns of the left (2) must equal the rows of the right (1); did you mean x.T @ x (2×2) or x @ x.T (1×1)?")
        let w = try XCTUnwrap(r.fail("tensor y = W @ (v + 1)"))
        XCTAssertEqual(w.hint, "the columns of the left (3) must equal the rows of the right (1); did you mean W @ (v + 1).T (2×1)?")
        XCTAssertNil(r.session.state.tensors["y"])
    }

    func testShowGraphWithoutANameSaysWhatIsMissing() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("show graph"))
        XCTAssertEqual(e.kind, "SyntaxError")
        XCTAssertEqual(e.message, "show graph needs the name of a tensor")
        XCTAssertEqual(e.column, 6)
        XCTAssertEqual(e.length, 5)
    }

    func testALayerThatDoesNotFitSuggestsTheSizeThatWouldAndChangesNothing() throws {
        let r = Recorder()
        r.run("layer h = dense(2 -> 3, sigmoid)")
        let e = try XCTUnwrap(r.fail("layer o = dense(2 -> 2, sigmoid)"))
        XCTAssertEqual(e.kind, "ShapeError")
        XCTAssertEqual(e.message, "layer 'o' takes 2 inputs but the previous layer 'h' gives 3 (IN must equal the previous OUT)")
        XCTAssertEqual(e.hint, "write dense(3 -> 2, …)")
        XCTAssertEqual(e.column, 17)
        XCTAssertEqual(r.session.state.network.layers.map(\.name), ["h"])
    }

    func testASizeBeyondTheLimitSaysHowManyElements() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("tensor big = zeros(100000, 100000)"))
        XCTAssertEqual(e.kind, "LimitError")
        XCTAssertEqual(e.message, "tensor of size 100000×100000 has 10000000000 elements, beyond the session's limit of 50000000")
        XCTAssertNil(r.session.state.tensors["big"])
    }

    /// The warnings a cell gives (stderr in Jupyter and nb-run), and the train table's footer.
    private func trainWarnings(_ r: Recorder, _ code: String) -> (warnings: [String], footer: [String]) {
        var footer: [String] = [], warnings: [String] = []
        _ = r.session.run(code) { output, _ in
            if case .table(let t) = output, t.title == "train" { footer = t.footer }
            if case .warning(let text) = output { warnings.append(text) }
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
            if case .warning(let text) = output { warnings.append(text) }
        }
        XCTAssertEqual(warnings, ["warning: the loss is infinite: a number overflowed or was already nan"
                                  + " (often after steps with too large an lr — try a smaller lr)"])
    }

    func testDivergenceWordingForEachCase() {
        XCTAssertEqual(TrainingViews.divergence([0.9, 3e8, .nan, .nan], finalLoss: .nan, learningRate: 100),
                       "the loss became nan at step 3: lr 100 takes steps too large — try a smaller lr, e.g. lr: 10")
        XCTAssertEqual(TrainingViews.divergence([0.5, .infinity], finalLoss: .nan, learningRate: 0.5),
                       "the loss became infinite at step 2: lr 0.5 takes steps too large — try a smaller lr, e.g. lr: 0.05")
        XCTAssertEqual(TrainingViews.divergence([0.9444, 5], finalLoss: 2.442e229, learningRate: 100),
                       "the loss grew from 0.9444 to 2.4e+229: lr 100 takes steps too large — try a smaller lr, e.g. lr: 10")
        XCTAssertNil(TrainingViews.divergence([0.9, 0.5], finalLoss: 0.4, learningRate: 0.1))
    }
}

/// Outputs of statements after the review: what print, optimizer, dataset, plot decision and
/// show history say.
final class ReviewOutputTests: XCTestCase {
    func testASemicolonHidesWhatAStatementShowsButNotWhatItPrints() {
        let r = Recorder()
        var shown: [Output] = []
        _ = r.session.run("tensor x = [1, 2];\nprint \"x is\", x;") { output, _ in shown.append(output) }
        XCTAssertEqual(shown.count, 1, "\(shown)")   // no tensor display, one print
        guard case .printed(let items)? = shown.first else { return XCTFail("print wrote nothing") }
        XCTAssertEqual(items, [.text("x is"), .tensor(Tensor([[1, 2]]))])
    }

    func testPlotLossBeforeAnyStepSaysThereIsNoHistoryYet() {
        let r = Recorder()
        let outputs = r.run("plot loss")
        guard case .note(let note)? = outputs.first?.0 else { return XCTFail("expected a note, got \(outputs.map(\.0))") }
        XCTAssertEqual(note.text, "no steps yet: step and train add the loss of each step to the history")
    }

    func testOptimizerSummaryWritesNumbersAsTyped() {
        let r = Recorder()
        let outputs = r.run("optimizer sgd(lr: 2)")
        guard case .table(let t)? = outputs.first?.0 else { return XCTFail("no table") }
        XCTAssertEqual(t.footer, ["sgd(lr: 2)   p ← p − lr·g"])
    }

    /// Adam's call and rule take 115 columns: JupyterLab scrolled the line sideways and hid
    /// the rule's end, so the rule goes on a line of its own, in both footers.
    func testLongOptimizerSummaryPutsTheRuleOnItsOwnLine() {
        let r = Recorder()
        guard case .table(let t)? = r.run("optimizer adam(lr: 0.01)").first?.0 else { return XCTFail("no table") }
        XCTAssertEqual(t.footer, ["adam(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-08)",
                                  "  m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·m̂/(√v̂ + ε)"])
        _ = r.run("layer h = dense(2 -> 1)\nloss mse")
        guard case .table(let network)? = r.run("show network").last?.0 else { return XCTFail("no network table") }
        XCTAssertEqual(Array(network.footer.dropFirst().prefix(2)),
                       ["optimizer adam(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-08)",
                        "            m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·m̂/(√v̂ + ε)"])
        XCTAssertTrue((t.footer + network.footer).allSatisfy { $0.count <= 80 }, "\(network.footer)")
    }

    private func plots(_ outputs: [(Output, OutputRole)]) -> [Plot] {
        func all(_ o: Output) -> [Plot] {
            switch o {
            case .plot(let p): return [p]
            case .group(let parts): return parts.flatMap(all)
            default: return []
            }
        }
        return outputs.flatMap { all($0.0) }
    }

    func testXorTargetsAreNamedAndMarkTheDecisionPlotAfterAForwardWithoutTarget() throws {
        let r = Recorder()
        let scatter = try XCTUnwrap(plots(r.run("dataset xor = xor()")).first)
        XCTAssertEqual(scatter.classNames, ["t = 0", "t = 1"])
        r.run("layer h = dense(2 -> 1, sigmoid)\nforward xor.x")
        let decision = try XCTUnwrap(plots(r.run("plot decision")).first)
        // xor.y is 0, 1, 1, 0 for the corners (0,0), (0,1), (1,0), (1,1): classes 1, 2, 2, 1.
        XCTAssertEqual(decision.series.first?.classes, [1, 2, 2, 1])
        XCTAssertEqual(decision.classNames, ["t = 0", "t = 1"])
    }

    func testHistoryOfFullBatchTrainingIsShownOnce() throws {
        let r = Recorder()
        r.run("dataset xor = xor()\nlayer h = dense(2 -> 1, sigmoid)\ntrain xor.x, xor.y, epochs: 3")
        let outputs = r.run("show history")
        guard case .table(let t)? = outputs.first?.0 else { return XCTFail("expected one table, got \(outputs.map(\.0))") }
        XCTAssertEqual(t.title, "loss history")
        XCTAssertEqual(t.rows.count, 3)
        // Mini-batches: the epoch means differ from the steps, so both tables are shown.
        r.run("train xor.x, xor.y, epochs: 2, batch: 2")
        guard case .group(let parts)? = r.run("show history").first?.0 else { return XCTFail("expected two tables") }
        XCTAssertEqual(parts.count, 2)
    }

    func testLoadPreviewSaysHowManyRowsItShows() throws {
        let r = Recorder()
        r.session.baseDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks").path
        let names = r.run("load iris = csv(\"data/iris.csv\", label: 5)").compactMap { output, _ -> String? in
            if case .tensor(let v) = output { return v.name } else { return nil }
        }
        XCTAssertEqual(names, ["iris.x, first 5 of 150 rows"])
    }
}
