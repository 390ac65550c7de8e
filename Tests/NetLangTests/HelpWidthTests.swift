import XCTest
@testable import NetLang

/// `help` fits a classroom screen: JupyterLab's pager cuts (or scrolls) lines wider than
/// its panel, so no line of any help page is wider than 100 columns, and folding loses
/// no word of the text.
final class HelpWidthTests: XCTestCase {
    func testNoHelpLineIsWiderThanAHundredColumns() throws {
        let pages = [("help", HelpCatalog.overview)]
            + HelpCatalog.words.map { ("help \($0)", HelpCatalog.text(for: $0) ?? "") }
        for (command, text) in pages {
            XCTAssertFalse(text.isEmpty, command)
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 100, "\(command): \(line)")
            }
        }
        // The keyword list was one line of 231 columns; it is still all there.
        let overview = HelpCatalog.overview
        let words = overview.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for keyword in StatementTable.keywords { XCTAssertTrue(words.contains(keyword), keyword) }
    }

    func testFoldingBreaksAtSpacesAndIndentsTheContinuation() {
        XCTAssertEqual(HelpWrap.fold("  alpha beta gamma delta", width: 20), "  alpha beta gamma\n    delta")
        XCTAssertEqual(HelpWrap.fold("short line\n\nnext", width: 20), "short line\n\nnext")
        // A word longer than the width is cut rather than looping or overflowing.
        let long = String(repeating: "x", count: 45)
        XCTAssertEqual(HelpWrap.fold(long, width: 20).split(separator: "\n").map(\.count), [20, 20, 9])
        // Words survive folding, in order.
        let text = (1...60).map { "word\($0)" }.joined(separator: " ")
        XCTAssertEqual(HelpWrap.fold(text, width: 30).split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init),
                       text.split(separator: " ").map(String.init))
    }
}
