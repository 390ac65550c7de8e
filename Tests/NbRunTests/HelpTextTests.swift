import Foundation
import XCTest

/// `nb-run --help` reads as paragraphs: ArgumentParser wraps each paragraph at 80 columns,
/// so no sentence is broken by a hard line end in the middle.
final class HelpTextTests: XCTestCase {
    func testDiscussionParagraphsWrapAsWholes() throws {
        let result = try NbRunProcess.run(["--help"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("""
            A NAME.txt notebook keeps its expected outputs in NAME.out beside it (the
            transcript of its code cells, written by --update); an .ipynb keeps them in its
            cells.
            """), result.stdout)
        XCTAssertFalse(result.stdout.contains("(the\ntranscript of its\ncode cells"), result.stdout)
    }
}
