import Foundation
import XCTest

/// `--to ipynb|markdown|json` and `-o`.
final class OutputFormatTests: XCTestCase {
    private let notebook = """
    # %% [markdown]
    # # Title
    # Some *prose*.

    # %%
    tensor x = [0.1, 0.2]
    print "sum:", sum(x)
    tensor y = x * 2

    # %%
    tensor z = nope
    """

    func testIpynbIsNbformat45WithEveryOutputKind() throws {
        let result = try NbRunProcess.run(["--to", "ipynb", "--keep-going", "-"], stdin: notebook)
        XCTAssertEqual(result.status, 1, "the last cell fails on purpose")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["nbformat"] as? Int, 4)
        XCTAssertEqual(json["nbformat_minor"] as? Int, 5)
        let kernelspec = try XCTUnwrap((json["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any])
        XCTAssertEqual(kernelspec["name"] as? String, "netbook")
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "code"])
        let ids = cells.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, 3, "every cell has its own id")
        XCTAssertEqual((cells[0]["source"] as? [String])?.joined(), "# Title\nSome *prose*.")

        let outputs = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["output_type"] as? String }, ["display_data", "stream", "execute_result"])
        XCTAssertEqual(outputs[1]["name"] as? String, "stdout")
        XCTAssertEqual((outputs[1]["text"] as? [String])?.joined(), "sum: 0.3000\n")
        XCTAssertEqual(outputs[2]["execution_count"] as? Int, 1)
        XCTAssertEqual(cells[1]["execution_count"] as? Int, 1)
        let data = try XCTUnwrap(outputs[2]["data"] as? [String: Any])
        XCTAssertTrue(((data["text/plain"] as? [String])?.joined() ?? "").contains("0.2000  0.4000"))
        let tensor = try XCTUnwrap(data["application/vnd.netbook+json"] as? [String: Any])
        XCTAssertEqual(tensor["shape"] as? [Int], [1, 2])

        let error = try XCTUnwrap((cells[2]["outputs"] as? [[String: Any]])?.last)
        XCTAssertEqual(error["output_type"] as? String, "error")
        XCTAssertEqual(error["ename"] as? String, "NameError")
        XCTAssertTrue((error["evalue"] as? String ?? "").contains("nope"))
        XCTAssertTrue((error["traceback"] as? [String] ?? []).contains { $0.contains("^^^^") })
    }

    func testIpynbRoundTripRunsAgainAndChecks() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let ipynb = dir.appendingPathComponent("n.ipynb")
        let good = notebook.replacingOccurrences(of: "tensor z = nope", with: "tensor z = y + 1")
        XCTAssertEqual(try NbRunProcess.run(["--to", "ipynb", "-o", ipynb.path, "-"], stdin: good).status, 0)
        let run = try NbRunProcess.run(["--color", "never", ipynb.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1.2000  1.4000"))
        XCTAssertEqual(try NbRunProcess.run(["--check", ipynb.path]).status, 0)
    }

    func testMarkdownHasProseCodeFencesAndOutputs() throws {
        let result = try NbRunProcess.run(["--to", "markdown", "--keep-going", "-"], stdin: notebook)
        XCTAssertTrue(result.stdout.hasPrefix("# Title\nSome *prose*.\n\n```netbook\ntensor x = [0.1, 0.2]\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("```text\nsum: 0.3000\n```"))
    }

    func testJsonReportsOkAndOutputs() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let file = dir.appendingPathComponent("r.json")
        let result = try NbRunProcess.run(["--to", "json", "-o", file.path, "--keep-going", "-"], stdin: notebook)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "", "-o writes to the file, not stdout")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        XCTAssertEqual(json["ok"] as? Bool, false)
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        let types = (cells[1]["outputs"] as? [[String: Any]])?.map { $0["type"] as? String }
        XCTAssertEqual(types, ["display", "stream", "result"])
    }
}
