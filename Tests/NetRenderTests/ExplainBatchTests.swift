import XCTest
import NetCore
import NetLang
@testable import NetRender

/// `explain` on a batch: which sample's factors are shown, and the gradient as the sum.
final class ExplainBatchTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))

    /// A batch of two samples through one sigmoid unit, half_sse: the factors shown are sample 1's,
    /// and the gradient is the sum of both samples' products. Numbers computed here by hand:
    /// x = [[0.1, 0.2], [0.3, 0.4]], W[:, 1] = [0.3, 0.25], t1 = 0.4 and 1.
    func testExplainOnABatchSaysWhichSampleAndSumsTheProducts() {
        func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        let o = [sigmoid(0.1 * 0.3 + 0.2 * 0.25), sigmoid(0.3 * 0.3 + 0.4 * 0.25)]
        let t = [0.4, 1.0], x1 = [0.1, 0.3]
        var products: [Double] = []
        for s in 0..<2 {
            let dEdO: Double = -(t[s] - o[s])
            let dOdZ: Double = o[s] * (1 - o[s])
            products.append(dEdO * dOdZ * x1[s])
        }
        var d = Derivation(parameter: "h.W[1, 1]", symbol: "∂E/∂W1", latex: "\\frac{\\partial E}{\\partial W_1}", factors: [
            .init(symbol: "∂E/∂o1", latex: "", formula: "−(t1 − o1)", value: -(t[0] - o[0])),
            .init(symbol: "∂o1/∂z1", latex: "", formula: "o1(1 − o1)", value: o[0] * (1 - o[0])),
            .init(symbol: "∂z1/∂W1", latex: "", formula: "x1", value: x1[0]),
        ], value: products[0] + products[1])
        d.sampleProducts = products
        let lines = ascii.text(.derivation(d)).components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasSuffix("(h.W[1, 1]; the factors of sample 1 of 2)"), lines[0])
        XCTAssertEqual(lines[4], "  sample 1 = 0.1200 × 0.2496 × 0.1000               =  0.0030")
        XCTAssertEqual(lines[5], "  ∂E/∂W1   = sum over 2 samples: 0.0030 + (-0.0336) = -0.0306")
        let markdown = ascii.bundle(for: .derivation(d)).markdown ?? ""
        XCTAssertTrue(markdown.contains("Factors of sample 1 of 2"), markdown)
        XCTAssertTrue(markdown.contains("\\text{sample 1:} &\\quad 0.1200 \\times 0.2496 \\times 0.1000 \\\\ &= 0.0030"), markdown)
    }
}
