import Foundation
import XCTest
import NetSupport

/// The reader against Foundation's JSONSerialization (an independent parser): the same
/// values for good text, a located error for bad text, and an interrupt that stops it.
final class JSONReaderTests: XCTestCase {
    private func read(_ text: String) throws -> JSONValue { try JSONReader.read(text) }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONReader.Failure? {
        do {
            _ = try read(text)
            XCTFail("read: \(text)", file: file, line: line)
            return nil
        } catch let failure as JSONReader.Failure {
            return failure
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testValuesOfEveryKind() throws {
        let value = try read(#" {"s": "a\"\\\/\n\u00e9\ud83d\ude00", "n": [0, -1, 2.5, 1e-7, -0.0, 1E3], "t": true, "f": false, "z": null, "o": {}} "#)
        XCTAssertEqual(value["s"], .string("a\"\\/\né😀"))
        XCTAssertEqual(value["n"], .array([.integer(0), .integer(-1), .number(2.5), .number(1e-7), .number(-0.0), .number(1000)]))
        XCTAssertEqual(value["t"], .bool(true))
        XCTAssertEqual(value["f"], .bool(false))
        XCTAssertEqual(value["z"], .null)
        XCTAssertEqual(value["o"], .object(JSONObject()))
        XCTAssertEqual(value.object?.keys, ["s", "n", "t", "f", "z", "o"], "keys keep their order")
    }

    /// Integers keep every digit; beyond Int they are Doubles, as Foundation reads them.
    func testIntegersAndDoublesAgreeWithFoundation() throws {
        let text = "[9223372036854775807, -9223372036854775808, 9223372036854775808, 0.1, 123456789.123456789, 5e-324, 1.7976931348623157e308]"
        let ours = try read(text).array!
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [NSNumber]
        XCTAssertEqual(ours[0], .integer(Int.max))
        XCTAssertEqual(ours[1], .integer(Int.min))
        for (a, b) in zip(ours, theirs) { XCTAssertEqual(a.double, b.doubleValue) }
    }

    func testBadTextIsALocatedError() {
        XCTAssertEqual(failure("{nope")?.description, "line 1, column 2 (byte 1): expected a string key in quotes")
        XCTAssertEqual(failure("{\"a\": 1,\n \"b\" 2}")?.description, "line 2, column 6 (byte 14): expected ':' after the key")
        XCTAssertEqual(failure("[1, 2")?.reason, "unexpected end of the text (is it truncated?)")
        XCTAssertEqual(failure("[1] x")?.reason, "unexpected text after the JSON value")
        XCTAssertEqual(failure("[01]")?.reason, "a number cannot start with 0")
        XCTAssertEqual(failure("[1e400]")?.description, "line 1, column 2 (byte 1): the number 1e400 is too large for a Double")
        XCTAssertEqual(failure("\"a\u{1}\"")?.reason, "a control character (byte 1) in a string must be escaped")
        XCTAssertEqual(failure(#""\ud800x""#)?.reason, "a \\u escape of a high surrogate is not followed by a low one")
        XCTAssertEqual(failure(#""\x""#)?.reason, "unknown escape '\\x' in a string")
        XCTAssertEqual(failure("tru")?.offset, 0)
        XCTAssertEqual(failure("")?.reason, "unexpected end of the text (is it truncated?)")
        XCTAssertEqual(failure("[NaN]")?.column, 2)
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertThrowsError(try JSONReader.read([UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\"")])) { error in
            XCTAssertEqual((error as? JSONReader.Failure)?.reason, "a string is not valid UTF-8")
        }
    }

    /// Nesting deeper than the limit is an error, not a stack overflow.
    func testNestingIsLimited() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertEqual(failure(deep)?.reason, "nested more than 256 levels deep")
        let fine = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        XCTAssertNoThrow(try read(fine))
        XCTAssertEqual(failure(String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300))?.offset, 5 * 256)
    }

    /// The check runs while a large text is read, and its error stops the reading.
    func testTheCheckStopsTheReading() {
        struct Stop: Error {}
        let text = Array(("[" + (0..<100_000).map(String.init).joined(separator: ",") + "]").utf8)
        var calls = 0
        XCTAssertThrowsError(try JSONReader.read(text, check: { calls += 1; if calls == 3 { throw Stop() } })) { error in
            XCTAssertTrue(error is Stop)
        }
        XCTAssertEqual(calls, 3)
        calls = 0
        XCTAssertNoThrow(try JSONReader.read(text, check: { calls += 1 }))
        XCTAssertEqual(calls, 100_001 / JSONReader.valuesPerCheck)
    }

    /// Random bytes and random cuts of good text: an error or a value, never a crash.
    func testGarbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let good = Array(#"{"a": [1, 2.5, "x\u00e9", {"b": null}], "c": true}"#.utf8)
        for _ in 0..<2000 {
            var bytes = good
            for _ in 0..<3 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = try? JSONReader.read(Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))))
        }
    }
}
