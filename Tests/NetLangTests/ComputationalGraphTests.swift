import XCTest
@testable import NetLang
import NetCore

/// `backward NAME` over chains of tensor statements: lesson 003's apples and oranges and
/// lesson 001's Softmax-with-Loss.
final class ComputationalGraphTests: XCTestCase {
    func testApplesAndOranges() throws {
        let r = Recorder()
        r.run("""
        tensor apple = 100
        tensor apple_num = 2
        tensor orange = 150
        tensor orange_num = 3
        tensor tax = 1.1
        tensor apple_price = apple * apple_num
        tensor orange_price = orange * orange_num
        tensor all_price = apple_price + orange_price
        tensor price = all_price * tax
        """)
        XCTAssertEqual(r.scalar("price"), 715, accuracy: 1e-9)
        let out = r.run("backward price")
        let table = try XCTUnwrap(out.first?.0.tables.first)
        let column = "dprice/d(tensor)"
        // The lesson prints: price 715, dApple 2.2, dApple_num 110, dOrange 3.3, dOrange_num 165, dTax 650.
        XCTAssertEqual(table.number(row: "apple", column: column)!, 2.2, accuracy: 1e-12)
        XCTAssertEqual(table.number(row: "apple_num", column: column)!, 110, accuracy: 1e-9)
        XCTAssertEqual(table.number(row: "orange", column: column)!, 3.3, accuracy: 1e-12)
        XCTAssertEqual(table.number(row: "orange_num", column: column)!, 165, accuracy: 1e-9)
        XCTAssertEqual(table.number(row: "tax", column: column)!, 650, accuracy: 1e-9)
        XCTAssertEqual(table.number(row: "all_price", column: column)!, 1.1, accuracy: 1e-12)
        // grad(NAME) reads the same numbers.
        XCTAssertEqual(r.scalar("grad(apple)"), 2.2, accuracy: 1e-12)
        XCTAssertEqual(r.scalar("grad(tax)"), 650, accuracy: 1e-9)
    }

    func testSoftmaxWithLossBackwardIsYMinusT() throws {
        // Lesson 001: softmax output [0.3, 0.2, 0.5], label [0, 1, 0] → backward [0.3, −0.8, 0.5].
        let r = Recorder()
        r.run("""
        tensor z = log([0.3, 0.2, 0.5])
        tensor L = cross_entropy(z, [0, 1, 0])
        backward L
        """)
        let g = try XCTUnwrap(r.value("grad(z)"))
        XCTAssertEqual(g.rows, 1); XCTAssertEqual(g.cols, 3)
        for (got, want) in zip(g.data, [0.3, -0.8, 0.5]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(r.scalar("L"), -log(0.2), accuracy: 1e-12)
    }

    func testSigmoidBackwardUsesItsOutput() throws {
        let r = Recorder()
        r.run("tensor x = 0\ntensor y = sigmoid(x)\nbackward y")
        XCTAssertEqual(r.scalar("grad(x)"), 0.25, accuracy: 1e-15)
    }

    func testMatrixChainGradients() throws {
        // d sum(x @ W) / dW = xᵀ @ ones; d/dx = ones @ Wᵀ
        let r = Recorder()
        r.run("tensor x = [[1, 2]]\ntensor W = [[1, 2, 3], [4, 5, 6]]\ntensor s = sum(x @ W)\nbackward s")
        XCTAssertEqual(r.value("grad(W)")?.data, [1, 1, 1, 2, 2, 2])
        XCTAssertEqual(r.value("grad(x)")?.data, [6, 15])
    }

    /// Lesson 003's Affine layer: Y = X·W + B; with L = ΣY, dL/dW = Xᵀ·1, dL/dB sums over the
    /// batch (B was broadcast to every row), dL/dX = 1·Wᵀ. ReLU passes the gradient where x > 0.
    /// Numbers: Reference/classroom_reference.py.
    func testAffineAndReLUBackward() throws {
        let r = Recorder()
        r.run("""
        tensor X = [[1, 2], [3, 4]]
        tensor W = [[1, 2, 3], [4, 5, 6]]
        tensor B = [1, 1, 1]
        tensor Y = X @ W + B
        tensor L = sum(relu(Y - 20))
        backward L
        """)
        // Y = [[10, 13, 16], [20, 27, 34]]; Y − 20 > 0 only at [2, 2] and [2, 3].
        XCTAssertEqual(r.value("grad(Y)")?.data, [0, 0, 0, 0, 1, 1])
        XCTAssertEqual(r.value("grad(B)")?.data, [0, 1, 1])
        XCTAssertEqual(r.value("grad(W)")?.data, [0, 3, 3, 0, 4, 4])
        XCTAssertEqual(r.value("grad(X)")?.data, [0, 0, 5, 11])
    }

    /// Names may be in any script (the lessons are in Korean); columns count Unicode scalars.
    func testKoreanNames() throws {
        let r = Recorder()
        r.run("tensor 사과 = 100\ntensor 개수 = 2\ntensor 가격 = 사과 * 개수\nbackward 가격")
        XCTAssertEqual(r.scalar("grad(사과)"), 2)
        let e = try XCTUnwrap(r.fail("tensor 세금 = 가격 * 셰금"))
        XCTAssertEqual(e.column, 18)
        XCTAssertEqual(e.length, 2)
    }

    /// A tensor rebuilt from itself keeps a bounded graph (old values are not kept forever).
    func testLongChainsAreCut() throws {
        let r = Recorder()
        r.run("tensor w = 1")
        let update = String(repeating: "tensor w = w * 1;", count: 100)
        for _ in 0..<(Graph.maxGraphSize / 100 + 2) { r.run(update) }
        let w = try XCTUnwrap(r.session.state.tensors["w"])
        XCTAssertFalse(Graph.exceedsGraphSize(w))
        r.run("backward w")
        XCTAssertEqual(r.scalar("grad(w)"), 1)
    }

    func testBackwardReplacesGradients() throws {
        let r = Recorder()
        r.run("tensor a = 3\ntensor b = a * a\nbackward b\nbackward b")
        XCTAssertEqual(r.scalar("grad(a)"), 6)   // not 12
    }

    func testShowGraphListsNodesWithGradients() throws {
        let r = Recorder()
        r.run("tensor a = 2\ntensor b = 3\ntensor c = a * b")
        let out = r.run("show graph c")
        guard case .graph(let g) = try XCTUnwrap(out.first?.0) else { return XCTFail("not a graph") }
        XCTAssertEqual(g.root, "c")
        XCTAssertEqual(g.nodes.map(\.op), ["input", "input", "mul"])
        XCTAssertNil(g.nodes.first { $0.name == "a" }?.grad, "before backward c: values only")
        XCTAssertEqual(g.nodes.last?.inputs, [0, 1])
        r.run("backward c")
        guard case .graph(let after) = try XCTUnwrap(r.run("show graph c").first?.0) else { return XCTFail("not a graph") }
        XCTAssertEqual(after.nodes.first { $0.name == "a" }?.grad?.scalar, 3)
        XCTAssertEqual(after.nodes.last?.inputGrads?.map(\.scalar), [3, 2], "dc/da = b, dc/db = a along each arrow")
    }
}
