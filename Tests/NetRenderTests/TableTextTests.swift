import XCTest
import NetCore
import NetLang
@testable import NetRender

final class TableTextTests: XCTestCase {
    private func lines(_ s: String) -> [String] { s.components(separatedBy: "\n") }

    func testHeaderRuleAndRowsShareOneWidth() {
        let text = Renderer(settings: RenderSettings(precision: 4)).text(.table(Fixtures.mixedTable))
        let all = lines(text)
        XCTAssertEqual(all.first, "forward hidden")
        XCTAssertEqual(all.last, "loss 0.02397190")
        let grid = Array(all[1...4])   // header, rule, three rows… minus the last row index
        let body = Array(all[1..<(all.count - 1)])
        XCTAssertEqual(body.count, 5, text)
        XCTAssertEqual(Set(body.map { $0.count }).count, 1, "every table line has the same width:\n\(text)")
        XCTAssertTrue(grid[0].hasPrefix("sample"))
        XCTAssertTrue(grid[1].allSatisfy { $0 == "-" || $0 == " " })
    }

    func testDecimalPointsLineUpIncludingNegativeNumbers() {
        let text = Renderer(settings: RenderSettings(precision: 4)).text(.table(Fixtures.mixedTable))
        let rows = Array(lines(text)[3...5])
        // Column z1 holds 0.08, -12.5 and 1234.56789: one point column, four digits after it.
        let z1 = rows.map { row -> String in String(row.split(separator: " ", omittingEmptySubsequences: true)[1]) }
        XCTAssertEqual(z1, ["0.0800", "-12.5000", "1234.5679"])
        let points = rows.map { row -> [Int] in row.enumerated().filter { $0.element == "." }.map(\.offset) }
        XCTAssertEqual(Set(points.map { $0[0] }).count, 1, "z1 points in one column:\n\(text)")
        XCTAssertEqual(Set(points.map { $0[1] }).count, 1, "a1 points in one column:\n\(text)")
        // The number column is right-aligned under its header.
        let header = lines(text)[1]
        XCTAssertEqual(header.range(of: "z1")?.upperBound.utf16Offset(in: header),
                       rows[2].range(of: "1234.5679")?.upperBound.utf16Offset(in: rows[2]))
    }

    func testPrecisionSetsTheDigits() {
        let t = Table(columns: ["loss"], rows: [[.number(0.023971900751730026)]])
        XCTAssertTrue(Renderer(settings: RenderSettings(precision: 8)).text(.table(t)).contains("0.02397190"))
        XCTAssertTrue(Renderer(settings: RenderSettings(precision: 2)).text(.table(t)).hasSuffix("0.02"))
    }

    func testKoreanHeadersKeepColumnsAligned() {
        let t = Table(columns: ["이름", "값"], rows: [[.text("apple"), .number(100)], [.text("사과"), .number(2.5)]])
        let text = Renderer(settings: RenderSettings(precision: 1)).text(.table(t))
        let widths = lines(text).map(TextWidth.of)
        XCTAssertEqual(Set(widths).count, 1, text)
    }
}

final class NumberColumnTests: XCTestCase {
    func testWholeNumberColumnsHaveNoDecimals() {
        let t = Table(columns: ["sample", "o1"], rows: [[.number(1), .number(0.5)], [.number(2), .number(0.25)]])
        let lines = Renderer(settings: RenderSettings(precision: 4)).text(.table(t)).components(separatedBy: "\n")
        XCTAssertEqual(lines[2], "     1  0.5000")
        XCTAssertEqual(lines[3], "     2  0.2500")
    }

    func testTinyValuesShowInScientificFormNotAsZero() {
        // A vanishing gradient: 3.7e-6 at precision 4 would otherwise read 0.0000.
        XCTAssertEqual(NumberFormat.shown(3.7e-6, precision: 4), "3.7000e-06")
        XCTAssertEqual(NumberFormat.shown(-1e-8, precision: 2), "-1.00e-08")
        XCTAssertEqual(NumberFormat.shown(0, precision: 4), "0.0000")
        XCTAssertEqual(NumberFormat.shown(0.00004, precision: 4), "4.0000e-05")
        XCTAssertEqual(NumberFormat.shown(0.00005, precision: 4), "0.0001")
        let text = Renderer(settings: RenderSettings(precision: 4)).text(.tensor(TensorView(name: "g", value: Tensor([[1e-8], [0.5]]))))
        // In a tensor the small value turns the whole tensor scientific, as numpy prints it.
        XCTAssertEqual(text, "g (2×1)\n  1.0000e-08\n  5.0000e-01")
    }
}

final class LongTableTests: XCTestCase {
    func testLongTablesShowTheirEndsAndSaySo() throws {
        let rows: [[Cell]] = (1...1000).map { [.number(Double($0)), .number(1 / Double($0))] }
        let table = Table(title: "history", columns: ["step", "loss"], rows: rows)
        let renderer = Renderer(settings: RenderSettings(precision: 4))
        let lines = renderer.text(.table(table)).components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 1 + 2 + 10 + 1 + 10 + 1)
        XCTAssertEqual(lines[3].split(separator: " "), ["1", "1.0000"])
        XCTAssertEqual(lines[13].split(separator: " "), ["...", "..."])
        XCTAssertEqual(lines[23].split(separator: " "), ["1000", "0.0010"])
        XCTAssertEqual(lines.last, "(1000 rows; the first 10 and the last 10 shown)")
        let bundle = renderer.bundle(for: .table(table))
        let probe = try XCTUnwrap(XMLProbe.parse("<div>\(bundle.html ?? "")</div>"))
        XCTAssertEqual(probe.elements["tr"], 1 + 21)
        // 2000 cells: over the JSON form's 1000, so it keeps the same ends and says of how many.
        let json = try JSONValue.roundTrip(bundle.json)
        XCTAssertEqual(json["rows"]?.array?.count, 20)
        XCTAssertEqual(json["rowCount"], .number(1000))
        XCTAssertEqual(json["summarized"], .bool(true))
        XCTAssertEqual(json["rows"]?[19]?[0], .number(1000))
    }
}
