import XCTest
import Foundation
@testable import NetLang
import NetCore

/// `check` and `todo`, as a student meets them in an exercise: the ✓ line, and the
/// CheckError with expected, got, difference, hint and a caret under the checked value.
final class CheckStatementTests: XCTestCase {
    /// The classroom network after `forward x`: hidden.a[1,1] = sigmoid(0.1·0.30 + 0.2·0.25).
    static let lesson = """
        tensor x = [0.1, 0.2]
        layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
        forward x;
        """
    static let h1 = 1 / (1 + exp(-(0.1 * 0.30 + 0.2 * 0.25)))
    static let h2 = 1 / (1 + exp(-(0.1 * 0.40 + 0.2 * 0.35)))

    private func lesson() -> Recorder {
        let r = Recorder()
        r.run(Self.lesson)
        return r
    }

    /// What the cell printed (check's ✓ lines are a stream, like print).
    private func printed(_ outputs: [(Output, OutputRole)]) -> String {
        outputs.compactMap { if case .stream(let s) = $0.0 { return s.words } else { return nil } }.joined()
    }

    func testAPassingCheckPrintsOneTickLineWithWhatWasComputed() {
        let r = lesson()
        let out = r.run("check hidden.a[1,1] ≈ 0.5200 (tol: 1e-4), \"h1 is sigmoid(z1); what is z1?\"")
        XCTAssertEqual(printed(out), "✓ hidden.a[1,1] ≈ 0.5200 (got \(String(format: "%.5f", Self.h1)))\n")
        XCTAssertEqual(out.count, 1)
        // ~= is the ASCII spelling; the tolerance may follow a name.
        XCTAssertEqual(printed(r.run("tensor answer = 0.52;\ncheck hidden.a[1,1] ~= answer (tol: 1e-4)")),
                       "✓ hidden.a[1,1] ~= answer (got \(String(format: "%.5f", Self.h1)))\n")
        XCTAssertEqual(printed(r.run("check hidden.a ≈ [[0.52, 0.5275]]")), "✓ hidden.a ≈ [[0.52, 0.5275]] (1×2, largest difference \(String(format: "%.6g", max(abs(Self.h1 - 0.52), abs(Self.h2 - 0.5275)))))\n")
        XCTAssertEqual(printed(r.run("check sum(hidden.a) > 1, \"both above one half\"")),
                       "✓ sum(hidden.a) > 1 (got \(String(format: "%.10g", Self.h1 + Self.h2)))\n")
        XCTAssertEqual(printed(r.run("check hidden.a > 0.5")), "✓ hidden.a > 0.5 (all 2 values)\n")
    }

    func testAFailingCheckIsACheckErrorWithExpectedGotDifferenceAndHint() throws {
        let r = lesson()
        let error = try XCTUnwrap(r.fail("check hidden.a[1,1] ≈ 0.6, \"h1 is sigmoid(z1); what is z1?\""))
        XCTAssertEqual(error.kind, "CheckError")
        let got = String(format: "%.5f", Self.h1), difference = String(format: "%.5f", Self.h1 - 0.6)
        XCTAssertEqual(error.message, "check failed: got \(got), expected 0.6 within 0.0001 (difference \(difference))")
        XCTAssertEqual(error.hint, "h1 is sigmoid(z1); what is z1?")
        // The caret is under the checked expression, as for every other error.
        XCTAssertEqual(error.formatted.components(separatedBy: "\n").suffix(2),
                       ["  check hidden.a[1,1] ≈ 0.6, \"h1 is sigmoid(z1); what is z1?\"", "        ^^^^^^^^^^^^^"])
    }

    func testTheDefaultToleranceIsAbsoluteOneTenThousandth() throws {
        let r = Recorder()
        r.run("check 0.5 ≈ 0.50009")
        r.run("check 1000 ≈ 1000.00009")
        XCTAssertEqual(r.fail("check 0.5 ≈ 0.50011")?.kind, "CheckError")
        XCTAssertEqual(r.fail("check 1000 ≈ 1000.0002")?.kind, "CheckError")
        // tol: 0 asks for the same number and shows every digit.
        let exact = try XCTUnwrap(r.fail("check 0.1 + 0.2 ≈ 0.3 (tol: 0)"))
        XCTAssertEqual(exact.message, "check failed: got \(0.1 + 0.2), expected 0.3 exactly (difference \(0.1 + 0.2 - 0.3))")
    }

    func testTensorsAreComparedValueByValueAndMustHaveTheSameShape() throws {
        let r = lesson()
        let off = try XCTUnwrap(r.fail("check hidden.a ≈ [[0.52, 0.5250]] (tol: 1e-3)"))
        XCTAssertEqual(off.message, "check failed: 1 of 2 values differ; it is at [1, 2]: got \(String(format: "%.4f", Self.h2)), expected 0.525 within 0.001 (difference \(String(format: "%.4f", Self.h2 - 0.525)))")
        let shape = try XCTUnwrap(r.fail("check hidden.a ≈ [0.52, 0.53, 1]"))
        XCTAssertEqual(shape.kind, "CheckError")
        XCTAssertEqual(shape.message, "check failed: got a 1×2 tensor, expected 1×3 (≈ compares tensors of the same shape)")
        XCTAssertEqual(shape.column, 7)
        let comparison = try XCTUnwrap(r.fail("check hidden.a < 0.52"))
        XCTAssertEqual(comparison.message, "check failed: 1 of 2 values fail; the first at [1, 2]: \(String(format: "%.10g", Self.h2)) is not < 0.52")
        // The loss history before any step is empty: nothing checked is not a pass.
        XCTAssertEqual(r.fail("check history ≈ history")?.message, "check failed: there are no values to check (0×0)")
        XCTAssertEqual(r.fail("check history < 1")?.message, "check failed: there are no values to check (0×0)")
    }

