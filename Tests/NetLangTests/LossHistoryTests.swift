import XCTest
@testable import NetLang
import NetCore

/// The loss history is bounded (issue 10: it could grow to 800 MB): exact up to
/// `LossHistory.maxEntries` steps, then each entry is the mean of 2, 4, 8… consecutive
/// steps. Checked against the means computed directly from an unbounded run.
final class LossHistoryTests: XCTestCase {
    /// The means of consecutive blocks of `width` values (the last block may be shorter).
    private func blockMeans(_ values: [Double], width: Int) -> [Double] {
        stride(from: 0, to: values.count, by: width).map { start in
            let block = values[start..<min(values.count, start + width)]
            return block.reduce(0, +) / Double(block.count)
        }
    }

    func testEntriesAreExactUpToTheLimitThenMeansOfNeighbours() {
        let losses = (1...37).map { 1 / Double($0) }
        var h = LossHistory(limit: 8)
        for (i, loss) in losses.enumerated() {
            h.append(loss)
            let seen = Array(losses[...i])
            // The smallest power-of-two width whose blocks fit in 8 entries.
            var width = 1
            while (seen.count + width - 1) / width > 8 { width *= 2 }
            XCTAssertEqual(h.stride, width, "after \(seen.count) steps")
            XCTAssertEqual(h.values.count, blockMeans(seen, width: width).count)
            for (a, b) in zip(h.values, blockMeans(seen, width: width)) { XCTAssertEqual(a, b, accuracy: 1e-15, "after \(seen.count) steps") }
        }
        XCTAssertEqual(h.steps, 37)
        XCTAssertEqual(h.stride, 8)
        XCTAssertEqual((0..<h.count).map(h.lastStep(of:)), [8, 16, 24, 32, 37])
        XCTAssertEqual(h.first, 1)
        XCTAssertEqual(h.note(), "each entry is the mean of 8 consecutive steps: the history keeps at most \(LossHistory.maxEntries) entries (37 steps recorded)")
        XCTAssertNil(LossHistory(losses).note(), "exact below the limit")
    }

    /// Stored in chunks (so that the session's copy before each statement does not copy the
    /// whole history): across chunk boundaries, and through merges, the entries are the same
    /// as in one array, and a copy is a value — appending to it leaves the original as it was.
    func testChunkedEntriesAreOneSequenceAndCopiesAreValues() {
        let n = 3 * LossHistory.chunkSize + 17
        let losses = (0..<n).map { Double($0 % 97) / 97 }
        let h = LossHistory(losses)
        XCTAssertEqual(h.count, n)
        XCTAssertEqual(h.values, losses)
        XCTAssertEqual(h.last, losses.last)
        var copy = h
        copy.append(5)
        XCTAssertEqual(h.values, losses, "the original is unchanged")
        XCTAssertEqual(copy.values, losses + [5])
        XCTAssertEqual(copy.count, n + 1)

        // A limit of two chunks and a bit: entries merge across chunk boundaries.
        let limit = 2 * LossHistory.chunkSize + 2
        var bounded = LossHistory(limit: limit)
        for loss in losses { bounded.append(loss) }
        XCTAssertEqual(bounded.stride, 2)
        XCTAssertEqual(bounded.values, blockMeans(losses, width: 2))
        let restored = LossHistory(entries: bounded.values, stride: bounded.stride, steps: bounded.steps)
        XCTAssertEqual(restored, bounded)
    }

    func testTheFirstNonFiniteStepIsKeptExactly() {
        var h = LossHistory(limit: 4)
        for step in 1...20 { h.append(step == 13 ? .infinity : 0.5) }
        XCTAssertEqual(h.firstNonFinite?.step, 13)
        XCTAssertEqual(TrainingViews.divergence(h, finalLoss: 0.5, learningRate: 10)?.words,
                       "the loss became infinite at step 13: lr 10 takes steps too large — try a smaller lr, e.g. lr: 1")
    }

