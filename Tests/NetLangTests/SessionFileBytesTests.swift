import Foundation
import XCTest
@testable import NetLang
import NetCore

/// `save` writes the bytes Foundation's JSONEncoder wrote before the session file had its
/// own streaming writer (same keys in the same order, numbers in the same form, nan and
/// inf as strings, "/" escaped), so files saved before and after compare equal.
extension SaveRestoreTests {
    func testSavedBytesAreFoundationsEncoding() throws {
        let r = Recorder()
        r.run(busy + "\ntrain s.x, s.y, epochs: 2, batch: 5\nforward s.x\ndataset B = xor()\ndataset x10 = xor()\ndataset x9 = xor()")
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys]
        foundation.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let expected = try foundation.encode(SessionArchive.file(from: r.session.state))
        let ours = try SessionArchive.encode(r.session.state)
        XCTAssertEqual(String(decoding: ours, as: UTF8.self), String(decoding: expected, as: UTF8.self))
        XCTAssertTrue(String(decoding: ours, as: UTF8.self).contains("\"nan\""), "the file holds a nan")
        // And the file reads back to the same file.
        let back = try SessionArchive.encode(try SessionArchive.decode(ours))
        XCTAssertEqual(back, ours)
    }

    /// A file that is not JSON says where it stops being JSON.
    func testBadJSONIsLocated() throws {
        try assertRefused(Data("{\"format\": \"netbook-session\",\n \"version\": 1,\n \"settings\" {}}".utf8),
                          "it is not valid JSON (is it truncated?); at line 3, column 13 (byte 57): expected ':' after the key")
        try assertRefused(Data("[1, 2]".utf8), "not a NetBook session file: it holds an array, not an object")
    }
}
