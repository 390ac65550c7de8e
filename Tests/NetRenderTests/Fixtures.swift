import Foundation
import NetCore
import NetLang

/// Outputs as NetLang would produce them, built by hand so these tests depend only on
/// the Output contract. Figures come from the lessons (see reference/classroom.py).
enum Fixtures {
    /// Lesson 003: 2 apples at 100, 3 oranges at 150, tax 1.1; price 715.
    /// Gradients of price: apple 2.2, apple_num 110, orange 3.3, orange_num 165, tax 650.
    static var appleGraph: GraphView {
        func s(_ v: Double) -> Tensor { Tensor(scalar: v) }
        return GraphView(root: "price", nodes: [
            .init(id: 0, name: "apple", op: "input", value: s(100), grad: s(2.2), inputs: []),
            .init(id: 1, name: "apple_num", op: "input", value: s(2), grad: s(110), inputs: []),
            .init(id: 2, name: "apple_price", op: "mul", value: s(200), grad: s(1.1), inputs: [0, 1], inputGrads: [s(2.2), s(110)]),
            .init(id: 3, name: "orange", op: "input", value: s(150), grad: s(3.3), inputs: []),
            .init(id: 4, name: "orange_num", op: "input", value: s(3), grad: s(165), inputs: []),
            .init(id: 5, name: "orange_price", op: "mul", value: s(450), grad: s(1.1), inputs: [3, 4], inputGrads: [s(3.3), s(165)]),
            .init(id: 6, name: nil, op: "add", value: s(650), grad: s(1.1), inputs: [2, 5], inputGrads: [s(1.1), s(1.1)]),
            .init(id: 7, name: "tax", op: "input", value: s(1.1), grad: s(650), inputs: []),
            .init(id: 8, name: "price", op: "mul", value: s(715), grad: s(1), inputs: [6, 7], inputGrads: [s(1.1), s(650)]),
        ])
    }

    /// Lesson 000, explain output.W[1, 1]; numbers from reference/classroom.py.
    static var classroomDerivation: Derivation {
        Derivation(parameter: "output.W[1, 1]", symbol: "∂E/∂w5", latex: "\\frac{\\partial E}{\\partial w_5}", factors: [
            .init(symbol: "∂E/∂o1", latex: "\\frac{\\partial E}{\\partial o_1}",
                  formula: "−(t1 − o1) = −(0.4 − 0.6094)", value: 0.2094460049966992),
            .init(symbol: "∂o1/∂z3", latex: "\\frac{\\partial o_1}{\\partial z_3}",
                  formula: "o1(1 − o1) = 0.6094(1 − 0.6094)", value: 0.2380215719902625),
            .init(symbol: "∂z3/∂w5", latex: "\\frac{\\partial z_3}{\\partial w_5}",
                  formula: "h1 = 0.5200", value: 0.5199893401555818),
        ], value: 0.025922855603647404, notes: ["With sgd at lr 0.5: w5 ← 0.4500 − 0.5 × 0.0259 = 0.4370"])
    }

    /// A table with negative numbers and numbers of different magnitudes in one column.
    static var mixedTable: Table {
        Table(title: "forward hidden", columns: ["sample", "z1", "a1"], rows: [
            [.text("1"), .number(0.08), .number(0.5199893401555818)],
            [.text("2"), .number(-12.5), .number(3.7e-6)],
            [.text("3"), .number(1234.56789), .number(-0.25)],
        ], footer: ["loss 0.02397190"])
    }

    static var sigmoidReluPlot: Plot {
        let xs = (0...100).map { -5 + 10 * Double($0) / 100 }
        return Plot(kind: .line, title: "sigmoid, relu", xLabel: "x", yLabel: "y", series: [
            .init(label: "sigmoid", x: xs, y: xs.map { 1 / (1 + exp(-$0)) }),
            .init(label: "relu", x: xs, y: xs.map { max(0, $0) }),
        ])
    }

    /// Two classes of points: class 1 near (0, 0), class 2 near (1, 1).
    static var twoClassScatter: Plot {
        Plot(kind: .scatter, title: "xor", xLabel: "x1", yLabel: "x2", series: [
            .init(label: "xor", x: [0, 0.1, 1, 0.9, 0, 1], y: [0, 0.1, 1, 0.9, 1, 0], classes: [1, 1, 1, 1, 2, 2]),
        ])
    }

    /// A 20×20 grid of classes (1 left of x = 0, 2 right) with points on top.
    static var decision: Plot {
        let n = 20
        let values = (0..<n).map { _ in (0..<n).map { c in c < n / 2 ? 1.0 : 2.0 } }
        return Plot(kind: .decision, title: "decision", xLabel: "x1", yLabel: "x2",
                    series: [.init(label: "samples", x: [-0.5, 0.5], y: [0.2, -0.2], classes: [1, 2])],
                    grid: Plot.Grid(xRange: -1...1, yRange: -1...1, values: values))
    }
}
