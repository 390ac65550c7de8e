import Foundation
import XCTest

/// `--check` compares a fresh run with the stored outputs; `--update` stores them.
final class CheckTests: XCTestCase {
    func testStoredNotebooksPassCheck() throws {
        let names = ["01-forward-propagation", "02-computational-graph", "03-backprop-by-hand",
                     "04-layers-and-softmax", "05-activations-and-loss"]
        // English (the default) and the Korean lessons, notebooks/ko/, with the same cells.
        let lessons = names + names.map { "ko/\($0)" }
        let paths = lessons.flatMap { [NbRunProcess.notebook("\($0).txt"), NbRunProcess.notebook("\($0).ipynb")] }
        let result = try NbRunProcess.run(["--check"] + paths)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("ok  ") }.count, 20)
    }

    /// A copy of a lesson notebook whose stored figure was changed fails with 3 and a diff.
    func testChangedExpectedOutputFailsWithDiff() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let txt = dir.appendingPathComponent("03.txt"), out = dir.appendingPathComponent("03.out")
        try FileManager.default.copyItem(atPath: NbRunProcess.notebook("03-backprop-by-hand.txt"), toPath: txt.path)
        let stored = try String(contentsOfFile: NbRunProcess.notebook("03-backprop-by-hand.out"), encoding: .utf8)
        XCTAssertTrue(stored.contains("half_sse  0.02323634"))
        try stored.replacingOccurrences(of: "half_sse  0.02323634", with: "half_sse  0.02323699")
            .write(to: out, atomically: true, encoding: .utf8)

        let result = try NbRunProcess.run(["--check", txt.path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("--- \(out.path) (stored)\n+++ \(txt.path) (this run)\n@@ -"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n-half_sse  0.02323699\n+half_sse  0.02323634\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("outputs differ"))

        // --update stores the run's outputs on purpose; then the check passes.
        XCTAssertEqual(try NbRunProcess.run(["--update", txt.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("half_sse  0.02323634"))
        XCTAssertEqual(try NbRunProcess.run(["--check", txt.path]).status, 0)
    }

    func testChangedIpynbOutputFailsCheck() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let copy = dir.appendingPathComponent("02.ipynb")
        let text = try String(contentsOfFile: NbRunProcess.notebook("02-computational-graph.ipynb"), encoding: .utf8)
        XCTAssertTrue(text.contains("price (1×1) = 715.0"))
        try text.replacingOccurrences(of: "price (1×1) = 715.0", with: "price (1×1) = 716.0")
            .write(to: copy, atomically: true, encoding: .utf8)
        let result = try NbRunProcess.run(["--check", copy.path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("-price (1×1) = 716.0\n+price (1×1) = 715.0"), result.stdout)
    }

    func testCheckWithoutStoredOutputsExitsTwoAndNamesTheFile() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let txt = dir.appendingPathComponent("fresh.txt")
        try "tensor a = 1\n".write(to: txt, atomically: true, encoding: .utf8)
        let result = try NbRunProcess.run(["--check", txt.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("fresh.out: no stored outputs"), result.stderr)
    }

    /// A cell whose error is stored (on purpose, with --keep-going) is an expected output.
    func testStoredErrorIsCompared() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let txt = dir.appendingPathComponent("err.txt")
        try "# %%\ntensor a = [1, 2] @ [3, 4]\n# %%\ntensor b = 2\n".write(to: txt, atomically: true, encoding: .utf8)
        XCTAssertEqual(try NbRunProcess.run(["--update", "--keep-going", txt.path]).status, 1)
        let stored = try String(contentsOf: dir.appendingPathComponent("err.out"), encoding: .utf8)
        XCTAssertTrue(stored.contains("1×2 @ 1×2"), stored)
        XCTAssertTrue(stored.contains("b (1×1) = 2.0000"))
        XCTAssertEqual(try NbRunProcess.run(["--check", "--keep-going", txt.path]).status, 0)
    }
}
