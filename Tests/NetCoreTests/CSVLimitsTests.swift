import XCTest
@testable import NetCore

/// Issue 10: files a student might point `load` at by mistake, and fields that are not
/// decimal numbers, give located errors; nothing is read whole into memory first.
final class CSVLimitsTests: XCTestCase {
    func message(_ text: String, label: CSVLoader.LabelColumn? = nil) -> String? {
        do { _ = try CSVLoader.parse(text, label: label, fileName: "f.csv"); return nil } catch {
            return (error as? DataError)?.message ?? "\(error)"
        }
    }

    /// The first reproducers: Swift's Double("0x10") is 16 and C's strtod stops at a NUL,
    /// so both were read silently as numbers.
    func testHexadecimalAndNULAreErrorsWithFileLineColumn() {
        XCTAssertEqual(message("a,b\n1,0x10\n"), "row 1, column 2 (f.csv:2:3): '0x10' is not a number")
        XCTAssertEqual(message("a,b\n1,2\0\n"), "row 1, column 2 (f.csv:2:3): '2\\0' is not a number")
        XCTAssertEqual(message("a,b\n1,2\n3,\u{1B}[2J\n"), "row 2, column 2 (f.csv:3:3): '\\u{1b}[2J' is not a number")
        for bad in ["inf", "nan", "1e999", "1_000", "--1", "1e", ".", "+", "1.2.3", "½", "0b1", "١"] {
            XCTAssertEqual(message("a\n\(bad)\n"), "row 1, column 1 (f.csv:2:1): '\(bad)' is not a number", bad)
        }
    }

    func testDecimalFormsBlanksAndQuotesStillRead() throws {
        let d = try CSVLoader.parse("a,b,c,d,e,f\n 1 ,-2.5,.5,3.,1e-3,\"7\"\n+4,1E+2,\t0\t,\u{A0}6\u{A0},-0,8\n", label: nil)
        XCTAssertEqual(d.x, Tensor([[1, -2.5, 0.5, 3, 0.001, 7], [4, 100, 0, 6, -0.0, 8]]))
    }

    /// Python's csv module with universal newlines reads "\r" alone as a line end; so does NetBook.
    func testCROnlyAndMixedLineEnds() throws {
        let cr = try CSVLoader.parse("x,label\r1,2\r3,1\r", label: .name("label"))
        XCTAssertEqual(cr.x, Tensor([[1], [3]]))
        XCTAssertEqual(cr.y, Tensor([[2], [1]]))
        let mixed = try CSVLoader.parse("x,y\n1,2\r\n3,4\r5,6", label: nil)
        XCTAssertEqual(mixed.x, Tensor([[1, 2], [3, 4], [5, 6]]))
        XCTAssertEqual(message("a,b\r1,2\r3\r"), "row 2 (f.csv:3) has 1 columns; the header has 2")
    }

    /// "\r\n" split between two 64 KB chunks is one line end, not two.
    func testLineEndSplitAcrossChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // "a\r\n", 21840 rows "1\r\n", "12345678\r\n": 65533 bytes; then "12\r\n" puts its
        // "\r" at byte 65535, the last of the first chunk, and its "\n" first in the next.
        var bytes = Array("a\r\n".utf8)
        for _ in 0..<21840 { bytes += Array("1\r\n".utf8) }
        bytes += Array("12345678\r\n".utf8)
        XCTAssertEqual(bytes.count + 2, FileStream.chunkSize - 1)
        bytes += Array("12\r\n3\r\n".utf8)
        let rows = 21840 + 3
        let text = String(decoding: bytes, as: UTF8.self)
        try text.write(to: url, atomically: true, encoding: .utf8)
        let d = try CSVLoader.load(path: url.path, label: nil)
        XCTAssertEqual(d.x.rows, rows)
        XCTAssertEqual(d.x.data.suffix(3), [12345678, 12, 3])
    }

    /// The first reproducer: a 1 GB CSV of one line aborted the process; the line limit
    /// stops it after the first megabyte (here 3 MB, streamed from disk).
    func testOneLongLineIsRefusedWhileStreaming() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(("a,b\n" + String(repeating: "1,", count: 1_500_000)).utf8).write(to: url)
        XCTAssertThrowsError(try CSVLoader.load(path: url.path, label: nil)) {
            XCTAssertEqual(($0 as? DataError)?.message,
                           "line 2 of \(url.lastPathComponent) is longer than 1.0 MB (the limit for one row); is it a CSV file with one row per line?")
        }
    }

    func testDevicesDirectoriesAndFIFOsAreNotRead() throws {
        XCTAssertThrowsError(try CSVLoader.load(path: "/dev/zero", label: nil)) {
            XCTAssertEqual(($0 as? DataError)?.message, "cannot read '/dev/zero': it is a device, not a regular file")
        }
        let dir = FileManager.default.temporaryDirectory.path
        XCTAssertThrowsError(try CSVLoader.load(path: dir, label: nil)) {
            XCTAssertEqual(($0 as? DataError)?.message, "cannot read '\(dir)': it is a directory, not a regular file")
        }
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer { unlink(fifo) }
        XCTAssertThrowsError(try CSVLoader.load(path: fifo, label: nil)) {
            XCTAssertEqual(($0 as? DataError)?.message, "cannot read '\(fifo)': it is a FIFO (named pipe), not a regular file")
        }
    }

    /// The numbers are reserved in the session's budget as they stream in.
    func testTheBudgetStopsALoadPartWay() {
        var text = "a,b,c,d\n"
        for i in 0..<5000 { text += "\(i),1,2,3\n" }
        let budget = MemoryBudget(limit: 64_000, used: 10_000)
        // x grows to 1024, 2048, 4096 numbers (8 bytes each, 32768 bytes reserved by then);
        // growing to 8192 after about 1024 rows of 4 needs 4096 more (32.8 KB) of the 21.2 KB
        // left. The allocator may round a capacity up a little, and by how much depends on
        // the heap's state (malloc_usable_size): 32.8 or 32.9 KB on the same machine, so the
        // size asked is checked to 0.1 KB, what is left exactly.
        XCTAssertThrowsError(try CSVLoader.parse(text, label: nil, fileName: "f.csv", budget: budget)) {
            let message = ($0 as? LimitError)?.message ?? ""
            let asked = message.range(of: #" rows read so far\) needs 32\.[89] KB, but only 21\.2 KB of the session's 64\.0 KB memory budget is left$"#,
                                      options: .regularExpression)
            XCTAssertNotNil(asked, message)
            let rows = Int(message.dropFirst("f.csv (".count).prefix { $0.isNumber }) ?? 0
            XCTAssertTrue((1024...1040).contains(rows), message)
        }
    }
}
