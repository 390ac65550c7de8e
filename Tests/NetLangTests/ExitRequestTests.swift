import XCTest
@testable import NetLang

/// `exit` / `quit` alone in a cell ends the console session; anything else is code.
final class ExitRequestTests: XCTestCase {
    func testTheWordsAloneWithBlanksAround() {
        for cell in ["exit", "quit", "exit()", "quit()", "  exit\n", "\tquit()\n\n"] {
            XCTAssertTrue(ExitRequest.matches(cell), cell)
        }
    }

    func testCodeIsNotAnExit() {
        for cell in ["", "exit x", "tensor exit = 1", "exit\nquit", "exit ()", "Exit", "exit();",
                     "train xor.x, xor.y, epochs: 10000", String(repeating: "exit ", count: 20)] {
            XCTAssertFalse(ExitRequest.matches(cell), cell)
        }
    }
}
