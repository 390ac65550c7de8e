import Foundation
import XCTest

/// nb-run's exit statuses: 0 ok, 1 a cell failed, 2 usage or file error, 3 check mismatch.
final class ExitStatusTests: XCTestCase {
    func testStdinNotebookRunsAndExitsZero() throws {
        let result = try NbRunProcess.run(["-"], stdin: "tensor a = [1, 2]\ntensor b = a * 3\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        // No markers: one cell holding both lines.
        XCTAssertTrue(result.stdout.contains("In [1]: tensor a = [1, 2]\n   ...: tensor b = a * 3"))
        XCTAssertFalse(result.stdout.contains("In [2]"))
        XCTAssertTrue(result.stdout.contains("3.0000  6.0000"))
    }

    func testFailingCellExitsOneWithCaretAndStops() throws {
        let notebook = "# %%\ntensor hidden = [1]\n# %%\ntensor y = hiden * 2\n# %%\nprint \"after\"\n"
        let result = try NbRunProcess.run(["--color", "never", "-"], stdin: notebook)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("line 1, column 12"), result.stdout)
        XCTAssertTrue(result.stdout.contains("did you mean 'hidden'?"))
        XCTAssertTrue(result.stdout.contains("  tensor y = hiden * 2\n             ^^^^^"), result.stdout)
        XCTAssertFalse(result.stdout.contains("after"), "cells after a failure do not run")

        let going = try NbRunProcess.run(["--color", "never", "--keep-going", "-"], stdin: notebook)
        XCTAssertEqual(going.status, 1, "--keep-going still reports the failure")
        XCTAssertTrue(going.stdout.contains("after\n"), "--keep-going runs the cells after it")
    }

    func testMissingFileExitsTwoAndNamesIt() throws {
        let result = try NbRunProcess.run(["no/such/notebook.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no/such/notebook.txt: no such file"), result.stderr)
    }

    func testCorruptIpynbExitsTwoAndSaysWhatIsWrong() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let truncated = dir.appendingPathComponent("truncated.ipynb")
        try Data(#"{"cells": [{"cell_type": "code", "sou"#.utf8).write(to: truncated)
        var result = try NbRunProcess.run([truncated.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("truncated.ipynb: is not a valid .ipynb notebook: not valid JSON"), result.stderr)

        let noSource = dir.appendingPathComponent("nosource.ipynb")
        try Data(#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {}}]}"#.utf8)
            .write(to: noSource)
        result = try NbRunProcess.run([noSource.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("nosource.ipynb: is not a valid .ipynb notebook: cells[0] has no 'source'"), result.stderr)

        let old = dir.appendingPathComponent("old.ipynb")
        try Data(#"{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}"#.utf8).write(to: old)
        result = try NbRunProcess.run([old.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("nbformat 3 is not supported"), result.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try NbRunProcess.run(["--to", "pdf", "x.txt"]).status, 2)
        XCTAssertEqual(try NbRunProcess.run(["--check", "--update", NbRunProcess.notebook("03-backprop-by-hand.txt")]).status, 2)
        XCTAssertEqual(try NbRunProcess.run(["--timeout", "-1", "x.txt"]).status, 2)
        XCTAssertEqual(try NbRunProcess.run(["--help"]).status, 0)
    }

    func testTimeoutStopsALongTrainAndFails() throws {
        let notebook = """
        # %%
        seed 1
        tensor X = rand(200, 100);
        tensor T = rand(200, 1);
        layer h = dense(100 -> 128, relu);
        layer o = dense(128 -> 1, sigmoid);
        loss mse
        # %%
        train X, T, epochs: 100000
        # %%
        print "never reached"
        """
        let start = Date()
        // 2 s, and a set-up cell that prints nothing: on a loaded CI machine a debug build
        // once spent over 1 s on the first cell, so the timeout hit the wrong cell.
        let result = try NbRunProcess.run(["--color", "never", "--timeout", "2", "-"], stdin: notebook)
        XCTAssertEqual(result.status, 1)
        // One error for the stopped cell: the timeout, saying what it stopped.
        XCTAssertTrue(result.stdout.contains("cell 2 ran longer than 2 s (--timeout) and was stopped: train interrupted after step"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "TimeoutError").count - 1, 1, result.stdout)
        XCTAssertFalse(result.stdout.contains("KeyboardInterrupt"), result.stdout)
        XCTAssertFalse(result.stdout.contains("never reached"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "the train stopped long before its 100000 epochs")
    }
}
