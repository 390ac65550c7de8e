import XCTest
@testable import NetLang
import NetCore

/// Mistakes give located, helpful errors, and never change the session half-way.
final class ErrorTests: XCTestCase {
    func testUnknownNameSuggestsTheClosest() throws {
        let r = Recorder()
        r.run("layer hidden = dense(2 -> 2, sigmoid)")
        let e = try XCTUnwrap(r.fail("tensor x = [1, 2]\ntensor y = hiden.W"))
        XCTAssertEqual(e.kind, "NameError")
        XCTAssertEqual(e.message, "unknown name 'hiden'")
        XCTAssertEqual(e.hint, "did you mean 'hidden'?")
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.column, 12)
        XCTAssertEqual(e.length, 5)
        XCTAssertEqual(e.sourceLine, "tensor y = hiden.W")
    }

    func testOneLetterNamesOnlySuggestAnotherCase() throws {
        let r = Recorder()
        r.run("tensor r = 1\ntensor x = 2")
        XCTAssertNil(try XCTUnwrap(r.fail("tensor y = q")).hint)
        XCTAssertEqual(try XCTUnwrap(r.fail("tensor y = X")).hint, "did you mean 'x'?")
        XCTAssertEqual(try XCTUnwrap(r.fail("layer h = dense(1 -> 1, relu, bias: True)")).hint, "did you mean 'true'?")
    }

    func testShapeMismatchNamesBothShapes() throws {
        let r = Recorder()
        r.run("tensor x = [1, 2, 3]\ntensor W = [[1, 2], [3, 4]]")
        let e = try XCTUnwrap(r.fail("tensor y = x @ W"))
        XCTAssertEqual(e.kind, "ShapeError")
        XCTAssertEqual(e.message, "shape mismatch in x @ W: 1×3 @ 2×2")
        XCTAssertEqual(e.column, 12)
        let layer = try XCTUnwrap(r.fail("layer h = dense(2 -> 3, relu, weights: [[1, 2], [3, 4]])"))
        XCTAssertEqual(layer.kind, "ShapeError")
        XCTAssertTrue(layer.message.contains("2×2") && layer.message.contains("2×3"), layer.message)
    }

    func testSyntaxErrorsSayWhatWasExpected() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("tensor x = [1, 2"))
        XCTAssertEqual(e.kind, "SyntaxError")
        XCTAssertEqual(e.column, 12)
        XCTAssertTrue(e.message.contains("never closed"), e.message)
        let unclosed = try XCTUnwrap(r.fail("tensor x = [1, 2\ntensor y = 3"))
        XCTAssertEqual(unclosed.message, "this '[' is never closed")
        XCTAssertEqual(unclosed.line, 1); XCTAssertEqual(unclosed.column, 12)
        XCTAssertEqual(try XCTUnwrap(r.fail("tensor x = [1 2]")).hint, "separate elements with commas: [1, 2]")
        let matlab = try XCTUnwrap(r.fail("tensor x = [1, 2; 3, 4]"))
        XCTAssertEqual(matlab.hint, "write rows as [[1, 2], [3, 4]]")
        XCTAssertEqual(matlab.column, 17)
        XCTAssertEqual(try XCTUnwrap(r.fail("show")).hint, "write show NAME | network | params | grads | history | memory | graph NAME | image EXPR (help images)")
        let missing = try XCTUnwrap(r.fail("tensor x = 1 +"))
        XCTAssertTrue(missing.message.hasPrefix("expected an expression"), missing.message)
        let statement = try XCTUnwrap(r.fail("forwad x, t"))
        XCTAssertEqual(statement.message, "unknown statement 'forwad'")
        XCTAssertEqual(statement.hint, "did you mean 'forward'?")
        let activation = try XCTUnwrap(r.fail("layer h = dense(2 -> 2, sigmod)"))
        XCTAssertEqual(activation.message, "unknown activation 'sigmod'")
        XCTAssertEqual(activation.hint, "did you mean 'sigmoid'?")
        let function = try XCTUnwrap(r.fail("tensor y = sigmoidd(1)"))
        XCTAssertEqual(function.message, "unknown function 'sigmoidd'")
        XCTAssertEqual(function.hint, "did you mean 'sigmoid'?")
    }

    func testSizeLimitIsRefused() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("tensor big = zeros(100000, 1000)"))
        XCTAssertEqual(e.kind, "LimitError")
        let outer = try XCTUnwrap(r.fail("tensor big = ones(10000, 1) * ones(1, 10000)"))
        XCTAssertEqual(outer.kind, "LimitError")
    }

    func testAFailingStatementChangesNothing() throws {
        let r = Recorder()
        r.run("tensor a = 1\nlayer h = dense(2 -> 2, sigmoid, weights: [[1, 2], [3, 4]])")
        // The first statement of the cell runs, the failing one leaves everything as it was.
        _ = r.fail("tensor a = 2\ntensor a = [1, 2] @ [1, 2]\ntensor never = 3")
        XCTAssertEqual(r.scalar("a"), 2)
        XCTAssertNotNil(r.fail("show never"))
        _ = r.fail("layer h = dense(2 -> 3, sigmoid, weights: [[1, 2]])")
        XCTAssertEqual(r.session.state.network.layers.count, 1)
        XCTAssertEqual(r.value("h.W")?.data, [1, 2, 3, 4])
        _ = r.fail("layer h2 = dense(2 -> 1, relu)\nlayer h3 = dense(4 -> 1, relu)")
        XCTAssertEqual(r.session.state.network.layers.map(\.name), ["h", "h2"])
        XCTAssertEqual(r.value("h.W")?.data, [1, 2, 3, 4])
    }

    /// A statement that changes the session and then fails half-way.
    struct FailsHalfWay: Statement {
        func execute(in context: inout ExecutionContext) throws -> [Output] {
            context.state.define("half", Graph.constant(Tensor(scalar: 1)))
            context.state.settings.precision = 9
            throw LangError(.value, "failed half-way", at: .none)
        }
    }

    func testAStatementThatFailsHalfWayLeavesNoTrace() throws {
        let r = Recorder()
        r.run("tensor a = 1")
        let statements = [ParsedStatement(statement: FailsHalfWay(), location: .none, suppressed: false)]
        let error = r.session.runStatements(statements, source: "x", emit: { _, _ in })
        XCTAssertEqual(error?.message, "failed half-way")
        XCTAssertNil(r.session.state.tensors["half"])
        XCTAssertEqual(r.session.settings.precision, 4)
        XCTAssertEqual(r.session.state.tensorNames, ["a"])
    }

    func testSyntaxErrorStopsTheWholeCellBeforeItRuns() throws {
        let r = Recorder()
        _ = r.fail("tensor a = 1\ntensor b = (2")
        XCTAssertNotNil(r.fail("show a"))
    }

    func testStepWithoutBackwardAndBackwardWithoutForward() throws {
        let r = Recorder()
        r.run("layer h = dense(2 -> 1, sigmoid)")
        XCTAssertTrue(try XCTUnwrap(r.fail("backward")).hint?.contains("forward") ?? false)
        XCTAssertNotNil(r.fail("step"))
        XCTAssertNotNil(r.fail("forward [1, 2, 3]"))
    }
}
