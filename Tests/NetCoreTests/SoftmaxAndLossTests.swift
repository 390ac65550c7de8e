import XCTest
import NetCore

/// Softmax, Softmax-with-Loss and the losses, against lesson figures and
/// Tests/NetCoreTests/reference/softmax.py (numpy).
final class SoftmaxAndLossTests: XCTestCase {
    func testSoftmaxWithLossBackwardFromLesson() throws {
        // Lesson 001/003: y = [0.3, 0.2, 0.5], t = [0, 1, 0] → (y − t)/1 = [0.3, −0.8, 0.5].
        // Build logits whose softmax is y: z = log y.
        let z = Node(Tensor([[0.3, 0.2, 0.5]]).log)
        let loss = try Node.make(.loss(.crossEntropy), [z, Node(Tensor([[0, 1, 0]]))])
        XCTAssertEqual(loss.value.scalar, -Foundation.log(0.2), accuracy: 1e-15)
        let g = try XCTUnwrap(try gradients(of: loss)[z])
        for (u, v) in zip(g.data, [0.3, -0.8, 0.5]) { XCTAssertEqual(u, v, accuracy: 1e-15) }
    }

    func testSoftmaxOfLargeNumbersIsFiniteAndMatchesNumpy() {
        let y = Activation.softmax.apply(Tensor([[1010, 1000, 990]]))
        for (u, v) in zip(y.data, [0.999954600070331, 4.539786860886666e-05, 2.061060046209062e-09]) {
            XCTAssertEqual(u, v, accuracy: 1e-15 * Swift.max(1, v))
            XCTAssertTrue(u.isFinite)
        }
    }

    func testCrossEntropyOfLogitsWithClassColumnMatchesNumpy() throws {
        let z = Tensor([[0.3, 2.9, 4.0], [1.0, -2.0, 0.5]])
        let (loss, _) = try LossKind.crossEntropy(logits: z, Tensor([[3], [1]]))
        XCTAssertEqual(loss, 0.40515568357736775, accuracy: 1e-15)
        let zn = Node(z)
        let g = try XCTUnwrap(try gradients(of: try Node.make(.loss(.crossEntropy), [zn, Node(Tensor([[0, 0, 1], [1, 0, 0]]))]))[zn])
        let expected = [0.009105636647773765, 0.12259590646753696, -0.13170154311531068,
                        -0.1981255519256871, 0.015029443784787011, 0.1830961081409001]
        for (u, v) in zip(g.data, expected) { XCTAssertEqual(u, v, accuracy: 1e-15) }
    }

    func testMSEFromLesson004() throws {
        XCTAssertEqual(try LossKind.mse.value(Tensor([[1.5, 0.3]]), Tensor([[3.45, 5.67]])), 16.3197, accuracy: 1e-12)
        XCTAssertEqual(try LossKind.sse.value(Tensor([[1.5, 0.3]]), Tensor([[3.45, 5.67]])), 32.6394, accuracy: 1e-12)
        XCTAssertEqual(try LossKind.halfSSE.value(Tensor([[1.5, 0.3]]), Tensor([[3.45, 5.67]])), 16.3197, accuracy: 1e-12)
        XCTAssertThrowsError(try LossKind.mse.value(Tensor([[1, 2]]), Tensor([[1], [2]]))) { XCTAssertTrue($0 is ShapeError) }
    }

    func testBinaryCrossEntropyByHand() throws {
        // −(1/2)[log 0.8 + log(1 − 0.3)]
        let expected = -(Foundation.log(0.8) + Foundation.log(0.7)) / 2
        XCTAssertEqual(try LossKind.bce.value(Tensor([[0.8], [0.3]]), Tensor([[1], [0]])), expected, accuracy: 1e-15)
    }
}
