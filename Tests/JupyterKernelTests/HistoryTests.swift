import XCTest
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
        XCTAssertEqual(history.tail(2, output: false).map { $0[2] as? String }, ["tensor a = 1", "tensor c = 3"])
        let withOutput = history.tail(1, output: true)[0][2] as? [Any]
        XCTAssertEqual(withOutput?[1] as? String, "out 5")
        // A cell without a result: its output is JSON null.
        let printed = history.search(pattern: "print*", n: 1, unique: false, output: true).first?[2] as? [Any]
        XCTAssertEqual(printed?.count, 2)
        XCTAssertTrue(printed.map { JSONNull.isNull($0[1]) } ?? false)
        XCTAssertTrue(String(decoding: JSONWriter.data(["h": printed as Any]), as: UTF8.self).hasSuffix(",null]}"))
    }

    func testRangeEchoesSessionAndLines() {
        let rows = history.range(session: 1, start: 2, stop: 4, output: false)
        XCTAssertEqual(rows.map { $0[0] as? Int }, [1, 1])
        XCTAssertEqual(rows.map { $0[1] as? Int }, [2, 3])
        XCTAssertEqual(history.range(session: 0, start: 5, stop: nil, output: false).map { $0[0] as? Int }, [0])
        XCTAssertTrue(history.range(session: -1, start: 1, stop: nil, output: false).isEmpty)
    }

    func testSearchGlobUniqueAndN() {
        XCTAssertEqual(history.search(pattern: "tensor a*", n: nil, unique: false, output: false).count, 2)
        XCTAssertEqual(history.search(pattern: "tensor a*", n: nil, unique: true, output: false).map { $0[1] as? Int }, [4])
        XCTAssertEqual(history.search(pattern: "tensor ? = *", n: 2, unique: false, output: false).map { $0[1] as? Int }, [4, 5])
        XCTAssertTrue(history.search(pattern: "tensor", n: nil, unique: false, output: false).isEmpty)  // whole input
    }
}
