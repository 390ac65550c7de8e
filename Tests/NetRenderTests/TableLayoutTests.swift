import XCTest
import NetCore
import NetLang
@testable import NetRender

/// A table's layout: the gap row of a long table, captions on one line, headers above
/// their numbers.
final class TableLayoutTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))

    func testTheGapRowOfALongTableSitsUnderTheNumbers() {
        let rows: [[Cell]] = (1...50).map { [.number(Double($0)), .number(1 / Double($0))] }
        let lines = ascii.text(.table(Table(title: "loss history", columns: ["step", "loss"], rows: rows)))
            .components(separatedBy: "\n")
        XCTAssertEqual(Array(lines[1...4]), ["step    loss", "----  ------", "   1  1.0000", "   2  0.5000"])
        XCTAssertEqual(lines[13], " ...     ...")
        XCTAssertEqual(lines[14], "  41  0.0244")
    }

    func testTableCaptionsStayOnOneLine() {
        let html = ascii.bundle(for: .table(Fixtures.mixedTable)).html ?? ""
        XCTAssertTrue(html.contains("<caption style=\"white-space: nowrap; text-align: left; font-family: monospace\">forward hidden</caption>"), html)
    }

    /// A long caption widens the table's columns; each header sits on its numbers' side
    /// (right for numbers, left for text), so it stays above them however wide the column.
    func testHeadersSitOnTheSideOfTheirNumbers() throws {
        var table = Fixtures.mixedTable
        table.title = "output: z = hidden.a @ W + b, a = softmax(z), a caption much wider than the numbers"
        let html = try XCTUnwrap(ascii.bundle(for: .table(table)).html)
        let headers = html.components(separatedBy: "<th ").dropFirst().map { String($0.prefix { $0 != "<" }) }
        XCTAssertEqual(headers.count, 3, html)
        XCTAssertTrue(headers[0].contains("text-align: left") && headers[0].hasSuffix(">sample"), headers[0])
        for header in headers[1...] {
            XCTAssertTrue(header.contains("text-align: right"), header)
        }
        let numberCell = try XCTUnwrap(html.components(separatedBy: "<td ").dropFirst(2).first)   // row 1, z1
        XCTAssertTrue(numberCell.contains("text-align: right"), numberCell)
    }
}
