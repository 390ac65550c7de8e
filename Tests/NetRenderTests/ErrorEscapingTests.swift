import Foundation
import XCTest
import NetLang
import NetRender

/// Names, strings and paths from a cell are echoed in errors: a control character in them
/// is shown escaped as Python's repr shows it (\x1b, \r, \t, \u202e), never sent to the
/// terminal, and the caret still sits under the mistake in the escaped line.
final class ErrorEscapingTests: XCTestCase {
    let renderer = Renderer(settings: RenderSettings())

    func error(_ cell: String) throws -> NetError {
        try XCTUnwrap(Session().run(cell) { _, _ in }, "expected an error for \(cell.debugDescription)")
    }

    /// Every character of `text` a terminal would act on (C0 and C1 controls, DEL).
    func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A) || (0x7F...0x9F).contains($0) }
    }

    func testEscapeInAStringIsShownNotSentToTheTerminal() throws {
        let e = try error("print \"\u{1B}[31mred\u{07}\", nope")
        let text = renderer.text(e)
        XCTAssertEqual(controls(text), [], text)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[1], #"  print "\x1b[31mred\x07", nope"#)
        // The caret is under 'nope' as the escaped line prints it.
        let caretColumn = try XCTUnwrap(lines[2].firstIndex(of: "^")).utf16Offset(in: lines[2])
        XCTAssertEqual(caretColumn, (lines[1] as NSString).range(of: "nope").location)
        XCTAssertEqual(lines[2].filter { $0 == "^" }.count, 4)
        XCTAssertEqual(e.formatted, text)
    }

    func testUnterminatedStringWithEscapeSequence() throws {
        let e = try error("tensor x = \"\u{1B}[31m")
        let text = renderer.text(e)
        XCTAssertEqual(controls(text), [], text)
        XCTAssertTrue(text.contains(#"tensor x = "\x1b[31m"#), text)
        XCTAssertEqual(controls(Renderer(settings: RenderSettings(), color: true).text(e)
            .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)), [])
    }

    func testLoadPathWithControlCharactersIsEscapedInTheMessage() throws {
        let e = try error("load d = csv(\"no\u{1B}]0;owned\u{07}such\rfile.csv\")")
        XCTAssertEqual(e.kind, "FileError")
        XCTAssertTrue(e.message.contains(#"no\x1b]0;owned\x07such\rfile.csv"#), e.message)
        XCTAssertEqual(controls(e.message), [])
        let text = renderer.text(e)
        XCTAssertEqual(controls(text), [], text)
        // The caret underlines the whole path literal, escapes included.
        let lines = text.components(separatedBy: "\n")
        let start = (lines[1] as NSString).range(of: "\"no").location
        let end = (lines[1] as NSString).range(of: ".csv\"").location + 5
        XCTAssertEqual(lines[2], String(repeating: " ", count: start) + String(repeating: "^", count: end - start))
    }

    func testNamesWithBidiOverrideOrZeroWidthCharactersAreVisible() throws {
        // U+202E turns the rest of a line around in a terminal; U+200B is invisible.
        let e = try error("tensor y = a\u{202E}b + zz\u{200B}")
        let text = renderer.text(e)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B }, text)
        XCTAssertTrue(text.contains(#"\u202e"#) || text.contains(#"\u200b"#), text)
    }

    func testTabsAndCarriageReturnsBeforeTheMistakeKeepTheCaretAligned() throws {
        let e = try error("tensor\ty = hiden\r")
        let lines = renderer.text(e).components(separatedBy: "\n")
        XCTAssertEqual(lines[1], #"  tensor\ty = hiden\r"#)
        XCTAssertEqual(lines[2], "  " + String(repeating: " ", count: #"tensor\ty = "#.count) + "^^^^^")
    }

    func testVisibleTextMatchesPythonRepr() {
        // Python: repr("a\x1b\x07\t\r\n\x7f\x9b\u00a0\u202e\U000e0001é사과 ")[1:-1]
        XCTAssertEqual(VisibleText.escaped("a\u{1B}\u{07}\t\r\n\u{7F}\u{9B}\u{A0}\u{202E}\u{E0001}é사과 "),
                       #"a\x1b\x07\t\r\n\x7f\x9b\xa0\u202e\U000e0001é사과 "#)
        XCTAssertEqual(VisibleText.escaped("tensor x = 1"), "tensor x = 1")
    }
}
