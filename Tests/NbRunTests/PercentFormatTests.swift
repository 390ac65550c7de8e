import Foundation
import XCTest

/// How nb-run splits a percent-format file into cells (seen through `--to json`).
final class PercentFormatTests: XCTestCase {
    private func cells(_ text: String) throws -> [[String: Any]] {
        let result = try NbRunProcess.run(["--to", "json", "-"], stdin: text)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(json["cells"] as? [[String: Any]])
    }

    func testMarkersTitlesMarkdownAndCRLF() throws {
        let text = "\r\n# %% first cell\r\ntensor a = 1\r\n\r\n# %% [markdown]\r\n# # Heading\r\n#\r\n# text\r\n# %% [md]\r\n# more\r\n# %%\r\ntensor b = a + 1\r\n"
        let parsed = try cells(text)
        XCTAssertEqual(parsed.map { $0["type"] as? String }, ["code", "markdown", "markdown", "code"])
        XCTAssertEqual(parsed.map { $0["source"] as? String }, ["tensor a = 1", "# Heading\n\ntext", "more", "tensor b = a + 1"])
    }

    func testNoMarkersIsOneCellAndCommentsStay() throws {
        let parsed = try cells("# a comment, not a marker\ntensor a = 1\n\ntensor b = 2 # trailing\n")
        XCTAssertEqual(parsed.count, 1)
        XCTAssertEqual(parsed[0]["source"] as? String, "# a comment, not a marker\ntensor a = 1\n\ntensor b = 2 # trailing")
    }

    func testTextBeforeTheFirstMarkerIsACell() throws {
        let parsed = try cells("tensor a = 1\n# %%\ntensor b = a\n")
        XCTAssertEqual(parsed.map { $0["source"] as? String }, ["tensor a = 1", "tensor b = a"])
        XCTAssertEqual(parsed.map { $0["execution_count"] as? Int }, [1, 2])
    }
}
