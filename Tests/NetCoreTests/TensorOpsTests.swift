import XCTest
import NetCore

/// Elementwise arithmetic, broadcasting and shape errors.
final class TensorOpsTests: XCTestCase {
    let x = Tensor([[1, 2, 3], [4, 5, 6]])

    func testBroadcastingRowsColumnsAndScalars() throws {
        XCTAssertEqual(try x + Tensor([[10, 20, 30]]), Tensor([[11, 22, 33], [14, 25, 36]]))
        XCTAssertEqual(try x * Tensor([[2], [10]]), Tensor([[2, 4, 6], [40, 50, 60]]))
        XCTAssertEqual(try x - Tensor(scalar: 1), Tensor([[0, 1, 2], [3, 4, 5]]))
        XCTAssertEqual(try Tensor(scalar: 12) / Tensor([[3, 4]]), Tensor([[4, 3]]))
        XCTAssertEqual(try x.pow(Tensor(scalar: 2)), Tensor([[1, 4, 9], [16, 25, 36]]))
        // A row with a column gives the outer result, as numpy.
        XCTAssertEqual(try Tensor([[1, 2]]) + Tensor([[10], [20]]), Tensor([[11, 12], [21, 22]]))
    }

    func testShapeMismatchNamesBothShapes() {
        XCTAssertThrowsError(try x + Tensor([[1, 2], [3, 4], [5, 6]])) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "shape mismatch in a + b: 2×3 + 3×2")
        }
        XCTAssertThrowsError(try Tensor([[1, 2, 3]]).matmul(Tensor.eye(2))) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "shape mismatch in x @ W: 1×3 @ 2×2")
        }
    }

    func testResultsBeyondTheLimitAreRefused() {
        let row = Tensor.zeros(1, 10_000), col = Tensor.zeros(10_000, 1)
        XCTAssertThrowsError(try row + col) { XCTAssertTrue($0 is LimitError) }
        XCTAssertThrowsError(try col.matmul(row)) { XCTAssertTrue($0 is LimitError) }
        // A session may choose its own limit.
        XCTAssertEqual(try Tensor.zeros(3, 1).matmul(Tensor.zeros(1, 3), limit: 9).count, 9)
        XCTAssertThrowsError(try Tensor.zeros(3, 1).matmul(Tensor.zeros(1, 3), limit: 8)) { XCTAssertTrue($0 is LimitError) }
        XCTAssertThrowsError(try Tensor.apply(.add, Tensor.zeros(3, 1), Tensor.zeros(1, 3), limit: 8)) { XCTAssertTrue($0 is LimitError) }
    }

    func testComparisonsGiveOnesAndZeros() throws {
        XCTAssertEqual(try Tensor.apply(.greater, x, Tensor(scalar: 3)), Tensor([[0, 0, 0], [1, 1, 1]]))
        XCTAssertEqual(try Tensor.apply(.equal, x, Tensor([[1, 0, 3]])), Tensor([[1, 0, 1], [0, 0, 0]]))
        XCTAssertEqual(try Tensor.apply(.lessEqual, x, Tensor([[2], [4]])), Tensor([[1, 1, 0], [1, 0, 0]]))
    }

    func testMatmulSmallAndBlasAgreeWithHandComputedProduct() throws {
        let w = Tensor([[1, 0], [0, 1], [1, 1]])
        XCTAssertEqual(try x.matmul(w), Tensor([[4, 5], [10, 11]]))
        // Large enough for OpenBLAS: A is 40×50 with a(i,k) = i + k, B is 50×30 with b(k,j) = k − j.
        let m = 40, k = 50, n = 30
        let a = Tensor(rows: m, cols: k, data: (0..<(m * k)).map { Double($0 / k + $0 % k) })
        let b = Tensor(rows: k, cols: n, data: (0..<(k * n)).map { Double($0 / n - $0 % n) })
        let c = try a.matmul(b)
        // Closed form: Σ_k (i + k)(k − j) = Σk² + (i − j)Σk − i·j·K with K = 50, Σk = 1225, Σk² = 40425.
        for i in [0, 7, 39] {
            for j in [0, 13, 29] {
                XCTAssertEqual(c[i, j], 40425 + Double(i - j) * 1225 - Double(i * j * k))
            }
        }
    }

    func testTransposeMapAndMathFunctions() {
        XCTAssertEqual(x.transposed, Tensor([[1, 4], [2, 5], [3, 6]]))
        XCTAssertEqual(x.map { $0 * 10 }, Tensor([[10, 20, 30], [40, 50, 60]]))
        XCTAssertEqual(Tensor([[-2, 3]]).abs, Tensor([[2, 3]]))
        XCTAssertEqual(Tensor([[4, 9]]).sqrt, Tensor([[2, 3]]))
        XCTAssertEqual(Tensor([[0]]).exp, Tensor([[1]]))
        XCTAssertEqual(Tensor([[1]]).log, Tensor([[0]]))
    }
}
