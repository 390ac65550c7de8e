import Dispatch
import Foundation
import XCTest
@testable import NetLang
import NetCore

/// Runs cells and keeps what they emitted, for assertions that read like the lesson.
final class Recorder {
    let session = Session()
    var outputs: [(Output, OutputRole)] = []

    /// Runs a cell that must succeed; returns its outputs.
    @discardableResult
    func run(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> [(Output, OutputRole)] {
        var emitted: [(Output, OutputRole)] = []
        let error = session.run(code) { emitted.append(($0, $1)) }
        if let error { XCTFail("unexpected error: \(error.formatted)", file: file, line: line) }
        outputs += emitted
        return emitted
    }

    /// Runs a cell that must fail; returns the error.
    func fail(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> NetError? {
        let error = session.run(code) { _, _ in }
        if error == nil { XCTFail("expected an error for: \(code)", file: file, line: line) }
        return error
    }

    /// The value of a tensor expression in the session.
    func value(_ expr: String, file: StaticString = #filePath, line: UInt = #line) -> Tensor? {
        var result: Tensor?
        let error = session.run("show \(expr)") { output, _ in
            if case .tensor(let view) = output { result = view.value }
        }
        if let error { XCTFail("unexpected error: \(error.formatted)", file: file, line: line) }
        return result
    }

    func scalar(_ expr: String, file: StaticString = #filePath, line: UInt = #line) -> Double {
        value(expr, file: file, line: line)?.scalar ?? .nan
    }
}

extension Output {
    /// Every table inside this output (looking into groups).
    var tables: [Table] {
        switch self {
        case .table(let t): return [t]
        case .group(let parts): return parts.flatMap(\.tables)
        default: return []
        }
    }
    var tensors: [TensorView] {
        switch self {
        case .tensor(let t): return [t]
        case .group(let parts): return parts.flatMap(\.tensors)
        default: return []
        }
    }
}

extension Table {
    /// The number in `column` of the row whose first cell is `label`.
    func number(row label: String, column: String) -> Double? {
        guard let c = columns.firstIndex(of: column) else { return nil }
        for row in rows where row.first == .text(label) {
            if case .number(let v) = row[c] { return v }
        }
        return nil
    }
}

/// Interrupting a cell from another thread, as the kernel's control thread does
/// (InterruptTests, InterruptSaveRestoreTests).
extension XCTestCase {
    /// Runs `code` on another thread, raises the interrupt after `delay` seconds, and
    /// returns the cell's error and how long the cell took to stop after the interrupt.
    func interrupted(_ r: Recorder, _ code: String, after delay: Double = 0.3,
                     file: StaticString = #filePath, line: UInt = #line) -> (NetError?, Double) {
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread.detachNewThread {
            started.signal()
            outcome.error = r.session.run(code) { _, _ in }
            done.signal()
        }
        started.wait()
        Thread.sleep(forTimeInterval: delay)
        XCTAssertEqual(done.wait(timeout: .now()), .timedOut, "the work finished before the interrupt; make it longer",
                       file: file, line: line)
        let raised = Date()
        r.session.interrupt.raise()
        // A generous bound that only catches a hang; the latency itself is measured by
        // `make bench`-style runs, not asserted (timings are flaky on a shared machine).
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success, "the cell did not stop within 5 s of the interrupt",
                       file: file, line: line)
        let latency = Date().timeIntervalSince(raised)
        print("interrupt latency for \(code.split(separator: "\n").last ?? ""): \(Int(latency * 1000)) ms")
        return (outcome.error, latency)
    }

    /// The worker thread's result, read after `done` is signalled.
}

/// The worker thread's result, read after `done` is signalled.
final class Outcome: @unchecked Sendable { var error: NetError? }
