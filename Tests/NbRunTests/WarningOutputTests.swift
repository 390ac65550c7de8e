import Foundation
import XCTest

/// Warnings go to standard error, in their place among a cell's outputs; notebooks keep
/// them as stderr streams; `clear_output` leaves what a notebook saved by Jupyter keeps.
final class WarningOutputTests: XCTestCase {
    static let twoSteps = """
        # %%
        layer h = dense(1 -> 1, identity, weights: [[1]])
        loss mse
        forward [[1]], [[0]];
        backward;
        step;
        step;
        print "after"

        """
    static let warning = "warning: step used the gradients of the last backward again (2 steps on them): "
        + "they were computed for the parameters before the previous step — run forward X, T and backward before each step\n"

    func testAWarningGoesToStandardErrorAndTheRunSucceeds() throws {
        let result = try NbRunProcess.run(["--color", "never", "-"], stdin: Self.twoSteps)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, Self.warning)
        XCTAssertFalse(result.stdout.contains("warning:"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("E = mean((o − t)²)\nafter\n\n"), result.stdout)
    }

    func testAWarningIsPrintedInItsPlaceAmongTheOutputs() throws {
        // stdout and stderr into one file, as a terminal shows them.
        let dir = try NbRunProcess.temporaryDirectory(self)
        let both = dir.appendingPathComponent("both")
        FileManager.default.createFile(atPath: both.path, contents: nil)
        let handle = try FileHandle(forWritingTo: both)
        let process = Process()
        process.executableURL = try NbRunProcess.binary()
        process.arguments = ["--color", "never", "-"]
        process.standardOutput = handle
        process.standardError = handle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(Self.twoSteps.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try handle.close()
        let text = String(decoding: try Data(contentsOf: both), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("E = mean((o − t)²)\n" + Self.warning + "after\n\n"), text)
    }

    func testANotebookKeepsWarningsAsStderrAndOnlyWhatComesAfterAClear() throws {
        let notebook = Self.twoSteps + """
            # %%
            print "gone"
            clear_output
            print "kept"
            # %%
            print "gone too"
            clear_output wait: true
            print "kept too"

            """
        let result = try NbRunProcess.run(["--to", "ipynb", "-"], stdin: notebook)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, Self.warning, "warnings go to stderr in every format")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        let streams = cells.map { cell in
            (cell["outputs"] as? [[String: Any]] ?? []).filter { $0["output_type"] as? String == "stream" }
                .map { "\($0["name"] ?? ""): " + (($0["text"] as? [String]) ?? []).joined() }
        }
        XCTAssertEqual(streams, [["stderr: " + Self.warning, "stdout: after\n"], ["stdout: kept\n"], ["stdout: kept too\n"]])

        // Read back, the stderr stream is what --check compares.
        let dir = try NbRunProcess.temporaryDirectory(self)
        let path = dir.appendingPathComponent("warned.ipynb")
        try Data(result.stdout.utf8).write(to: path)
        let check = try NbRunProcess.run(["--check", path.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let edited = result.stdout.replacingOccurrences(of: "(2 steps on them)", with: "(3 steps on them)")
        try Data(edited.utf8).write(to: path)
        XCTAssertEqual(try NbRunProcess.run(["--check", path.path]).status, 3, "a changed warning is a changed output")
    }

    func testAClearWithWaitAndNothingAfterKeepsTheOutputs() throws {
        // As nbclient and JupyterLab do: the clear waits for an output that never comes.
        let result = try NbRunProcess.run(["--color", "never", "-"], stdin: "print \"stays\"\nclear_output wait: true\n")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasSuffix("stays\n\n"), result.stdout)
    }
}
