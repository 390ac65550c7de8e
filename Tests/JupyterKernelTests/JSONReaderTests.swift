import Foundation
import XCTest
@testable import JupyterKernel

/// The kernel's JSON reader (FoundationEssentials' JSONDecoder into plain Swift values),
/// against Foundation's JSONSerialization, which read messages before: the same objects
/// are accepted, the same are refused, and values keep their kinds.
final class JSONReaderTests: XCTestCase {
    func testValuesHaveTheKindsTheKernelReads() throws {
        let text = #"{"s":"a\"b\\c\n\u00e9\ud83c\udfaf","t":true,"f":false,"i":42,"neg":-7,"big":9223372036854775807,"#
            + #""x":0.5,"e":1e-7,"n":null,"a":[1,"two",[3.5],{"k":null}],"o":{"nested":{"deep":[]}},"empty":{}}"#
        let d = try XCTUnwrap(JSONReader.object(Data(text.utf8)))
        XCTAssertEqual(d["s"] as? String, "a\"b\\c\né🎯")
        XCTAssertEqual(d["t"] as? Bool, true)
        XCTAssertEqual(d["f"] as? Bool, false)
        XCTAssertNil(d["t"] as? Int, "a boolean is not a number")
        XCTAssertEqual(d["i"] as? Int, 42)
        XCTAssertEqual(d["neg"] as? Int, -7)
        XCTAssertEqual(d["big"] as? Int, Int.max)
        XCTAssertEqual(d["x"] as? Double, 0.5)
        XCTAssertEqual(d["e"] as? Double, 1e-7)
        XCTAssertTrue(JSONNull.isNull(try XCTUnwrap(d["n"])))
        XCTAssertNil(d["n"] as? String)
        let a = try XCTUnwrap(d["a"] as? [Any])
        XCTAssertEqual(a.count, 4)
        XCTAssertEqual(a[0] as? Int, 1)
        XCTAssertEqual(a[1] as? String, "two")
        XCTAssertEqual(a[2] as? [Double], [3.5])
        XCTAssertTrue(JSONNull.isNull(try XCTUnwrap((a[3] as? [String: Any])?["k"])))
        let nested = (d["o"] as? [String: Any])?["nested"] as? [String: Any]
        XCTAssertEqual((nested?["deep"] as? [Any])?.count, 0)
        XCTAssertEqual((d["empty"] as? [String: Any])?.count, 0)
    }

    func testAcceptsAndRefusesWhatJSONSerializationDid() {
        let documents = [
            "{}", " { \"a\" : 1 } \n", #"{"a":[]}"#, #"{"a":{"b":{"c":[null]}}}"#, #"{"a":-0.0,"b":1E+2}"#,
            // Refused: not JSON, or JSON but not an object.
            "", " ", "{nope", "{\"a\":1", "{\"a\":1}}", "{'a':1}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":.5}",
            "[1]", "\"text\"", "1", "null", "true", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":\"\u{01}\"}",
            String(repeating: "[", count: 10_000),
        ]
        for text in documents {
            let reference = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            XCTAssertEqual(JSONReader.object(Data(text.utf8)) != nil, reference != nil, text.prefix(40).description)
        }
        XCTAssertNil(JSONReader.object(Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])), "invalid UTF-8")
    }

    func testReadBackWhatTheWriterWrote() throws {
        let object: [String: Any] = ["header": ["msg_id": "m_1", "date": "2026-01-01T00:00:00.000000Z"],
                                     "list": [1, 2.5, true, JSONNull.value, "x"] as [Any], "escaped": "tab\tquote\""]
        let back = try XCTUnwrap(JSONReader.object(JSONWriter.data(object)))
        XCTAssertEqual(String(decoding: JSONWriter.data(back), as: UTF8.self).count,
                       String(decoding: JSONWriter.data(object), as: UTF8.self).count)
        XCTAssertEqual((back["header"] as? [String: Any])?["msg_id"] as? String, "m_1")
        XCTAssertEqual(back["escaped"] as? String, "tab\tquote\"")
    }

    func testJSONNullIsANilOfAnyOptionalType() {
        XCTAssertTrue(JSONNull.isNull(JSONNull.value))
        XCTAssertTrue(JSONNull.isNull(String?.none as Any))
        XCTAssertFalse(JSONNull.isNull("null"))
        XCTAssertFalse(JSONNull.isNull(0))
        XCTAssertFalse(JSONNull.isNull(Optional("x") as Any))
    }

    func testAStdioLineThatIsNotJSONIsRefusedWithAReason() {
        for line in ["{nope", "[1,2]", #"{"channel":"shell","header":{"msg_id":"1"}}"#] {
            XCTAssertThrowsError(try StdioKernelServer.parse(line)) { XCTAssertFalse("\($0)".isEmpty) }
        }
        XCTAssertThrowsError(try StdioKernelServer.parse("{nope")) { XCTAssertEqual("\($0)", "not a JSON object") }
    }
}
