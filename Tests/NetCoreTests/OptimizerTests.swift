import XCTest
import NetCore

/// Momentum and Adam over five steps of the lesson-000 network, against
/// Tests/NetCoreTests/reference/optimizers.py (numpy reimplementation of torch.optim's formulas).
final class OptimizerTests: XCTestCase {
    let x = Tensor([[0.1, 0.2]])
    let t = Tensor([[0.4, 0.6]])

    func lessonNetwork() throws -> Network {
        var net = Network(loss: .halfSSE)
        try net.append(Dense(name: "hidden", weights: Tensor([[0.30, 0.40], [0.25, 0.35]]), activation: .sigmoid, bias: false))
        try net.append(Dense(name: "output", weights: Tensor([[0.45, 0.70], [0.40, 0.60]]), activation: .sigmoid, bias: false))
        return net
    }

    func check(_ kind: OptimizerKind, losses: [Double], w1: [Double], w2: [Double], viaStep: Bool,
               file: StaticString = #filePath, line: UInt = #line) throws {
        var net = try lessonNetwork()
        var opt = Optimizer(kind)
        var seen: [Double] = []
        for _ in 0..<5 {
            if viaStep {
                seen.append(try net.forward(x, target: t))
                try net.backward()
                _ = try opt.step(&net)
            } else {
                seen.append(try net.trainStep(x, t, optimizer: &opt))
            }
        }
        for (a, b) in zip(seen, losses) { XCTAssertEqual(a, b, accuracy: 1e-12, "loss", file: file, line: line) }
        for (a, b) in zip(net.layers[0].W.data, w1) { XCTAssertEqual(a, b, accuracy: 1e-12, "W1", file: file, line: line) }
        for (a, b) in zip(net.layers[1].W.data, w2) { XCTAssertEqual(a, b, accuracy: 1e-12, "W2", file: file, line: line) }
        XCTAssertEqual(opt.steps(of: ParameterID(layer: 0, kind: .weights)), 5, file: file, line: line)
    }

    func testMomentum() throws {
        for viaStep in [true, false] {
            try check(.momentum(lr: 0.5, beta: 0.9),
                      losses: [0.023971900751730026, 0.023236338872291772, 0.021874490903211835, 0.020014267060600933, 0.017794375380820862],
                      w1: [0.29509411857938916, 0.39572690378922376, 0.24018823715877835, 0.3414538075784475],
                      w2: [0.284894130644543, 0.6527673489378797, 0.23251321616873508, 0.5520862262122909], viaStep: viaStep)
        }
    }

    func testAdam() throws {
        for viaStep in [true, false] {
            try check(.adam(lr: 0.1),
                      losses: [0.023971900751730026, 0.017485545091968216, 0.012431208857858358, 0.008725917559340261, 0.006077600884074471],
                      w1: [-0.13135568060194772, -0.02425434163704762, -0.18135929971959516, -0.07425843237067042],
                      w2: [-0.03870987756512907, 0.3243842523926228, -0.0887390726860097, 0.2244039328307298], viaStep: viaStep)
        }
    }

    func testStepReportsBeforeGradientAfterAndLearningRateOverride() throws {
        var net = try lessonNetwork()
        try net.forward(x, target: t)
        try net.backward()
        var opt = Optimizer(.sgd(lr: 0.1))
        let u = try opt.step(&net, learningRate: 1)
        for k in 0..<4 {
            XCTAssertEqual(u[0].after.data[k], u[0].before.data[k] - u[0].gradient.data[k], accuracy: 1e-17)
        }
        XCTAssertEqual(opt.kind, .sgd(lr: 0.1), "the override is for one step only")
    }
}
