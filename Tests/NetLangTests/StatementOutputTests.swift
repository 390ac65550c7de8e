import XCTest
@testable import NetLang
import NetCore

/// What print, plot loss, plot decision, show history and load say: tiny values and
/// rounding noise, `;`, an empty history, named classes, the rows a preview shows.
final class StatementOutputTests: XCTestCase {
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
