import XCTest
import NetCore

/// Reverse-mode gradients against central differences, on many seeded random expressions
/// and random networks.
final class GradientCheckTests: XCTestCase {
    /// An expression recipe, evaluated afresh for each perturbed leaf value.
    indirect enum Expr {
        case leaf(Int)
        case op(NodeOp, [Expr])
    }

    struct Builder {
        var g: SeededGenerator
        var leaves: [Tensor] = []

        mutating func leaf(_ r: Int, _ c: Int) -> Expr {
            // Sometimes reuse a leaf of the same shape, so that gradients must be summed.
            if let k = leaves.indices.first(where: { leaves[$0].rows == r && leaves[$0].cols == c }), g.nextInt(below: 3) == 0 {
                return .leaf(k)
            }
            leaves.append(try! Tensor.randn(r, c, using: &g))   // throws only at an interrupt
            return .leaf(leaves.count - 1)
        }

        /// A random expression whose value is r×c.
        mutating func expr(_ depth: Int, _ r: Int, _ c: Int) -> Expr {
            if depth == 0 { return leaf(r, c) }
            let d = depth - 1
            switch g.nextInt(below: 12) {
            case 0:
                let acts: [Activation] = [.sigmoid, .tanh, .softmax, .identity, .leakyReLU, .relu]
                return .op(.activation(acts[g.nextInt(below: acts.count)]), [expr(d, r, c)])
            case 1:
                let ops: [BinaryOp] = [.add, .sub, .mul]
                // The second operand sometimes broadcasts: 1×1, 1×c or r×1.
                let shapes = [(r, c), (1, 1), (1, c), (r, 1)]
                let s = shapes[g.nextInt(below: 4)]
                return .op(.binary(ops[g.nextInt(below: 3)]), [expr(d, r, c), expr(d, s.0, s.1)])
            case 2:
                // a / (1.5 + sigmoid(b)): a denominator well away from 0.
                let den = Expr.op(.binary(.add), [.op(.activation(.sigmoid), [expr(d, r, c)]), .leaf(constant(1.5))])
                return .op(.binary(.div), [expr(d, r, c), den])
            case 3:
                let k = 1 + g.nextInt(below: 3)
                return .op(.matmul, [expr(d, r, k), expr(d, k, c)])
            case 4:
                return .op(.transpose, [expr(d, c, r)])
            case 5:
                let kinds: [ReductionKind] = [.sum, .mean, .max, .min]
                let kind = kinds[g.nextInt(below: 4)]
                if r == 1 && c == 1 { return .op(.reduce(kind, .all), [expr(d, 2, 3)]) }
                if c == 1 { return .op(.reduce(kind, .rows), [expr(d, r, 3)]) }
                if r == 1 { return .op(.reduce(kind, .cols), [expr(d, 2, c)]) }
                return .op(.negate, [expr(d, r, c)])
            case 6:
                let off = g.nextInt(below: 2)
                return .op(.slice(rows: off...(off + r - 1), cols: nil), [expr(d, r + 1, c)])
            case 7:
                // (0.5 + sigmoid(a)) ^ b: a positive base, both operands differentiated.
                let base = Expr.op(.binary(.add), [.op(.activation(.sigmoid), [expr(d, r, c)]), .leaf(constant(0.5))])
                return .op(.binary(.pow), [base, expr(d, 1, 1)])
            case 8:
                // log(1 + sigmoid(a)), sqrt(1 + sigmoid(a)), exp(tanh(a)), abs(a)
                let inner = Expr.op(.binary(.add), [.op(.activation(.sigmoid), [expr(d, r, c)]), .leaf(constant(1))])
                switch g.nextInt(below: 4) {
                case 0: return .op(.math(.log), [inner])
                case 1: return .op(.math(.sqrt), [inner])
                case 2: return .op(.math(.exp), [.op(.activation(.tanh), [expr(d, r, c)])])
                default: return .op(.math(.abs), [expr(d, r, c)])
                }
            case 9 where r == 1 && c == 1:
                let losses: [LossKind] = [.mse, .sse, .halfSSE, .crossEntropy]
                let kind = losses[g.nextInt(below: losses.count)]
                if kind == .crossEntropy {
                    let t = Expr.op(.activation(.softmax), [expr(d, 2, 3)])   // a soft target, also differentiated
                    return .op(.loss(kind), [expr(d, 2, 3), t])
                }
                return .op(.loss(kind), [expr(d, 2, 3), expr(d, 2, 3)])
            case 10 where r == 1 && c == 1:
                let y = Expr.op(.activation(.sigmoid), [expr(d, 3, 1)])
                let t = Expr.op(.activation(.sigmoid), [expr(d, 3, 1)])
                return .op(.loss(.bce), [y, t])
            default:
                return .op(.binary(.mul), [expr(d, r, c), expr(d, r, c)])
            }
        }

