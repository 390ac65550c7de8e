import XCTest
@testable import NetLang
import NetCore

/// Warnings (the stderr stream: a statement ran, but deserves a second look) and
/// `clear_output`, as the session emits them.
final class WarningAndClearTests: XCTestCase {
    static let oneWeight = """
        layer h = dense(1 -> 1, identity, weights: [[1]])
        loss mse
        forward [[1]], [[0]];
        backward;
        """

    private func warnings(_ outputs: [(Output, OutputRole)]) -> [String] {
        outputs.compactMap { if case .warning(let text) = $0.0 { return text.words } else { return nil } }
    }

    func testASecondStepWithoutBackwardWarnsThatItReusesTheGradients() {
        let r = Recorder()
        r.run(Self.oneWeight)
        XCTAssertEqual(warnings(r.run("step")), [], "the first step after backward is what backward is for")
        let second = r.run("step")
        XCTAssertEqual(warnings(second), ["warning: step used the gradients of the last backward again (2 steps on them): "
                                          + "they were computed for the parameters before the previous step — run forward X, T and backward before each step"])
        // The step still ran (W = 1 − 0.1·2 − 0.1·2 with the same gradient 2·(1 − 0)), and its table is the result.
        XCTAssertEqual(r.scalar("h.W"), 0.6, accuracy: 1e-12)
        XCTAssertEqual(second.first.map { $0.1 }, .result)
        XCTAssertEqual(second.last.map { $0.1 }, .display)
        // `;` hides the table, not the warning.
        XCTAssertEqual(warnings(r.run("step;")).count, 1)
        r.run("forward [[1]], [[0]];\nbackward;")
        XCTAssertEqual(warnings(r.run("step")), [], "a new backward computed new gradients")
    }

    func testAPassingCheckWhoseToleranceCoversTheExpectedValueWarns() {
        let r = Recorder()
        XCTAssertEqual(warnings(r.run("check 0 ≈ 0.00005")),
                       ["warning: the tolerance 0.0001 is not smaller than the expected value 5e-05: any value that close to 0 passes, 0 included — give a smaller tol:"])
        XCTAssertEqual(warnings(r.run("check 0.0000500001 ≈ 0.00005 (tol: 1e-6)")), [], "a tolerance below the expected value")
        XCTAssertEqual(warnings(r.run("check 0.00001 ≈ 0")), [], "an expected 0 asks for 'close to 0'")
    }

    func testANearlyFullMemoryBudgetWarnsOnceUntilItIsFreed() {
        let r = Recorder()
        r.run("memory 1MB")
        // 120 000 numbers of 8 bytes: 960 000 bytes, 96% of 1 000 000.
        let first = warnings(r.run("tensor big = zeros(400, 300)"))
        XCTAssertEqual(first.count, 1)
        XCTAssertTrue(first.first?.hasPrefix("warning: the session holds ") ?? false, "\(first)")
        XCTAssertTrue(first.first?.contains("(96%)") ?? false, "\(first)")
        XCTAssertEqual(warnings(r.run("tensor small = 1")), [], "once per approach, not after every statement")
        r.run("reset")
        r.run("memory 1MB")
        XCTAssertEqual(warnings(r.run("tensor big = zeros(400, 300)")).count, 1, "again after the session was freed")
    }

    func testClearOutputClearsNowOrWhenTheNextOutputComes() throws {
        let r = Recorder()
        let plain = r.run("print \"a\"\nclear_output\nprint \"b\"")
        guard case .clearOutput(wait: false) = plain[1].0 else { return XCTFail("\(plain)") }
        for code in ["clear_output wait: true", "clear_output(wait: true)", "clear_output(wait: 1)"] {
            guard case .clearOutput(wait: true)? = r.run(code).first?.0 else { return XCTFail(code) }
        }
        guard case .clearOutput(wait: false)? = r.run("clear_output wait: false;").first?.0 else {
            return XCTFail("`;` does not stop a clear")
        }
        XCTAssertEqual(r.fail("clear_output wait: 2")?.message, "wait is true or false, not 2")
        XCTAssertEqual(r.fail("clear_output(now: true)")?.message, "clear_output takes only wait: true or wait: false")
        XCTAssertEqual(r.fail("clear_output now: true")?.message, "'clear_output' has no option 'now'")
        XCTAssertNotNil(HelpCatalog.text(for: "clear_output"))
        // It is not reset: the session keeps its tensors.
        r.run("tensor x = 1\nclear_output")
        XCTAssertEqual(r.scalar("x"), 1)
    }
}
