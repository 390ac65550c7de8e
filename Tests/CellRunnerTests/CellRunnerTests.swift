import Dispatch
import Foundation
import XCTest
import CellRunner
import NetLang
import NetRender

/// What the one cell runner yields, as both front ends receive it: the kernel sends these
/// events as messages, nb-run keeps them in notebooks (test_one_path.py compares the two).
final class CellRunnerTests: XCTestCase {
    /// A train that runs until it is stopped (as conftest.py's LONG_TRAIN_CELL).
    static let longTrain = """
        seed 1
        dataset spiral = spiral(n: 300, classes: 3)
        layer hidden = dense(2 -> 64, relu)
        layer out = dense(64 -> 3, softmax)
        loss cross_entropy
        optimizer adam(lr: 0.01)
        train spiral.x, spiral.y, epochs: 1000000, batch: 10
        """

    /// A readable form of an event, for comparing sequences.
    static func describe(_ event: CellEvent) -> String {
        switch event {
        case .result(let shown): return "result \(shown.bundle.plain.prefix(while: { $0 != "\n" }))"
        case .display(let shown, let id): return "display \(shown == nil ? "empty" : "shown") \(id ?? "-")"
        case .updateDisplay(let shown, let id): return "update \(shown == nil ? "empty" : "shown") \(id)"
        case .stream(let name, let text): return "\(name.rawValue) \(text)"
        case .clearOutput(let wait): return "clear wait: \(wait)"
        }
    }

    func testPrintClearOutputAndTheResultComeInOrderAsData() {
        let runner = CellRunner()
        var events: [String] = []
        let error = runner.run("print \"a\"\nclear_output(wait: true)\ntensor x = [1, 2]", cell: 1) { events.append(Self.describe($0)) }
        XCTAssertNil(error)
        XCTAssertEqual(events, ["stdout a\n", "clear wait: true", "result x (1×2)"])
    }

    func testAnErrorHasItsNameWhereAndWhatAndACaret() throws {
        let runner = CellRunner()
        let error = try XCTUnwrap(runner.run("tensor x = [1, 2]\ntensor y = x + nope", cell: 1) { _ in })
        XCTAssertEqual(error.ename, "NameError")
        XCTAssertTrue(error.evalue.hasPrefix("line 2, column 16: unknown name 'nope'"), error.evalue)
        XCTAssertEqual(error.traceback.last?.trimmingCharacters(in: .whitespaces), "^^^^", "\(error.traceback)")
        XCTAssertEqual(runner.run("tensor z = x * 2", cell: 2) { _ in }?.evalue, nil, "the session goes on")
    }

    /// The timeout stops a cell as an interrupt does; its live display opens empty, is
    /// updated, and is emptied again, and the cell's one error is the timeout.
    func testTheTimeoutStopsACellWithATimeoutErrorAndEmptiesItsLiveDisplay() throws {
        let runner = CellRunner()
        runner.timeout = 1
        var events: [String] = []
        let error = try XCTUnwrap(runner.run(Self.longTrain, cell: 3) { events.append(Self.describe($0)) })
        XCTAssertEqual(error.ename, "TimeoutError")
        XCTAssertTrue(error.evalue.hasPrefix("line 7, column 1: cell 3 ran longer than 1 s (--timeout) and was stopped"), error.evalue)
        let live = events.filter { $0.hasSuffix(" train-1") }
        XCTAssertEqual(live.first, "display empty train-1")
        XCTAssertEqual(live.dropFirst().first, "update shown train-1")
        XCTAssertEqual(live.last, "update empty train-1")
        XCTAssertEqual(runner.run("tensor after = 1", cell: 4) { _ in }?.evalue, nil, "the next cell runs")
    }

    func testAnInterruptFromAnotherThreadStopsTheCell() throws {
        let runner = CellRunner()
        var asked = false
        let error = try XCTUnwrap(runner.run(Self.longTrain, cell: 1) { event in
            // At the first progress: the train is running.
            if case .updateDisplay(_?, _) = event, !asked {
                asked = true
                DispatchQueue.global().async { runner.interrupt() }
            }
        })
        XCTAssertTrue(asked)
        XCTAssertEqual(error.ename, "KeyboardInterrupt")
        XCTAssertTrue(error.evalue.hasPrefix("line 7, column 1: "), error.evalue)
    }
}
