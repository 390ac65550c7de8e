import Foundation
import XCTest
@testable import NetSupport

/// `replacingEvery` replaced Foundation's `replacingOccurrences(of:with:)` in the engine;
/// it must match the same places, including Foundation's treatment of "\r\n" and accents.
final class TextReplaceTests: XCTestCase {
    func testMatchesFoundation() {
        let cases: [(String, String, String)] = [
            ("a\nb\tc", "\n", " "), ("a\r\nb", "\n", " "), ("a\r\nb", "\r", "R"), ("a\r\nb", "\r\n", "+"),
            ("a\n\u{301}b", "\n", " "), ("a\t\u{301}", "\t", " "), ("x\u{E9}y", "e\u{301}", "E"),
            ("xe\u{301}y", "\u{E9}", "E"), ("xe\u{301}y", "e", "E"), ("∂E/∂o1", "∂", ""), ("∂\u{301}E", "∂", ""),
            ("id=\"@ID@clip\" url(#@ID@clip) @ID@", "@ID@", "nb1x-"), ("a@ID@\u{301}b", "@ID@", "Q"),
            ("`a|b`", "`", "'"), ("a|b||", "|", "\\|"), ("", "x", "y"), ("xxx", "xx", "y"), ("A", "a", "x"),
        ]
        for (s, target, replacement) in cases {
            let expected = s.replacingOccurrences(of: target, with: replacement)
            let got = s.replacingEvery(target, with: replacement)
            XCTAssertEqual(Array(got.unicodeScalars), Array(expected.unicodeScalars), "\(s.debugDescription) \(target.debugDescription)")
            XCTAssertEqual(Array(s[...].replacingEvery(target, with: replacement).unicodeScalars), Array(expected.unicodeScalars))
        }
    }
}
