import XCTest
import NetCore

/// Weight initialization, value semantics of networks, optimizer state, softmax-with-loss layers.
final class NetworkBehaviourTests: XCTestCase {
    func testInitializersDrawFromTheDocumentedRanges() throws {
        var g = SeededGenerator(seed: 11)
        let xavier = WeightInit.xavier.weights(inputs: 300, outputs: 200, using: &g)
        let limit = (6.0 / 500).squareRoot()
        XCTAssertTrue(xavier.data.allSatisfy { Swift.abs($0) <= limit })
        XCTAssertGreaterThan(xavier.data.map(Swift.abs).max() ?? 0, 0.99 * limit)
        let he = WeightInit.he.weights(inputs: 400, outputs: 300, using: &g)
        let variance = he.data.map { $0 * $0 }.reduce(0, +) / Double(he.count)
        XCTAssertEqual(variance, 2.0 / 400, accuracy: 0.0002)
        XCTAssertTrue(WeightInit.uniform.weights(inputs: 50, outputs: 50, using: &g).data.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(WeightInit.zeros.weights(inputs: 2, outputs: 3, using: &g), Tensor.zeros(2, 3))
        var a = SeededGenerator(seed: 4), b = SeededGenerator(seed: 4)
        XCTAssertEqual(try Dense(name: "h", inputs: 3, outputs: 2, activation: .relu, using: &a).W,
                       try Dense(name: "h", inputs: 3, outputs: 2, activation: .relu, using: &b).W)
        XCTAssertThrowsError(try Dense(name: "h", inputs: 0, outputs: 2, activation: .relu, using: &a)) { XCTAssertTrue($0 is ValueError) }
        XCTAssertThrowsError(try Dense(name: "h", inputs: 100_000, outputs: 100_000, activation: .relu, using: &a)) {
            XCTAssertTrue($0 is LimitError)
        }
    }

    func testACopiedNetworkKeepsItsOwnPassAndParameters() throws {
        var g = SeededGenerator(seed: 2)
        var net = Network(loss: .mse)
        try net.append(Dense(name: "h", inputs: 2, outputs: 2, activation: .tanh, using: &g))
        let x = Tensor([[1, 2]]), t = Tensor([[0, 1]])
        try net.forward(x, target: t)
        try net.backward()
        let saved = net
        var sgd = Optimizer(.sgd(lr: 1))
        try net.trainStep(Tensor([[5, -5], [1, 1]]), Tensor([[1, 1], [0, 0]]), optimizer: &sgd)
        XCTAssertNotEqual(net.layers[0].W, saved.layers[0].W)
        XCTAssertEqual(saved.layers[0].x, x, "the copy still shows its own forward pass")
        XCTAssertEqual(saved.layers[0].dW?.rows, 2)
        XCTAssertEqual(net.layers[0].x?.rows, 2)
    }

    func testOptimizerStateCanBeReadAndCarriedOver() throws {
        var g = SeededGenerator(seed: 3)
        var net = Network(loss: .sse)
        try net.append(Dense(name: "h", inputs: 2, outputs: 1, activation: .identity, using: &g))
        let x = Tensor([[1, 2]]), t = Tensor([[3]])
        var adam = Optimizer(.adam(lr: 0.1))
        var copy = net
        for _ in 0..<3 { try net.trainStep(x, t, optimizer: &adam) }
        // Carry the state over to a fresh optimizer after the same three steps on a copy.
        var other = Optimizer(.adam(lr: 0.1))
        var scratch = Optimizer(.adam(lr: 0.1))
        for _ in 0..<3 { try copy.trainStep(x, t, optimizer: &scratch) }
        for id in copy.parameters { try other.setState(XCTUnwrap(scratch.state(of: id)), for: id, in: copy) }
        try net.trainStep(x, t, optimizer: &adam)
        try copy.trainStep(x, t, optimizer: &other)
        XCTAssertEqual(net.layers[0].W, copy.layers[0].W)
        XCTAssertEqual(adam.state(of: ParameterID(layer: 0, kind: .weights))?.steps, 4)
        XCTAssertThrowsError(try other.setState(.init(steps: 1, first: [1]), for: ParameterID(layer: 0, kind: .weights), in: copy))
    }

    func testSoftmaxCrossEntropyLayerUsesTheFusedGradient() throws {
        // Logits z = x @ W with W = I: z = x. y = softmax(z); dL/dz = (y − t)/N.
        var net = Network(loss: .crossEntropy)
        try net.append(Dense(name: "out", weights: Tensor.eye(3), activation: .softmax, bias: false))
        let x = Tensor([[0.3, 2.9, 4.0], [1.0, -2.0, 0.5]])
        let loss = try net.forward(x, target: Tensor([[3], [1]]))
        XCTAssertEqual(loss, 0.40515568357736775, accuracy: 1e-15)      // reference/softmax.py
        try net.backward()
        let expected = [0.009105636647773765, 0.12259590646753696, -0.13170154311531068,
                        -0.1981255519256871, 0.015029443784787011, 0.1830961081409001]
        for (u, v) in zip(try XCTUnwrap(net.layers[0].dZ).data, expected) { XCTAssertEqual(u, v, accuracy: 1e-15) }
        XCTAssertEqual(try Tensor.accuracy(try net.predict(x), Tensor([[3], [1]])), 1)
    }
}
