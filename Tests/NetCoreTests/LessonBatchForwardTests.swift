import XCTest
import NetCore

/// Lesson 002: forward propagation of a 2-3-1 sigmoid network (no bias) on the batch
/// X = [[1, 2], [3, 4], [5, 6]]. Weights are R's `set.seed(1234); runif(...)` numbers 13–21
/// (listed in /work/shared/seeds/README.md); expected values are the ones the lesson prints.
final class LessonBatchForwardTests: XCTestCase {
    func testBatchForwardMatchesTheLessonToFourDecimals() throws {
        // beta is filled column by column from runif(6), as R's matrix(..., ncol = 3) does.
        let u = [0.28273358359001577, 0.9234334842767566, 0.2923158402554691,
                 0.8372956281527877, 0.2862232846673578, 0.2668207800015807]
        let beta = Tensor([[u[0], u[2], u[4]], [u[1], u[3], u[5]]])
        let gamma = Tensor([[0.18672278965823352], [0.23222591052763164], [0.31661245482973754]])
        var net = Network()
        try net.append(Dense(name: "hidden", weights: beta, activation: .sigmoid, bias: false))
        try net.append(Dense(name: "output", weights: gamma, activation: .sigmoid, bias: false))
        let yHat = try net.forward(Tensor([[1, 2], [3, 4], [5, 6]]))
        let printedZ2 = [2.1296, 1.9669, 0.8199, 4.5419, 4.2261, 1.9260, 6.9543, 6.4854, 3.0320]
        for (a, b) in zip(try XCTUnwrap(net.layers[0].z).data, printedZ2) { XCTAssertEqual(a, b, accuracy: 5e-5) }
        for (a, b) in zip(try XCTUnwrap(net.layers[1].z).data, [0.5904, 0.6900, 0.7205]) { XCTAssertEqual(a, b, accuracy: 5e-5) }
        for (a, b) in zip(yHat.data, [0.6435, 0.6660, 0.6727]) { XCTAssertEqual(a, b, accuracy: 5e-5) }
    }
}
