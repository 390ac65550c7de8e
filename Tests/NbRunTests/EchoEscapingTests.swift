import Foundation
import XCTest

/// Issue 10, item 8: what nb-run echoes of a cell (its `In [n]:` source) and the notes that
/// show a path (`saved`, `restored`) cannot inject terminal escapes: ESC and bidi overrides
/// are written as `\x1b` and `\u202e`, while the tabs and lines of the source stay as typed.
/// `print`'s own stream is the program's output and is left as written (as Python's print).
final class EchoEscapingTests: XCTestCase {
    func testEchoedSourceAndSavedPathsCarryNoRawEscape() throws {
        let dir = try NbRunProcess.temporaryDirectory(self)
        let notebook = dir.appendingPathComponent("hostile.txt")
        let cell = "# %%\ntensor x = [1]\t# tab kept\n"
            + "show x  # \u{1B}[2J cleared?\n"
            + "save \"s\u{1B}[31m\u{202E}x.json\"\n"
            + "restore \"s\u{1B}[31m\u{202E}x.json\"\n"
        try Data(cell.utf8).write(to: notebook)
        let result = try NbRunProcess.run([notebook.path], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.unicodeScalars.contains("\u{1B}"), result.stdout)
        XCTAssertFalse(result.stdout.unicodeScalars.contains("\u{202E}"), result.stdout)
        XCTAssertTrue(result.stdout.contains("In [1]: tensor x = [1]\t# tab kept\n   ...: show x  # \\x1b[2J cleared?\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\nsaved s\\x1b[31m\\u202ex.json ("), result.stdout)
        XCTAssertTrue(result.stdout.contains("\nrestored s\\x1b[31m\\u202ex.json: 1 tensor"), result.stdout)
        // The file itself has the name the student asked for.
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s\u{1B}[31m\u{202E}x.json").path))
    }
}
