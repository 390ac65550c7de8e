import Foundation
import XCTest

/// `--timeout SECONDS` stops a runaway cell through the same interrupt as Ctrl-C: at its
/// timeout, marked by one error, with the other cells' outputs kept.
final class TimeoutTests: XCTestCase {
    /// a @ a = a here (every entry 1/n), so the chain is long work (tens of seconds in a
    /// debug build) with a known answer; nothing in it is a train step.
    static let notebook = """
    # %%
    tensor a = ones(2000, 2000) / 2000;
    print "before"
    # %%
    tensor b = \((0..<30).map { _ in "a" }.joined(separator: " @ "))
    # %%
    print "after", a[1, 1] * 2000
    """

    func testTheStoppedCellHasOneErrorAndEarlierOutputsAreWritten() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let out = dir.appendingPathComponent("ran.ipynb")
        let start = Date()
        let result = try NbRunProcess.run(["--timeout", "3", "--to", "ipynb", "-o", out.path, "-"], stdin: Self.notebook)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "stopped near its timeout, not after the 29 products")
        XCTAssertEqual(result.status, 1, result.stderr)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let cells = try XCTUnwrap(json?["cells"] as? [[String: Any]])
        let outputs = cells.map { $0["outputs"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(outputs.count, 3)
        XCTAssertEqual(outputs[0].first?["text"] as? String ?? (outputs[0].first?["text"] as? [String])?.joined(), "before\n")
        XCTAssertEqual(outputs[1].count, 1, "exactly one output, the error: \(outputs[1])")
        XCTAssertEqual(outputs[1].first?["output_type"] as? String, "error")
        XCTAssertEqual(outputs[1].first?["ename"] as? String, "TimeoutError")
        let evalue = try XCTUnwrap(outputs[1].first?["evalue"] as? String)
        // Where it stopped, then why (the kernel's form of evalue: one CellRunner for both).
        XCTAssertNotNil(evalue.range(of: #"^line \d+, column \d+: cell 2 ran longer than 3 s \(--timeout\) and was stopped"#,
                                     options: .regularExpression), evalue)
        XCTAssertTrue(outputs[2].isEmpty, "without --keep-going the cells after it do not run")
    }

    func testKeepGoingRunsTheNextCellsInTheSameSession() throws {
        let result = try NbRunProcess.run(["--color", "never", "--keep-going", "--timeout", "3", "-"], stdin: Self.notebook)
        XCTAssertEqual(result.status, 1, "a stopped cell still fails the run")
        XCTAssertTrue(result.stdout.contains("before\n"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "TimeoutError").count - 1, 1, result.stdout)
        XCTAssertFalse(result.stdout.contains("KeyboardInterrupt"), result.stdout)
        // The session went on: `a` is intact and `b` was never assigned.
        XCTAssertTrue(result.stdout.contains("after 1.0000\n"), result.stdout)
        XCTAssertFalse(result.stderr.contains("giving up"), result.stderr)
    }
}
