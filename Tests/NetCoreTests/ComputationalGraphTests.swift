import XCTest
import NetCore

/// Reverse-mode autodiff over expression graphs, checked against the lessons' figures.
final class ComputationalGraphTests: XCTestCase {
    func leaf(_ v: Double, _ name: String) -> Node { Node(Tensor(scalar: v), name: name) }

    /// Lesson 003: 2 apples at 100, 3 oranges at 150, tax 1.1.
    func testApplesAndOranges() throws {
        let apple = leaf(100, "apple"), appleNum = leaf(2, "apple_num")
        let orange = leaf(150, "orange"), orangeNum = leaf(3, "orange_num")
        let tax = leaf(1.1, "tax")
        let applePrice = try Node.make(.binary(.mul), [apple, appleNum])
        let orangePrice = try Node.make(.binary(.mul), [orange, orangeNum])
        let total = try Node.make(.binary(.add), [applePrice, orangePrice])
        let price = try Node.make(.binary(.mul), [total, tax], name: "price")
        XCTAssertEqual(price.value.scalar, 715, accuracy: 1e-12)
        let g = try gradients(of: price)
        XCTAssertEqual(g[apple]?.scalar ?? .nan, 2.2, accuracy: 1e-12)
        XCTAssertEqual(g[appleNum]?.scalar ?? .nan, 110, accuracy: 1e-12)
        XCTAssertEqual(g[orange]?.scalar ?? .nan, 3.3, accuracy: 1e-12)
        XCTAssertEqual(g[orangeNum]?.scalar ?? .nan, 165, accuracy: 1e-12)
        XCTAssertEqual(g[tax]?.scalar ?? .nan, 650, accuracy: 1e-12)
        XCTAssertEqual(g.order.last === price, true)
        XCTAssertEqual(g.order.count, 9)
        let order = topologicalOrder(from: price)
        XCTAssertEqual(order.map(ObjectIdentifier.init), g.order.map(ObjectIdentifier.init))
        for (k, node) in order.enumerated() {
            for input in node.inputs { XCTAssertTrue(order[..<k].contains { $0 === input }, "inputs come first") }
        }
    }

    func testSharedSubexpressionGradientsAreSummedAndNotAccumulatedAcrossCalls() throws {
        let a = Node(Tensor([[3, -1]]), name: "a")
        let b = try Node.make(.binary(.add), [a, a])           // b = a + a
        let c = try Node.make(.binary(.mul), [b, a])           // c = 2a², dc/da = 4a
        let s = try Node.make(.reduce(.sum, .all), [c])
        let first = try gradients(of: s)
        XCTAssertEqual(first[a], Tensor([[12, -4]]))
        XCTAssertEqual(try gradients(of: s)[a], Tensor([[12, -4]]))
    }

    func testNonScalarRootIsSeededWithOnes() throws {
        let a = Node(Tensor([[1, 2], [3, 4]]))
        let y = try Node.make(.binary(.mul), [a, a])
        XCTAssertEqual(try gradients(of: y)[a], Tensor([[2, 4], [6, 8]]))
    }

    func testBroadcastGradientsAreSummedBackToTheOperandShape() throws {
        let x = Node(Tensor([[1, 2, 3], [4, 5, 6]]))
        let row = Node(Tensor([[1, 1, 1]]))
        let col = Node(Tensor([[2], [3]]))
        let s = Node(Tensor(scalar: 10))
        let y = try Node.make(.binary(.mul), [try Node.make(.binary(.add), [x, row]), col])
        let z = try Node.make(.reduce(.sum, .all), [try Node.make(.binary(.mul), [y, s])])
        let g = try gradients(of: z)
        XCTAssertEqual(g[row], Tensor([[50, 50, 50]]))           // Σ over rows of col·s
        XCTAssertEqual(g[col], Tensor([[90], [180]]))            // Σ over cols of (x + 1)·s
        XCTAssertEqual(g[s], Tensor(scalar: 2 * 9 + 3 * 18))     // Σ (x + 1)·col
    }

    func testLongChainIsDifferentiatedWithoutRecursion() throws {
        let start = Node(Tensor(scalar: 1), name: "x")
        let one = Node(Tensor(scalar: 1))
        var node = start
        for _ in 0..<100_000 { node = try Node.make(.binary(.add), [node, one]) }
        XCTAssertEqual(node.value.scalar, 100_001)
        let g = try gradients(of: node)
        XCTAssertEqual(g[start], Tensor(scalar: 1))
        XCTAssertEqual(g[one], Tensor(scalar: 100_000))
    }

    func testWrongNumberOfInputsAndShapeErrors() {
        let a = Node(Tensor([[1, 2, 3]]))
        XCTAssertThrowsError(try Node.make(.matmul, [a])) { XCTAssertTrue($0 is ValueError) }
        XCTAssertThrowsError(try Node.make(.matmul, [a, a])) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "shape mismatch in a @ b: 1×3 @ 1×3")
        }
    }
}
