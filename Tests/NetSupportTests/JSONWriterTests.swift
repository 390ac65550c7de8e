import Foundation
import XCTest
import NetSupport

/// The writer against Foundation's JSONEncoder (the bytes session files had) and parser,
/// in memory and streamed in chunks with a check that stops it.
final class JSONWriterTests: XCTestCase {
    private struct Record: Codable, Equatable {
        var name: String
        var values: [Double]
        var count: Int
        var note: String?
        var table: [String: [Int]]
    }

    private let sample = Record(name: "a/\"b\"\n\u{1}é", values: [0.1, -0.0, 1, 1e15, 9007199254740994, 1e16, 1e-7, 2.5e20, 5e-324, .infinity, .nan],
                                count: Int.max, note: nil, table: ["x10": [1], "x9": [2], "B": [3], "a": [4], "_": []])

    private let names = JSONValueDecoder.NonConformingFloats(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// Encoded with sorted keys and streamed with escaped slashes, the bytes are Foundation's.
    func testSameBytesAsFoundationsEncoder() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys]
        foundation.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var record = sample
        record.name = "a/b"   // Foundation escapes control characters its own way; ours is RFC 8259's
        let expected = String(decoding: try foundation.encode(record), as: UTF8.self)
        let value = try JSONValueEncoder(sortedKeys: true, nonConformingFloats: names).encode(record)
        var streamed: [UInt8] = []
        var writer = JSONWriter(chunkSize: 7, escapesSlashes: true) { streamed.append(contentsOf: $0) }
        try writer.write(value)
        try writer.finish()
        XCTAssertEqual(String(decoding: streamed, as: UTF8.self), expected)
        XCTAssertEqual(writer.count, streamed.count)
    }

    /// Whatever is written reads back (through our reader and Foundation's) as it was.
    func testRoundTrip() throws {
        let value = try JSONValueEncoder(nonConformingFloats: names).encode(sample)
        let bytes = JSONWriter.bytes(value)
        XCTAssertEqual(JSONWriter.bytes(try JSONReader.read(bytes)), bytes)
        let back = try JSONValueDecoder(nonConformingFloats: names).decode(Record.self, from: try JSONReader.read(bytes))
        XCTAssertEqual(back.values.map(\.bitPattern).dropLast(), sample.values.map(\.bitPattern).dropLast())
        XCTAssertTrue(back.values.last!.isNaN)
        XCTAssertEqual(back.table, sample.table)
        XCTAssertEqual(back.count, Int.max)
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        XCTAssertEqual(foundation["name"] as? String, sample.name)
    }

    func testNonFiniteNumbersAreNullWithoutNames() {
        XCTAssertEqual(JSONWriter.text([.number(.nan), .number(-.infinity), .number(2)]), "[null,null,2]")
    }

    func testTheCheckStopsTheWritingAndNothingIsLeftAfterIt() {
        struct Stop: Error {}
        let big = JSONValue.array((0..<100_000).map { .number(Double($0) + 0.5) })
        var calls = 0, chunks = 0
        var writer = JSONWriter(check: { calls += 1; if calls == 2 { throw Stop() } }) { _ in chunks += 1 }
        XCTAssertThrowsError(try writer.write(big)) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(calls, 2)
        XCTAssertLessThan(chunks, 3, "stopped after about 2 × 4096 values")
    }

    func testDecodingErrorsNameTheField() throws {
        let value = try JSONReader.read(#"{"name": 7, "values": [], "count": 1, "table": {}}"#)
        XCTAssertThrowsError(try JSONValueDecoder().decode(Record.self, from: value)) { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["name"])
            XCTAssertEqual(context.debugDescription, "Expected to decode String but found a number instead.")
        }
        let fraction = try JSONReader.read(#"{"name": "", "values": [1, "x"], "count": 2.5, "table": {}}"#)
        XCTAssertThrowsError(try JSONValueDecoder().decode(Record.self, from: fraction)) { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }, ["values", "1"])
        }
        let missing = try JSONReader.read(#"{"name": "", "values": [], "count": 2.5}"#)
        XCTAssertThrowsError(try JSONValueDecoder().decode(Record.self, from: missing)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["count"])
        }
    }
}
