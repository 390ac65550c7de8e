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
