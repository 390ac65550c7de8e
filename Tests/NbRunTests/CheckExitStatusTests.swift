import Foundation
import XCTest

/// An exercise run by nb-run: a passing `check` prints its ✓ line and the run succeeds; a
/// failing one (or an unanswered `todo`) fails the run with status 1, as any error does.
final class CheckExitStatusTests: XCTestCase {
    static let exercise = """
        # %%
        tensor x = [0.1, 0.2]
        layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
        forward x;
        # %%
        check hidden.a[1,1] ≈ ANSWER (tol: 1e-4), "h1 is sigmoid(z1); what is z1?"
        # %%
        print "after"

        """

    func testAPassingCheckExitsZero() throws {
        let result = try NbRunProcess.run(["--color", "never", "-"], stdin: Self.exercise.replacingOccurrences(of: "ANSWER", with: "0.5200"))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("✓ hidden.a[1,1] ≈ 0.5200 (got 0.51999)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("after\n"))
    }

    func testAFailingCheckExitsOneWithTheCheckError() throws {
        let result = try NbRunProcess.run(["--color", "never", "-"], stdin: Self.exercise.replacingOccurrences(of: "ANSWER", with: "0.6"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("""
            CheckError: line 1, column 7: check failed: got 0.51999, expected 0.6 within 0.0001 (difference -0.08001) — h1 is sigmoid(z1); what is z1?
              check hidden.a[1,1] ≈ 0.6 (tol: 1e-4), "h1 is sigmoid(z1); what is z1?"
                    ^^^^^^^^^^^^^
            """), result.stdout)
        XCTAssertFalse(result.stdout.contains("after\n"), "cells after a failed check do not run")
    }

    func testAnUnansweredTodoExitsOne() throws {
        let result = try NbRunProcess.run(["--color", "never", "-"], stdin: "tensor x = 1\ntodo \"compute z1\"\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("CheckError: line 2, column 1: not answered yet: compute z1 — replace todo with your answer"), result.stdout)
    }
}
