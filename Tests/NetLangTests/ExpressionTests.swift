import XCTest
@testable import NetLang
import NetCore

/// Expressions as DSL.md defines them: operators, broadcasting, 1-based indexing, functions.
final class ExpressionTests: XCTestCase {
    func testArithmeticPrecedenceAndBroadcasting() {
        let r = Recorder()
        XCTAssertEqual(r.scalar("-2^2"), -4)
        XCTAssertEqual(r.scalar("1 + 2 * 3"), 7)
        XCTAssertEqual(r.value("[[1, 2], [3, 4]] + [10, 20]")?.data, [11, 22, 13, 24])
        XCTAssertEqual(r.value("[[1, 2], [3, 4]] * [[10], [100]]")?.data, [10, 20, 300, 400])
        XCTAssertEqual(r.value("[[1, 2], [3, 4]] @ [[1], [1]]")?.data, [3, 7])
        XCTAssertEqual(r.value("[[1, 2], [3, 4]].T")?.data, [1, 3, 2, 4])
        XCTAssertEqual(r.value("[1, 2, 3] >= 2")?.data, [0, 1, 1])
        XCTAssertEqual(r.scalar("1e-3 * 1000"), 1, accuracy: 1e-15)
    }

    func testOneBasedIndexingOfAnyExpression() {
        let r = Recorder()
        r.run("tensor W = [[1, 2, 3], [4, 5, 6]]")
        XCTAssertEqual(r.scalar("W[1, 2]"), 2)
        XCTAssertEqual(r.value("W[2, :]")?.data, [4, 5, 6])
        XCTAssertEqual(r.value("W[:, 3]")?.data, [3, 6])
        XCTAssertEqual(r.value("W[1:2, 2:3]")?.data, [2, 3, 5, 6])
        XCTAssertEqual(r.scalar("(W @ W.T)[2, 1]"), 32)
        XCTAssertEqual(r.scalar("[7, 8, 9][3]"), 9)
    }

    func testReductionsAndFunctions() {
        let r = Recorder()
        r.run("tensor a = [[1, 2], [3, 4]]")
        XCTAssertEqual(r.scalar("sum(a)"), 10)
        XCTAssertEqual(r.value("sum(a, rows)")?.data, [3, 7])
        XCTAssertEqual(r.value("mean(a, cols)")?.data, [2, 3])
        XCTAssertEqual(r.value("argmax([[1, 5, 2], [9, 0, 1]])")?.data, [2, 1])
        XCTAssertEqual(r.scalar("accuracy([[0.1, 0.9], [0.8, 0.2]], [[0, 1], [0, 1]])"), 0.5)
        XCTAssertEqual(r.value("onehot([2, 1], 3)")?.data, [0, 1, 0, 1, 0, 0])
        XCTAssertEqual(r.value("eye(2)")?.data, [1, 0, 0, 1])
        XCTAssertEqual(r.value("linspace(0, 1, 3)")?.data, [0, 0.5, 1])
        // Lesson 004: ((1.5 − 3.45)² + (0.3 − 5.67)²) / 2 = 16.3197
        XCTAssertEqual(r.scalar("mse([1.5, 0.3], [3.45, 5.67])"), 16.3197, accuracy: 1e-12)
        XCTAssertEqual(r.value("softmax([1000, 1000])")?.data, [0.5, 0.5])
    }

    func testSeededRandomNumbersRepeat() {
        let r = Recorder()
        r.run("seed 7")
        let first = r.value("rand(2, 3)")
        r.run("seed 7")
        XCTAssertEqual(r.value("rand(2, 3)"), first)
    }

    func testPrintYieldsItsValuesNotText() {
        // How they read (precision, columns) is NetRender's (PrintTextTests).
        let r = Recorder()
        let out = r.run("precision 3\nprint \"loss:\", 0.12345, [1, 2], [[0.5]]")
        guard case .printed(let items) = out.first?.0 else { return XCTFail("not a print") }
        XCTAssertEqual(items, [.text("loss:"), .number(0.12345), .tensor(Tensor([[1, 2]])), .number(0.5)])
        XCTAssertEqual(out.first?.1, .display)
    }

