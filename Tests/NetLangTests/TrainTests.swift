import XCTest
@testable import NetLang
import NetCore

final class TrainTests: XCTestCase {
    let xorNetwork = """
    seed 7
    dataset xor = xor()
    layer hidden = dense(2 -> 4, sigmoid, init: normal)
    layer output = dense(4 -> 1, sigmoid, init: normal)
    loss mse
    optimizer sgd(lr: 2)
    """

    func finalLoss(_ outputs: [(Output, OutputRole)]) -> Double? {
        outputs.flatMap { $0.0.tables }.first { $0.title == "train" }.flatMap { table in
            if case .number(let v) = table.rows[0][table.columns.firstIndex(of: "final loss") ?? 0] { return v }
            return nil
        }
    }

    func testTwoLayersLearnXor() throws {
        let r = Recorder()
        r.run(xorNetwork)
        let out = r.run("train xor.x, xor.y, epochs: 3000")
        let loss = try XCTUnwrap(finalLoss(out))
        XCTAssertLessThan(loss, 0.01)
        // Every corner on the right side of 0.5: the network computes XOR.
        let y = try XCTUnwrap(r.value("sigmoid(sigmoid(xor.x @ hidden.W + hidden.b) @ output.W + output.b)"))
        XCTAssertEqual(y.data.map { $0 > 0.5 ? 1.0 : 0.0 }, [0, 1, 1, 0])
        // The final loss is the mean squared error on all of X, computed independently here.
        XCTAssertEqual(r.scalar("mse(sigmoid(sigmoid(xor.x @ hidden.W + hidden.b) @ output.W + output.b), xor.y)"),
                       loss, accuracy: 1e-15)
    }

    func testOneLayerCannotLearnXor() throws {
        let r = Recorder()
        r.run("seed 7\ndataset xor = xor()\nlayer only = dense(2 -> 1, sigmoid)\nloss mse")
        let loss = try XCTUnwrap(finalLoss(r.run("train xor.x, xor.y, epochs: 3000, lr: 2")))
        // A line cannot separate XOR: the best a single sigmoid unit reaches is far from 0.
        XCTAssertGreaterThan(loss, 0.1)
    }

    func testHistoryPerStepAndEpoch_shortRunShowsItsCurveWithoutLiveProgress() throws {
        let r = Recorder()
        r.run("seed 1\ndataset s = spiral(n: 30, classes: 3)\nlayer h = dense(2 -> 8, relu, init: he)\nlayer o = dense(8 -> 3, softmax)\nloss cross_entropy\noptimizer adam(lr: 0.01)")
        let out = r.run("train s.x, s.y, epochs: 4, batch: 8")
        // 30 samples in batches of 8: 4 steps per epoch.
        XCTAssertEqual(r.session.state.history.count, 16)
        XCTAssertEqual(r.session.state.training.epochLosses.count, 4)
        // A run shorter than a tenth of a second flashes no progress: its curve, then the summary.
        XCTAssertEqual(out.count, 2, "\(out.map(\.1))")
        guard case .plot(let curve) = out.first?.0, out.first?.1 == .display else {
            return XCTFail("train should show its loss curve as a display, got \(String(describing: out.first))")
        }
        XCTAssertEqual(curve.series[0].y, r.session.state.history)
        XCTAssertEqual(out.last?.1, .result)
        // Each epoch's loss is the sample-weighted mean of its step losses (8, 8, 8, 6 samples).
        let h = r.session.state.history
        let epoch1 = (8 * h[0] + 8 * h[1] + 8 * h[2] + 6 * h[3]) / 30
        XCTAssertEqual(r.session.state.training.epochLosses[0], epoch1, accuracy: 1e-15)
    }

    /// A long run: live progress at most every 0.1 s with this run's loss per step only
    /// (≤ 500 points, steps increasing: the curve drawn once), closed before the final curve.
    func testLongRunShowsBoundedLiveProgressThenClosesItBeforeTheCurve() throws {
        let r = Recorder()
        r.run(xorNetwork + "\ntrain xor.x, xor.y, epochs: 50")   // an earlier run the live curve must not repeat
        let before = r.session.state.history.count
        var emitted: [(Output, OutputRole)] = []
        let error = r.session.run("train xor.x, xor.y, epochs: 10000000") { output, role in
            emitted.append((output, role))
            let shown = emitted.filter { if case .liveDisplay = $0.1 { return true } else { return false } }
            if shown.count == 3 { r.session.interrupt.raise() }   // three updates are enough to look at
        }
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        let roles = emitted.map(\.1)
        let live = emitted.compactMap { item -> NetLang.Progress? in
            if case .liveDisplay("train-2") = item.1, case .progress(let p) = item.0 { return p } else { return nil }
        }
        XCTAssertEqual(live.count, 3, "\(roles)")
        let history = Array(r.session.state.history[before...])
        for p in live {
            XCTAssertLessThanOrEqual(p.history.count, 500)
            XCTAssertEqual(p.historySteps.first, 1)
            XCTAssertEqual(p.historySteps.last, p.step)
            XCTAssertEqual(p.historySteps, p.historySteps.sorted(), "one pass over this run's steps")
            XCTAssertEqual(Set(p.historySteps).count, p.historySteps.count)
            // Every point is that step's loss, and the run's extremes so far are among them.
            XCTAssertEqual(zip(p.historySteps, p.history).filter { history[$0.0 - 1] != $0.1 }.count, 0)
            XCTAssertEqual(p.history.max(), history[..<p.step].max())
            XCTAssertEqual(p.history.min(), history[..<p.step].min())
        }
        // The live display is closed right after its last update, then the curve follows.
        guard let end = roles.firstIndex(of: .endLiveDisplay(id: "train-2")) else { return XCTFail("live display not closed: \(roles)") }
        XCTAssertEqual(roles.lastIndex { if case .liveDisplay = $0 { return true } else { return false } }, end - 1)
        guard case .plot(let curve) = emitted[end + 1].0, emitted[end + 1].1 == .display else {
            return XCTFail("the loss curve should follow as a display: \(roles)")
        }
        if history.count <= PlotStatement.maxPoints {
            XCTAssertEqual(curve.series[0].y, history)
        } else {   // a long run's curve keeps each stretch's extremes, within the plot's bound
            XCTAssertLessThanOrEqual(curve.series[0].y.count, PlotStatement.maxPoints)
            XCTAssertEqual(curve.series[0].y.max(), history.max())
            XCTAssertEqual(curve.series[0].y.min(), history.min())
        }
    }