    func testNanNeverPassesAndInfinityOnlyMatchesItself() throws {
        let r = Recorder()
        XCTAssertEqual(r.fail("check log(-1) ≈ log(-1)")?.message,
                       "check failed: got nan, expected nan within 0.0001 (nan never passes ≈)")
        XCTAssertEqual(r.fail("check [1, log(-1)] ≈ [1, 2] (tol: 1e308)")?.message,
                       "check failed: 1 of 2 values differ; it is at [1, 2]: got nan, expected 2 within 1e+308 (nan never passes ≈)")
        r.run("check 1/0 ≈ 1/0")
        XCTAssertEqual(r.fail("check 1/0 ≈ -1/0")?.message, "check failed: got inf, expected -inf within 0.0001 (difference inf)")
        XCTAssertEqual(r.fail("check 1e308 * 10 ≈ 1e308")?.message.hasPrefix("check failed: got inf, expected 1e+308"), true)
        // 0.1 + 0.2 is 0.30000000000000004 (IEEE 754 double): equal to 10 digits, not to 17.
        XCTAssertEqual(r.fail("check 0.1 + 0.2 == 0.3")?.message,
                       "check failed: got 0.30000000000000004, which is not == 0.3")
        XCTAssertEqual(r.fail("check log(-1) < 1")?.message, "check failed: got nan, which is not < 1 (nan fails every comparison but !=)")
        r.run("check log(-1) != log(-1)")
        for tolerance in ["-1", "0/0", "1/0", "[1, 2]"] {
            let error = try XCTUnwrap(r.fail("check 1 ≈ 1 (tol: \(tolerance))"))
            XCTAssertNotEqual(error.kind, "CheckError", tolerance)
            XCTAssertEqual(error.column, 19, tolerance)
        }
    }

    func testMistakesInACheckSayHowToWriteIt() throws {
        let r = lesson()
        let bare = try XCTUnwrap(r.fail("check hidden.a"))
        XCTAssertEqual(bare.kind, "SyntaxError")
        XCTAssertEqual(bare.hint, "check a ≈ b (tol: 1e-4), or a comparison: ==, !=, <, <=, >, >=")
        XCTAssertEqual(r.fail("check 1 ≈ 1, tol: 3")?.message, "the tolerance goes in brackets after the expected value")
        XCTAssertEqual(r.fail("check 1 ≈ 1 < 2")?.message, "one comparison per check")
        XCTAssertEqual(r.fail("check 1 ≈ 1, 3")?.message, "expected the hint as a string after ',', found a number")
        let outside = try XCTUnwrap(r.fail("tensor q = 1 ≈ 2"))
        XCTAssertEqual(outside.hint, "≈ compares only in a check: check a ≈ b (help check)")
        // A check over several lines: the hint may follow on the next one.
        r.run("check hidden.a[1,1] ≈ 0.52,\n      \"h1\"")
    }

    func testACheckChangesNothingAndStopsTheCell() throws {
        let r = Recorder()
        r.run("seed 1")
        let error = r.session.run("tensor a = 1\ncheck rand(1, 1) > 2\ntensor b = 2") { _, _ in }
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(r.scalar("a"), 1)
        XCTAssertNotNil(r.fail("show b"))
        // rand in a check did not advance the generator.
        let first = r.scalar("rand(1, 1)")
        r.run("seed 1")
        r.run("tensor a = 1\ncheck rand(1, 1) < 2")
        XCTAssertEqual(r.scalar("rand(1, 1)"), first)
    }

    func testTodoIsNotAnsweredYet() throws {
        let r = Recorder()
        let bare = try XCTUnwrap(r.fail("todo"))
        XCTAssertEqual(bare.kind, "CheckError")
        XCTAssertEqual(bare.message, "not answered yet")
        XCTAssertEqual(bare.hint, "replace todo with your answer")
        let task = try XCTUnwrap(r.fail("tensor x = 1\ntodo \"compute z1 = x @ hidden.W\""))
        XCTAssertEqual(task.message, "not answered yet: compute z1 = x @ hidden.W")
        XCTAssertEqual(task.line, 2)
        XCTAssertEqual(task.length, "todo \"compute z1 = x @ hidden.W\"".count)
    }

    func testHelpExamplesRunAsWritten() throws {
        let r = Recorder()
        r.run(HelpExampleTests.prelude)
        let check = try XCTUnwrap(HelpCatalog.topic(named: "check"))
        let lines = check.body.components(separatedBy: "\n").filter { $0.hasPrefix("  check ") }
        XCTAssertEqual(lines.count, 4)
        for line in lines { r.run(line) }
        XCTAssertEqual(r.fail(try XCTUnwrap(HelpCatalog.topic(named: "todo")).body.components(separatedBy: "\n").last { $0.hasPrefix("  todo") } ?? "")?.kind, "CheckError")
        XCTAssertNotNil(HelpCatalog.text(for: "≈"))
    }
}
