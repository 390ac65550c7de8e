import Foundation
import XCTest
@testable import JupyterKernel

/// The kernel's JSON writer, read back by Foundation's parser (an independent reader):
/// what a client parses must be what the kernel meant to send.
final class JSONWriterTests: XCTestCase {
    private func parsed(_ object: [String: Any]) throws -> [String: Any] {
        let data = JSONWriter.data(object)
        let back = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try XCTUnwrap(back, String(decoding: data, as: UTF8.self))
    }

    func testStringsWithQuotesBackslashesControlsAndUnicodeReadBackUnchanged() throws {
        let texts = ["say \"hi\"", #"C:\path\n"#, "line 1\nline 2\r\n\tend", "bell\u{07} nul\u{00} esc\u{1B}",
                     "학습률 η = 0.1 → ∂L/∂w 🎯", "a/b </script>", ""]
        for text in texts {
            XCTAssertEqual(try parsed(["s": text])["s"] as? String, text)
        }
        let written = String(decoding: JSONWriter.data(["s": "\u{01}"]), as: UTF8.self)
        XCTAssertEqual(written, #"{"s":"\u0001"}"#)
    }

    func testNumbersKeepTheirKindAndValue() throws {
        let values: [Double] = [0.1, -2.5, 1e-7, 6.02e23, 1.0 / 3.0, 123456.789, -0.000123]
        let back = try parsed(["xs": values, "i": 42, "neg": -7, "big": Int.max, "whole": 3.0, "yes": true, "no": false])
        let xs = try XCTUnwrap(back["xs"] as? [Double])
        XCTAssertEqual(xs, values, "doubles read back to the same value")
        XCTAssertEqual(back["i"] as? Int, 42)
        XCTAssertEqual(back["neg"] as? Int, -7)
        XCTAssertEqual(back["big"] as? Int, Int.max)
        XCTAssertEqual(back["whole"] as? Double, 3.0)
        XCTAssertEqual(String(cString: try XCTUnwrap(back["yes"] as? NSNumber).objCType), "c", "true stays a boolean")
        XCTAssertEqual(back["no"] as? Bool, false)
    }

    func testNestingNullAndOddValues() throws {
        struct Odd: CustomStringConvertible { var description: String { "odd value" } }
        let back = try parsed(["data": ["text/plain": "1", "list": [1, "two", [3.5], ["k": JSONNull.value]] as [Any]] as [String: Any],
                               "empty": [String: Any](), "none": [Any](), "nan": Double.nan, "odd": Odd(),
                               "float": Float(0.5), "int32": Int32(-3), "nilString": String?.none as Any])
        let data = try XCTUnwrap(back["data"] as? [String: Any])
        XCTAssertEqual(data["text/plain"] as? String, "1")
        let list = try XCTUnwrap(data["list"] as? [Any])
        XCTAssertEqual(list.count, 4)
        XCTAssertEqual(list[1] as? String, "two")
        XCTAssertEqual(list[2] as? [Double], [3.5])
        XCTAssertTrue((list[3] as? [String: Any])?["k"] is NSNull)
        XCTAssertEqual((back["empty"] as? [String: Any])?.count, 0)
        XCTAssertEqual((back["none"] as? [Any])?.count, 0)
        XCTAssertTrue(back["nan"] is NSNull)
        XCTAssertEqual(back["odd"] as? String, "odd value")
        XCTAssertEqual(back["float"] as? Double, 0.5)
        XCTAssertEqual(back["int32"] as? Int, -3)
        XCTAssertTrue(back["nilString"] is NSNull, "a nil of any Optional type is null")
    }

    func testMessageIDsAreDistinctWithinASession() {
        let session = KernelSessionID()
        let ids = (0..<1000).map { _ in MessageHeader.make(type: "status", session: session)["msg_id"] as? String ?? "" }
        XCTAssertEqual(Set(ids).count, 1000)
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix(session.session + "_") })
    }
}