    func testShufflingIsSeeded() throws {
        /// The same data set and starting weights (seed 1); only the seed before train varies.
        func trained(trainSeed: Int, shuffle: Bool = true) -> Tensor? {
            let r = Recorder()
            r.run("seed 1\ndataset m = moons(n: 40)\nlayer h = dense(2 -> 6, tanh)\nlayer o = dense(6 -> 2, softmax)\nloss cross_entropy")
            r.run("seed \(trainSeed)\ntrain m.x, m.y, epochs: 3, batch: 5, lr: 0.3, shuffle: \(shuffle)")
            return r.value("h.W")
        }
        XCTAssertEqual(trained(trainSeed: 5), trained(trainSeed: 5))
        XCTAssertNotEqual(trained(trainSeed: 5), trained(trainSeed: 6))
        XCTAssertEqual(trained(trainSeed: 5, shuffle: false), trained(trainSeed: 6, shuffle: false))
    }

    func testInterruptKeepsTheLastCompletedStep() throws {
        let r = Recorder()
        r.run(xorNetwork)
        var emitted: [(Output, OutputRole)] = []
        let error = r.session.run("train xor.x, xor.y, epochs: 10000000\ntensor after = [1]") { output, role in
            emitted.append((output, role))
            if case .progress = output { r.session.interrupt.raise() }   // like Ctrl-C at the first progress
        }
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        let steps = r.session.state.history.count                    // the completed steps are kept
        XCTAssertGreaterThan(steps, 0)
        XCTAssertLessThan(steps, 10_000_000)
        XCTAssertNil(r.session.state.tensors["after"])              // the rest of the cell did not run
        // The parameters are those after exactly that many steps: compare with a run of that length.
        let reference = Recorder()
        reference.run(xorNetwork + "\ntrain xor.x, xor.y, epochs: \(steps)")
        XCTAssertEqual(r.value("hidden.W"), reference.value("hidden.W"))
        XCTAssertEqual(r.value("output.b"), reference.value("output.b"))
    }

    func testBadTrainArgumentsAreLocated() {
        let r = Recorder()
        r.run(xorNetwork)
        XCTAssertEqual(r.fail("train xor.x, xor.y, epochs: 0")?.message, "epochs must be a whole number from 1 to 2^53, not 0")
        XCTAssertEqual(r.fail("train xor.x, xor.y, epochz: 3")?.hint, "did you mean 'epochs'?")
        let shape = r.fail("train xor.y, xor.y")
        XCTAssertEqual(shape?.kind, "ShapeError")
        XCTAssertEqual(shape?.column, 7)
        XCTAssertEqual(r.fail("train xor.x, [1, 0]")?.message, "X has 4 rows but T has 1; train needs one target row per sample")
        XCTAssertEqual(r.session.state.history.count, 0)
    }

    func testShowHistoryHasStepsAndEpochs_resetNetworkClearsBoth() throws {
        let r = Recorder()
        r.run(xorNetwork + "\ntrain xor.x, xor.y, epochs: 3, batch: 2, shuffle: false")
        let tables = r.run("show history").flatMap { $0.0.tables }
        XCTAssertEqual(tables.map(\.title), ["loss history", "loss per epoch (train)"])
        XCTAssertEqual(tables[0].rows.count, 6)
        XCTAssertEqual(tables[1].rows.count, 3)
        // Epoch 1 is the mean of its two steps (2 samples each).
        let h = r.session.state.history
        guard case .number(let epoch1) = tables[1].rows[0][1] else { return XCTFail("epoch 1 has no loss") }
        XCTAssertEqual(epoch1, (h[0] + h[1]) / 2, accuracy: 1e-15)
        r.run("reset network")
        XCTAssertTrue(r.session.state.history.isEmpty)
        XCTAssertTrue(r.session.state.training.epochLosses.isEmpty)
    }

    func testLargeDataEndsWithoutAnExtraFullPass() throws {
        let r = Recorder()
        // 20000 rows × (200 inputs + 1 unit) is over the 4-million limit of a final pass.
        r.run("seed 2\ntensor X = rand(20000, 200);\ntensor T = rand(20000, 1);\nlayer o = dense(200 -> 1, sigmoid)\nloss mse")
        let out = r.run("train X, T, epochs: 2, batch: 5000")
        let table = try XCTUnwrap(out.flatMap { $0.0.tables }.first { $0.title == "train" })
        XCTAssertEqual(table.footer.first?.words.hasPrefix("final loss: the mean over the last epoch"), true)
        guard case .number(let final) = table.rows[0].last else { return XCTFail("no final loss") }
        XCTAssertEqual(final, r.session.state.training.epochLosses.last)
        XCTAssertNil(r.session.state.lastInput)
    }
}