        mutating func constant(_ v: Double) -> Int {
            leaves.append(Tensor(scalar: v)); return leaves.count - 1
        }
    }

    /// A compact formula for failure messages, e.g. `sigmoid(x0 + x1)`.
    func describe(_ e: Expr) -> String {
        switch e {
        case .leaf(let k): return "x\(k)"
        case .op(let op, let inputs):
            let args = inputs.map(describe)
            if case .binary = op { return "(\(args[0]) \(op.label) \(args[1]))" }
            if op == .matmul { return "(\(args[0]) @ \(args[1]))" }
            return "\(op.label)(\(args.joined(separator: ", ")))"
        }
    }

    func evaluate(_ e: Expr, _ leaves: [Node]) throws -> Node {
        switch e {
        case .leaf(let k): return leaves[k]
        case .op(let op, let inputs): return try Node.make(op, inputs.map { try evaluate($0, leaves) })
        }
    }

    func testRandomExpressionsAgreeWithCentralDifferences() throws {
        var checked = 0
        for seed in 0..<150 {
            var b = Builder(g: SeededGenerator(seed: UInt64(seed)))
            let shapes = [(1, 1), (2, 3), (3, 1), (1, 2)]
            let s = shapes[seed % 4]
            let e = b.expr(1 + seed % 4, s.0, s.1)
            let values = b.leaves
            let nodes = values.map { Node($0) }
            let root = try evaluate(e, nodes)
            let grads = try gradients(of: root)
            func total(_ vs: [Tensor]) throws -> Double { try evaluate(e, vs.map { Node($0) }).value.sum }
            let eps = 1e-6
            for (k, node) in nodes.enumerated() {
                let analytic = grads[node] ?? Tensor(rows: values[k].rows, cols: values[k].cols)
                for idx in values[k].data.indices {
                    var plus = values, minus = values
                    plus[k].data[idx] += eps
                    minus[k].data[idx] -= eps
                    let numeric = (try total(plus) - total(minus)) / (2 * eps)
                    let a = analytic.data[idx]
                    XCTAssertEqual(a, numeric, accuracy: 1e-5 * Swift.max(1, Swift.abs(numeric)),
                                   "seed \(seed), leaf x\(k)[\(idx)] of \(describe(e))")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testRandomNetworksPassGradcheck() throws {
        let hidden: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU, .identity, .softmax]
        for seed in 0..<40 {
            var g = SeededGenerator(seed: UInt64(1000 + seed))
            var net = Network()
            let depth = 1 + g.nextInt(below: 3)
            var width = 1 + g.nextInt(below: 4)
            let inputs = width
            let losses: [LossKind] = [.mse, .sse, .halfSSE, .crossEntropy, .bce]
            net.loss = losses[seed % losses.count]
            for l in 0..<depth {
                let isLast = l == depth - 1
                let out = isLast ? (net.loss == .bce ? 1 : 2 + g.nextInt(below: 2)) : 1 + g.nextInt(below: 4)
                var act = hidden[g.nextInt(below: hidden.count)]
                if isLast && net.loss == .crossEntropy { act = .softmax }
                if isLast && net.loss == .bce { act = .sigmoid }
                try net.append(Dense(name: "l\(l)", inputs: width, outputs: out, activation: act,
                                     bias: g.nextInt(below: 2) == 0, initializer: .normal, using: &g))
                width = out
            }
            let rows = 1 + g.nextInt(below: 4)
            let x = try Tensor.randn(rows, inputs, using: &g)
            let t: Tensor
            switch net.loss {
            case .crossEntropy: t = Tensor(rows: rows, cols: 1, data: (0..<rows).map { _ in Double(1 + g.nextInt(below: width)) })
            case .bce: t = Tensor(rows: rows, cols: 1, data: (0..<rows).map { _ in Double(g.nextInt(below: 2)) })
            default: t = try Tensor.randn(rows, width, using: &g)
            }
            for r in try net.gradcheck(x, t) {
                XCTAssertTrue(r.passed, "seed \(seed) \(r.name): abs \(r.maxAbsError), rel \(r.relativeError)")
            }
        }
    }

    func testGradcheckReportsEveryParameterWithTinyError() throws {
        var g = SeededGenerator(seed: 5)
        var net = Network(loss: .mse)
        try net.append(Dense(name: "h", inputs: 2, outputs: 3, activation: .tanh, using: &g))
        try net.append(Dense(name: "o", inputs: 3, outputs: 1, activation: .identity, using: &g))
        let results = try net.gradcheck(Tensor([[0.5, -1], [2, 0.3]]), Tensor([[1], [0]]))
        XCTAssertEqual(results.map(\.name), ["h.W", "h.b", "o.W", "o.b"])
        for r in results { XCTAssertLessThan(r.relativeError, 1e-8) }
    }
}
