import XCTest
import NetCore
import NetLang
@testable import NetRender

/// How `print`'s values read: NetLang yields them (`Output.printed`), NetRender writes them.
final class PrintTextTests: XCTestCase {
    /// What a cell printed, as the front ends write it.
    private func printed(_ code: String, in session: Session = Session()) -> String {
        var text = ""
        _ = session.run(code) { output, _ in
            if case .printed = output { text += Renderer(settings: session.settings).text(output) }
        }
        return text
    }

    func testPrintWritesNumbersAtThePrecisionAndStrings() {
        XCTAssertEqual(printed("precision 3\nprint \"loss:\", 0.12345, [1, 2]"), "loss: 0.123\n1.000  2.000\n")
    }

    func testPrintPutsALargerTensorOnItsOwnLines() {
        let session = Session()
        XCTAssertEqual(printed("precision 1\nprint \"W:\", [[1, 2], [3, 4]]", in: session), "W:\n1.0  2.0\n3.0  4.0\n")
        XCTAssertEqual(printed("print [1, 2], 3", in: session), "1.0  2.0\n3.0\n")
    }

    func testPrintShowsATinyValueInScientificFormAndNoiseAsZero() {
        let session = Session()
        _ = session.run("precision 8") { _, _ in }
        XCTAssertEqual(printed("print 2.06106005e-09", in: session), "2.06106005e-09\n")
        XCTAssertEqual(printed("print [5, 0.1 + 0.2 - 0.3]", in: session), "5.00000000  0.00000000\n")
        XCTAssertEqual(printed("print -0.000000001", in: session), "-1.00000000e-09\n")
    }

    func testAPrintedLineFollowsTheSessionsPrecisionWhenItIsWritten() {
        // The items are values: the same print reads differently at another precision.
        let output = Output.printed([.text("x"), .number(0.125)])
        XCTAssertEqual(Renderer(settings: RenderSettings(precision: 2)).text(output), "x 0.12\n")
        XCTAssertEqual(Renderer(settings: RenderSettings(precision: 5)).text(output), "x 0.12500\n")
    }
}
