import XCTest
@testable import NetLang
import NetCore

/// Mistakes that are located, say what to do instead, and leave the session as it was:
/// unknown names, shapes that do not fit, missing names, sizes beyond the limit.
final class ErrorHintTests: XCTestCase {
    func testShortWordsAreNotMatchedToUnrelatedNames() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("plot foo"))
        XCTAssertEqual(e.message, "unknown name 'foo'")
        XCTAssertNil(e.hint)   // not "did you mean 'log'?"
        XCTAssertNil(Suggest.closest(to: "foo", in: ["log"]))
        XCTAssertEqual(Suggest.closest(to: "rlu", in: ["relu", "log"]), "relu")
        XCTAssertEqual(Suggest.closest(to: "sigmiod", in: ["sigmoid", "tanh"]), "sigmoid")
    }

    func testAMatrixProductThatDoesNotFitSuggestsTheTransposesThatWould() throws {
        let r = Recorder()
        r.run("tensor x = [1, 2]\ntensor v = [1, 2, 3]\ntensor W = [[1, 2, 3], [4, 5, 6]]")
        let e = try XCTUnwrap(r.fail("tensor y = x @ x"))
        XCTAssertEqual(e.message, "shape mismatch in x @ x: 1×2 @ 1×2")
        XCTAssertEqual(e.hint, "the columns of the left (2) must equal the rows of the right (1); did you mean x.T @ x (2×2) or x @ x.T (1×1)?")
        let w = try XCTUnwrap(r.fail("tensor y = W @ (v + 1)"))
        XCTAssertEqual(w.hint, "the columns of the left (3) must equal the rows of the right (1); did you mean W @ (v + 1).T (2×1)?")
        XCTAssertNil(r.session.state.tensors["y"])
    }

    func testShowGraphWithoutANameSaysWhatIsMissing() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("show graph"))
        XCTAssertEqual(e.kind, "SyntaxError")
        XCTAssertEqual(e.message, "show graph needs the name of a tensor")
        XCTAssertEqual(e.column, 6)
        XCTAssertEqual(e.length, 5)
    }

    func testALayerThatDoesNotFitSuggestsTheSizeThatWouldAndChangesNothing() throws {
        let r = Recorder()
        r.run("layer h = dense(2 -> 3, sigmoid)")
        let e = try XCTUnwrap(r.fail("layer o = dense(2 -> 2, sigmoid)"))
        XCTAssertEqual(e.kind, "ShapeError")
        XCTAssertEqual(e.message, "layer 'o' takes 2 inputs but the previous layer 'h' gives 3 (IN must equal the previous OUT)")
        XCTAssertEqual(e.hint, "write dense(3 -> 2, …)")
        XCTAssertEqual(e.column, 17)
        XCTAssertEqual(r.session.state.network.layers.map(\.name), ["h"])
    }

    func testASizeBeyondTheLimitSaysHowManyElements() throws {
        let r = Recorder()
        let e = try XCTUnwrap(r.fail("tensor big = zeros(100000, 100000)"))
        XCTAssertEqual(e.kind, "LimitError")
        XCTAssertEqual(e.message, "tensor of size 100000×100000 has 10000000000 elements, beyond the session's limit of 50000000")
        XCTAssertNil(r.session.state.tensors["big"])
    }

    /// moons' classes are 1 and 2: with bce, a target of 2 gave a negative loss that still
    /// fell as the network learnt nothing. Every way a target reaches bce refuses it.
    func testBCEWithClassNumbersForTargetsSaysWhatToWriteInstead() throws {
        let r = Recorder()
        r.run("""
            seed 1
            dataset s = moons(n: 8)
            layer h = dense(2 -> 2, tanh)
            layer o = dense(2 -> 1, sigmoid)
            loss bce
            """)
        let expected = "bce takes targets from 0 to 1 (the probability of the class), but the target holds 2"
        for cell in ["train s.x, s.y, epochs: 1", "forward s.x, s.y", "tensor e = bce(sigmoid(s.x[:, 1]), s.y)"] {
            let e = try XCTUnwrap(r.fail(cell), cell)
            XCTAssertEqual(e.kind, "ValueError", cell)
            XCTAssertTrue(e.message.hasPrefix(expected), e.message)
            XCTAssertTrue(e.message.hasSuffix("for classes numbered 1 and 2 give T - 1, or use a softmax output with loss cross_entropy"), e.message)
            XCTAssertNil(e.hint, cell)
        }
        r.run("train s.x, s.y - 1, epochs: 1")
        XCTAssertGreaterThan(try XCTUnwrap(r.session.state.history.first), 0)
        let nan = try XCTUnwrap(r.fail("forward s.x, s.y * (0/0)"))
        XCTAssertTrue(nan.message.contains("but the target holds nan at [1, 1]"), nan.message)
        XCTAssertFalse(nan.message.contains("classes numbered"), nan.message)
    }
}