    /// A session whose history holds 8 entries, trained for 20 full-batch epochs: every
    /// view shows the block means of the losses an unbounded session records, at the
    /// steps they end at, and says so; save and restore keep it.
    func testTrainShowAndPlotOfABoundedHistory() throws {
        let setup = "seed 4\ndataset d = xor()\nlayer h = dense(2 -> 4, tanh)\nlayer o = dense(4 -> 1, sigmoid)\nloss mse\noptimizer sgd(lr: 0.5)"
        let exact = Recorder(), bounded = Recorder()
        exact.run(setup)
        bounded.run(setup)
        bounded.session.state.lossHistory = LossHistory(limit: 8)
        bounded.session.state.training.epochHistory = LossHistory(limit: 8)
        exact.run("train d.x, d.y, epochs: 20")
        let out = bounded.run("train d.x, d.y, epochs: 20")
        let losses = exact.session.state.history
        XCTAssertEqual(losses.count, 20)
        let means = blockMeans(losses, width: 4)
        XCTAssertEqual(bounded.session.state.history.count, 5)
        for (a, b) in zip(bounded.session.state.history, means) { XCTAssertEqual(a, b, accuracy: 1e-15) }
        // The same training: the parameters agree.
        XCTAssertEqual(bounded.value("o.W"), exact.value("o.W"))

        // show history: the step each entry ends at, and what an entry is.
        let shown = bounded.run("show history")
        guard case .table(let table) = shown.first?.0 else { return XCTFail("a table, got \(shown)") }
        XCTAssertEqual(table.rows.map { $0[0] }, [4, 8, 12, 16, 20].map { Cell.number(Double($0)) })
        XCTAssertEqual(table.footer, ["each entry is the mean of 4 consecutive steps: the history keeps at most \(LossHistory.maxEntries) entries (20 steps recorded)"])
        // plot loss: drawn at those steps.
        guard case .plot(let plot) = bounded.run("plot loss").first?.0 else { return XCTFail("a plot") }
        XCTAssertEqual(plot.series[0].x, [4, 8, 12, 16, 20])
        XCTAssertEqual(plot.title, "loss (each point the mean of 4 steps)")
        // train's own curve (its run kept every step: 20 are fewer than maxEntries).
        guard case .plot(let curve) = out.first?.0 else { return XCTFail("a curve") }
        XCTAssertEqual(curve.series[0].y, losses)

        // save and restore keep the merged history and what it stands for.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        bounded.session.baseDirectory = dir.path
        bounded.run("save \"s.json\"")
        let restored = Recorder()
        restored.session.baseDirectory = dir.path
        restored.run("restore \"s.json\"")
        XCTAssertEqual(restored.session.state.lossHistory, bounded.session.state.lossHistory)
        XCTAssertEqual(restored.session.state.lossHistory.stride, 4)
        XCTAssertEqual(restored.session.state.lossHistory.steps, 20)
        // A stride that does not fit the entries is refused, naming the fields.
        let text = try String(contentsOf: dir.appendingPathComponent("s.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "\"historyStride\":4", with: "\"historyStride\":2")
            .write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(restored.fail("restore \"bad.json\"")?.message,
                       "cannot restore 'bad.json': the session file is damaged: history (5 entries), historyStride and historySteps do not fit together")
        // A number that is not a whole one is named by its field, as every count of the file is.
        try text.replacingOccurrences(of: "\"historyStride\":4", with: "\"historyStride\":1e300")
            .write(to: dir.appendingPathComponent("huge.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(restored.fail("restore \"huge.json\"")?.message,
                       "cannot restore 'huge.json': the session file is damaged: historyStride is 1e+300; a whole number is expected here")
    }

    /// A file written before the history was bounded (no stride) with more entries than
    /// the limit is merged as it is read.
    func testAnOldFileWithAnUnboundedHistoryIsMergedAsItIsRead() throws {
        let entries = (0..<(LossHistory.maxEntries + 3)).map { Double($0 % 7) }
        let h = try XCTUnwrap(LossHistory(entries: entries, stride: nil, steps: nil))
        XCTAssertEqual(h.stride, 2)
        XCTAssertEqual(h.steps, entries.count)
        XCTAssertEqual(h.values, blockMeans(entries, width: 2))
    }
}