    func testRolesAndSemicolons() {
        let r = Recorder()
        let out = r.run("tensor a = 1\ntensor b = 2; tensor c = 3")
        XCTAssertEqual(out.map(\.1), [.display, .result])
        XCTAssertEqual(r.run("tensor d = 4;").count, 0)
        XCTAssertEqual(r.run("seed 1\nprecision 5\nstyle unicode\nreset network").count, 0)
        XCTAssertEqual(r.session.settings.style, .unicode)
        XCTAssertEqual(r.session.settings.precision, 5)
    }

    func testLinesContinueInsideBracketsAndAfterCommas() {
        let r = Recorder()
        r.run("tensor W = [[1, 2],\n  [3, 4]]\ntensor v = sum(W,\n rows)")
        XCTAssertEqual(r.value("v")?.data, [3, 7])
    }
}

/// Statements that show or reset things.
final class StatementBehaviourTests: XCTestCase {
    func testPlotFunctionsOverARange() throws {
        let r = Recorder()
        guard case .plot(let plot) = try XCTUnwrap(r.run("plot sigmoid, relu from -5 to 5").first?.0) else { return XCTFail() }
        XCTAssertEqual(plot.series.map(\.label), ["sigmoid", "relu"])
        XCTAssertEqual(plot.series[0].x.first, -5); XCTAssertEqual(plot.series[0].x.last, 5)
        XCTAssertEqual(plot.series[1].y.last, 5)
        XCTAssertEqual(plot.series[0].y[100], 0.5, accuracy: 1e-12)
    }

    func testResetForgetsEverythingAndResetNetworkOnlyTheNetwork() throws {
        let r = Recorder()
        r.run("tensor a = 1\nlayer h = dense(1 -> 1, relu)")
        r.run("reset network")
        XCTAssertEqual(r.scalar("a"), 1)
        XCTAssertTrue(r.session.state.network.layers.isEmpty)
        r.session.baseDirectory = "/tmp/notebooks"
        r.run("precision 7\nreset")
        XCTAssertEqual(r.fail("show a")?.kind, "NameError")
        XCTAssertEqual(r.session.settings.precision, 4)
        XCTAssertEqual(r.session.baseDirectory, "/tmp/notebooks")
    }

    func testShowADataSetShowsItsMembers() throws {
        let r = Recorder()
        r.session.state.datasets["d"] = ["x": Tensor([[1, 2]]), "y": Tensor([[1]])]
        XCTAssertEqual(r.run("show d").first?.0.tensors.map(\.name), ["d.x", "d.y"])
    }

    func testForwardNamesTheShapesOfAWrongTarget() throws {
        let r = Recorder()
        r.run("layer h = dense(2 -> 2, sigmoid)")
        let e = try XCTUnwrap(r.fail("forward [1, 2], [1, 2, 3]"))
        XCTAssertEqual(e.message, "shape mismatch in forward: the output is 1×2 but the target is 1×3")
        XCTAssertEqual(e.column, 17)
    }

    func testStepRecordsTheLossInTheHistory() throws {
        let r = Recorder()
        r.run("layer h = dense(1 -> 1, identity, weights: [[2]], biases: [0])\nloss sse\nforward [1], [1]\nbackward\nstep lr: 0.1")
        XCTAssertEqual(r.session.state.history, [1])   // (2·1 − 1)² before the step
        XCTAssertEqual(r.scalar("h.W"), 2 - 0.1 * 2, accuracy: 1e-15)
    }
}

/// Big data stays small in outputs: tables become tensors, plots keep a bounded number of points.
final class OutputSizeTests: XCTestCase {
    func testBigBatchesAndLongSeriesStayBounded() throws {
        let r = Recorder()
        r.run("seed 1\nlayer h = dense(3 -> 50, relu)")
        let out = r.run("forward rand(1000, 3)")
        XCTAssertTrue(out.first?.0.tables.isEmpty ?? false)
        XCTAssertEqual(out.first?.0.tensors.first?.name, "h.z")
        guard case .plot(let plot) = try XCTUnwrap(r.run("plot linspace(0, 1, 100000)").first?.0) else { return XCTFail() }
        XCTAssertEqual(plot.series[0].x.count, PlotStatement.maxPoints)
        XCTAssertEqual(plot.series[0].y.last, 1)
    }
}
