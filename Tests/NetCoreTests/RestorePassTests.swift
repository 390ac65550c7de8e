import XCTest
import NetCore

/// Restoring a saved pass lets backward, step and explain continue where they stopped.
final class RestorePassTests: XCTestCase {
    func lessonNetwork() throws -> Network {
        var net = Network(loss: .halfSSE)
        try net.append(Dense(name: "hidden", weights: Tensor([[0.30, 0.40], [0.25, 0.35]]), activation: .sigmoid, bias: false))
        try net.append(Dense(name: "output", weights: Tensor([[0.45, 0.70], [0.40, 0.60]]), activation: .sigmoid, bias: false))
        return net
    }

    func passes(_ net: Network) throws -> [Network.LayerPass] {
        try net.layers.map { l in
            Network.LayerPass(x: try XCTUnwrap(l.x), z: try XCTUnwrap(l.z), a: try XCTUnwrap(l.a),
                              dA: l.dA, dZ: l.dZ, dW: l.dW, dB: l.dB)
        }
    }

    func testBackwardPassOfABiaslessNetworkIsRestored() throws {
        var saved = try lessonNetwork()
        let x = Tensor([[0.1, 0.2]]), t = Tensor([[0.4, 0.6]])
        let loss = try saved.forward(x, target: t)
        try saved.backward()
        var restored = try lessonNetwork()
        try restored.restorePass(layers: try passes(saved), target: t, loss: loss)
        // numpy dW2 of lesson 000 (reference/lesson000.py)
        XCTAssertEqual(restored.layers[1].dW?.data[0] ?? .nan, 0.0259228556036474, accuracy: 1e-16)
        XCTAssertEqual(try restored.chainRule(layer: 0, row: 0, col: 0).gradient, 0.0008088753836261946, accuracy: 1e-16)
        var sgd = Optimizer(.sgd(lr: 0.5))
        _ = try sgd.step(&restored)
        XCTAssertEqual(try restored.forward(x, target: t), 0.023236338872291772, accuracy: 1e-16)
    }

    func testShapesAreChecked() throws {
        var net = try lessonNetwork()
        let bad = Network.LayerPass(x: Tensor([[1, 2, 3]]), z: Tensor([[1, 2]]), a: Tensor([[1, 2]]))
        XCTAssertThrowsError(try net.restorePass(layers: [bad, bad], target: nil, loss: nil)) { XCTAssertTrue($0 is ShapeError) }
    }
}
