import XCTest
import NetCore

/// Activation values and derivatives against their textbook formulas (lesson 004).
final class ActivationTests: XCTestCase {
    let z = Tensor([[-2, 0, 1.5]])

    func testValues() {
        XCTAssertEqual(Activation.sigmoid.apply(z).data[1], 0.5)
        XCTAssertEqual(Activation.sigmoid.apply(z).data[2], 1 / (1 + Foundation.exp(-1.5)), accuracy: 1e-16)
        XCTAssertEqual(Activation.relu.apply(z), Tensor([[0, 0, 1.5]]))
        XCTAssertEqual(Activation.tanh.apply(z).data[2], 0.9051482536448664, accuracy: 1e-16)
        XCTAssertEqual(Activation.identity.apply(z), z)
        XCTAssertEqual(Activation.step.apply(z), Tensor([[0, 0, 1]]))
        XCTAssertEqual(Activation.leakyReLU.apply(z), Tensor([[-0.02, 0, 1.5]]))
        XCTAssertEqual(Activation(rawValue: "leaky_relu"), .leakyReLU)
    }

    func testSigmoidOfLargeMagnitudesIsFinite() {
        let a = Activation.sigmoid.apply(Tensor([[-1000, 1000]]))
        XCTAssertEqual(a, Tensor([[0, 1]]))
    }

    func testSoftmaxRowsSumToOneAndAreComputedPerRow() {
        let a = Activation.softmax.apply(Tensor([[1, 2, 3], [0, 0, 0]]))
        // numpy: softmax([1, 2, 3]) = [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]
        for (u, v) in zip(a.data[0..<3], [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]) {
            XCTAssertEqual(u, v, accuracy: 2e-16)
        }
        for k in 3..<6 { XCTAssertEqual(a.data[k], 1.0 / 3.0, accuracy: 1e-16) }
    }

    func testBackwardUsesTheLocalDerivatives() {
        let g = Tensor([[1, 1, 1]])
        let s = Activation.sigmoid.apply(z)
        XCTAssertEqual(Activation.sigmoid.backward(z: z, a: s, gradA: g).data[1], 0.25)
        XCTAssertEqual(Activation.relu.backward(z: z, a: Activation.relu.apply(z), gradA: g), Tensor([[0, 0, 1]]))
        XCTAssertEqual(Activation.leakyReLU.backward(z: z, a: Activation.leakyReLU.apply(z), gradA: g), Tensor([[0.01, 0.01, 1]]))
        XCTAssertEqual(Activation.step.backward(z: z, a: Activation.step.apply(z), gradA: g), Tensor([[0, 0, 0]]))
        // Softmax: a gradient that is the same for every output changes nothing (rows sum to 1).
        let a = Activation.softmax.apply(z)
        for v in Activation.softmax.backward(z: z, a: a, gradA: Tensor([[5, 5, 5]])).data { XCTAssertEqual(v, 0, accuracy: 1e-15) }
        XCTAssertNil(Activation.softmax.derivative(z: 0, a: 0.5))
    }
}
