import XCTest
import NetCore

/// Lesson 000: the 2-2-2 sigmoid network without bias, ½Σ(t−o)², one SGD step at lr 0.5.
/// Expected numbers come from Tests/NetCoreTests/reference/lesson000.py (numpy) and the
/// lesson's own total error 0.02397190.
final class LessonNetworkTests: XCTestCase {
    let x = Tensor([[0.1, 0.2]])
    let t = Tensor([[0.4, 0.6]])

    func lessonNetwork() throws -> Network {
        var net = Network(loss: .halfSSE)
        try net.append(Dense(name: "hidden", weights: Tensor([[0.30, 0.40], [0.25, 0.35]]), activation: .sigmoid, bias: false))
        try net.append(Dense(name: "output", weights: Tensor([[0.45, 0.70], [0.40, 0.60]]), activation: .sigmoid, bias: false))
        return net
    }

    func assertClose(_ a: Tensor?, _ b: [Double], accuracy: Double = 1e-15, _ what: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        guard let a else { return XCTFail("\(what) is missing", file: file, line: line) }
        XCTAssertEqual(a.data.count, b.count, what, file: file, line: line)
        for (u, v) in zip(a.data, b) { XCTAssertEqual(u, v, accuracy: accuracy, what, file: file, line: line) }
    }

    func testForwardBackwardAndOneStepMatchNumpy() throws {
        var net = try lessonNetwork()
        let loss = try net.forward(x, target: t)
        XCTAssertEqual(loss, 0.023971900751730026, accuracy: 1e-16)
        assertClose(net.layers[0].z, [0.08, 0.11], "z1")
        assertClose(net.layers[0].a, [0.5199893401555818, 0.5274723043445937], "a1")
        assertClose(net.layers[1].z, [0.4449841248078493, 0.6804759207156634], "z2")
        assertClose(net.layers[1].a, [0.6094460049966992, 0.6638449096982892], "a2")
        try net.backward()
        assertClose(net.layers[1].dZ, [0.04985266735639471, 0.014247300963894368], "dZ2")
        assertClose(net.layers[1].dW, [0.0259228556036474, 0.007408444627213418, 0.02629590132820202, 0.007515056670116313], "dW2")
        assertClose(net.layers[0].dA, [0.03240681098510367, 0.028489447520894506], "dA1")
        assertClose(net.layers[0].dW, [0.0008088753836261946, 0.0007100860110548808, 0.0016177507672523893, 0.0014201720221097616], "dW1")
        XCTAssertNil(net.layers[0].dB, "no bias, no bias gradient")

        var sgd = Optimizer(.sgd(lr: 0.1))
        let updates = try sgd.step(&net, learningRate: 0.5)
        XCTAssertEqual(updates.map(\.name), ["hidden.W", "output.W"])
        XCTAssertEqual(updates[1].before, Tensor([[0.45, 0.70], [0.40, 0.60]]))
        assertClose(updates[0].after, [0.2995955623081869, 0.39964495699447256, 0.2491911246163738, 0.3492899139889451], "W1 after")
        assertClose(updates[1].after, [0.4370385721981763, 0.6962957776863933, 0.386852049335899, 0.5962424716649418], "W2 after")
        XCTAssertEqual(try net.forward(x, target: t), 0.023236338872291772, accuracy: 1e-16)
    }

    func testTrainStepGivesTheSameNumbersAsTheStepByStepPath() throws {
        var net = try lessonNetwork()
        var sgd = Optimizer(.sgd(lr: 0.5))
        XCTAssertEqual(try net.trainStep(x, t, optimizer: &sgd), 0.023971900751730026, accuracy: 1e-16)
        XCTAssertEqual(try net.trainStep(x, t, optimizer: &sgd), 0.023236338872291772, accuracy: 1e-16)
    }

    func testBackwardTwiceReplacesGradients() throws {
        var net = try lessonNetwork()
        try net.forward(x, target: t)
        try net.backward()
        let first = net.layers[0].dW
        try net.backward()
        XCTAssertEqual(net.layers[0].dW, first)
    }

    func testChainRuleFactorsOfOutputAndHiddenWeights() throws {
        var net = try lessonNetwork()
        try net.forward(x, target: t)
        try net.backward()
        // output.W[1, 1] (W5 in the lesson): (o1 − t1) · o1(1 − o1) · h1
        let o = try net.chainRule(layer: 1, row: 0, col: 0)
        let o1 = 0.6094460049966992, h1 = 0.5199893401555818
        XCTAssertTrue(o.isOutputLayer)
        XCTAssertEqual(o.samples[0].dLdA, o1 - 0.4, accuracy: 1e-16)
        XCTAssertEqual(o.samples[0].dAdZ ?? .nan, o1 * (1 - o1), accuracy: 1e-16)
        XCTAssertEqual(o.samples[0].input, h1, accuracy: 1e-16)
        XCTAssertEqual(o.gradient, 0.0259228556036474, accuracy: 1e-16)
        // hidden.W[1, 1] (W1): ∂E/∂h1 = Σ_k δ_k · W_next[1, k] = 0.03240681098510367 (numpy dA1)
        let h = try net.chainRule(layer: 0, row: 0, col: 0)
        XCTAssertEqual(h.samples[0].nextTerms.count, 2)
        XCTAssertEqual(h.samples[0].nextTerms[0].weight, 0.45)
        XCTAssertEqual(h.samples[0].nextTerms.map { $0.dLdZNext * $0.weight }.reduce(0, +), 0.03240681098510367, accuracy: 1e-16)
        XCTAssertEqual(h.samples[0].input, 0.1)
        XCTAssertEqual(h.gradient, 0.0008088753836261946, accuracy: 1e-16)
        XCTAssertThrowsError(try net.chainRule(layer: 0, row: 2, col: 0))
    }

    func testLayerShapesMustChain() throws {
        var net = try lessonNetwork()
        var g = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try net.append(Dense(name: "extra", inputs: 3, outputs: 1, activation: .relu, using: &g))) { error in
            XCTAssertEqual((error as? ShapeError)?.message,
                           "layer 'extra' takes 3 inputs but the previous layer 'output' gives 2 (IN must equal the previous OUT)")
        }
        XCTAssertThrowsError(try net.forward(Tensor([[1, 2, 3]]))) { XCTAssertTrue($0 is ShapeError) }
        XCTAssertThrowsError(try net.setWeights(layer: 0, Tensor([[1, 2]]))) { XCTAssertTrue($0 is ShapeError) }
    }

    func testBackwardWithoutForwardIsAnError() throws {
        var net = try lessonNetwork()
        XCTAssertThrowsError(try net.backward()) { XCTAssertTrue($0 is ValueError) }
        var sgd = Optimizer()
        XCTAssertThrowsError(try sgd.step(&net)) { XCTAssertTrue($0 is ValueError) }
    }
}
