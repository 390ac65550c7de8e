import XCTest
import NetSupport
@testable import JupyterKernel

final class HistoryTests: XCTestCase {
    var history: History = {
        var h = History()
        for (line, input) in ["tensor a = 1", "tensor b = 2", "print a", "tensor a = 1", "tensor c = 3"].enumerated() {
            h.record(line: line + 1, input: input, output: input.hasPrefix("print") ? nil : "out \(line + 1)")
        }
        return h
    }()

    func testTail() {
        XCTAssertEqual(history.tail(2, output: false).map { $0[2]?.string }, ["tensor a = 1", "tensor c = 3"])
        let withOutput = history.tail(1, output: true)[0][2]
        XCTAssertEqual(withOutput?[1]?.string, "out 5")
        // A cell without a result: its output is JSON null.
        let printed = history.search(pattern: "print*", n: 1, unique: false, output: true).first?[2]
        XCTAssertEqual(printed?.array?.count, 2)
        XCTAssertEqual(printed?[1], .null)
        XCTAssertTrue(JSONWriter.text(["h": printed ?? .null]).hasSuffix(",null]}"))
    }

    func testRangeEchoesSessionAndLines() {
        let rows = history.range(session: 1, start: 2, stop: 4, output: false)
        XCTAssertEqual(rows.map { $0[0]?.int }, [1, 1])
        XCTAssertEqual(rows.map { $0[1]?.int }, [2, 3])
        XCTAssertEqual(history.range(session: 0, start: 5, stop: nil, output: false).map { $0[0]?.int }, [0])
        XCTAssertTrue(history.range(session: -1, start: 1, stop: nil, output: false).isEmpty)
    }

    func testSearchGlobUniqueAndN() {
        XCTAssertEqual(history.search(pattern: "tensor a*", n: nil, unique: false, output: false).count, 2)
        XCTAssertEqual(history.search(pattern: "tensor a*", n: nil, unique: true, output: false).map { $0[1]?.int }, [4])
        XCTAssertEqual(history.search(pattern: "tensor ? = *", n: 2, unique: false, output: false).map { $0[1]?.int }, [4, 5])
        XCTAssertTrue(history.search(pattern: "tensor", n: nil, unique: false, output: false).isEmpty)  // whole input
    }

    /// A long session keeps the recent cells within the bounds, oldest forgotten first.
    func testHistoryIsBoundedByCountAndBytes() {
        var h = History(maximumEntries: 100, maximumBytes: 10_000, maximumEntryBytes: 1_000)
        for line in 1...500 { h.record(line: line, input: "tensor a\(line) = \(line)", output: nil) }
        XCTAssertEqual(h.entries.count, 100)
        XCTAssertEqual(h.entries.first?.line, 401)
        XCTAssertEqual(h.tail(1, output: false).first?[2]?.string, "tensor a500 = 500")

        for line in 501...600 { h.record(line: line, input: String(repeating: "x", count: 900), output: "é") }
        XCTAssertLessThanOrEqual(h.storedBytes, 10_000)
        XCTAssertEqual(h.storedBytes, h.entries.reduce(0) { $0 + $1.input.utf8.count + ($1.output?.utf8.count ?? 0) })
        XCTAssertEqual(h.entries.last?.line, 600)
        XCTAssertEqual(h.entries.count, 11)   // 11 × (900 + 2) bytes fit in 10 000, 12 do not
    }

    /// One huge cell is kept cut, with a note saying so, never split inside a character.
    func testAHugeCellIsCut() {
        var h = History(maximumEntries: 10, maximumBytes: 100_000, maximumEntryBytes: 1_000)
        h.record(line: 1, input: String(repeating: "한", count: 2_000), output: nil)
        let kept = h.entries[0].input
        XCTAssertLessThanOrEqual(kept.utf8.count, 1_000)
        XCTAssertTrue(kept.hasPrefix("한한한"))
        XCTAssertTrue(kept.hasSuffix("… (cut: 6000 bytes, history keeps 1000)"), kept.suffix(60).description)
    }
}
