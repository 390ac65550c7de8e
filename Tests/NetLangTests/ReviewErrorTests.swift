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

    private func trainFooter(_ r: Recorder, _ code: String) -> [String] {
        var footer: [String] = []
        _ = r.session.run(code) { output, _ in
            if case .table(let t) = output, t.title == "train" { footer = t.footer }
        }
        return footer
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
        let footer = trainFooter(r, "train x, t, epochs: 200, lr: 100")
        XCTAssertEqual(footer.count, 1, "\(footer)")
        let warning = footer.first ?? ""
        XCTAssertTrue(warning.hasPrefix("the loss became "), warning)
        XCTAssertTrue(warning.hasSuffix(": lr 100 takes steps too large — try a smaller lr, e.g. lr: 10"), warning)
        // A run that learns has no warning.
        r.run("reset network\nlayer h = dense(2 -> 4, tanh)\nlayer o = dense(4 -> 1, identity)\nloss mse")
        XCTAssertEqual(trainFooter(r, "train x, t, epochs: 50, lr: 0.1"), [])
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
