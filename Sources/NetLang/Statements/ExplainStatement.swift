import NetCore
import NetSupport

/// `explain output.W[1, 1]`: ∂E/∂W5 = ∂E/∂o1 × ∂o1/∂z3 × ∂z3/∂W5, with each factor's formula
/// and numbers from the last `forward X, T` (NetCore's `Network.chainRule`).
struct ExplainStatement: Statement {
    var target: Expr

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let state = context.state
        let parameter = try ParameterReference(target, for: "explain", in: context, checkRange: false)
        let (l, kind, i, j) = (parameter.layer, parameter.kind, parameter.row + 1, parameter.col + 1)
        guard state.hasForwardWithTarget, let x = state.lastInput else {
            throw LangError(.value, "explain needs a forward with a target first", at: target.location, hint: "run forward X, T")
        }
        var network = state.network
        if network.layers.last?.dZ == nil {
            do { try network.backward() } catch let error as NetCoreError { throw LangError(error, at: target.location) }
        }
        let factors: ChainRuleFactors
        do {
            let nextWidth = l + 1 < network.layers.count ? network.layers[l + 1].outputs : 1
            factors = try network.chainRule(layer: l, kind: kind, row: i - 1, col: j - 1,
                                            samples: Self.shownSamples(x.rows, nextWidth: nextWidth))
        } catch let error as NetCoreError {
            throw LangError(error, at: target.location, hint: "indices start at 1")
        }
        return [.derivation(derivation(factors, network: network, input: x, precision: state.settings.precision,
                                       optimizer: state.optimizer.kind))]
    }

    /// The samples whose products an explanation keeps: all up to `TensorSummary.threshold`,
    /// else the first 4 (the text's sum lists four) and the last 3. Each kept sample of a
    /// hidden layer holds one term per unit of the next layer: at most 100 000 terms in all.
    static func shownSamples(_ n: Int, nextWidth: Int = 1) -> [Int] {
        n <= TensorSummary.threshold && n * max(1, nextWidth) <= TensorSummary.fullLimit
            ? Array(0..<n) : Array(0..<min(n, 4)) + Array(max(4, n - 3)..<n)
    }

    private func derivation(_ c: ChainRuleFactors, network: Network, input x: Tensor, precision p: Int,
                            optimizer: OptimizerKind) -> Derivation {
        // Each number a formula shows stays a value: NetRender writes it at the session's precision.
        func f(_ v: Double) -> Phrase { "\(v, .session)" }
        let layers = network.layers
        let naming = NeuronNaming(layers: layers)
        let (l, i, j) = (c.layer, c.row + 1, c.col + 1)
        let zName = naming.z(l, j), aName = naming.a(l, j)
        let parameter = c.kind == .weights ? naming.w(l, i, j) : naming.b(l, j)
        let s = c.samples[0]   // the factors of sample 1; a batch sums the products
        let a = layers[l].a?[0, j - 1] ?? 0
        let z = layers[l].z?[0, j - 1] ?? 0
        var factors: [Derivation.Factor] = []
        if let dAdZ = s.dAdZ {
            if c.isOutputLayer {
                let t = Self.target(network, column: j - 1)
                factors.append(factor("∂E/∂\(aName)", lossFormula(c.loss, o: aName, t: "t\(j)", ov: f(a), tv: f(t), network: network), s.dLdA))
            } else {
                // A wide next layer lists its first and last 3 terms (the sum is over all of them).
                let shown = TensorSummary.compact(rows: s.nextTerms.count, cols: 1).rows
                let terms = shown.map { $0.map { s.nextTerms[$0] }.map { "∂E/∂\(naming.z(l + 1, $0.k + 1))·\(naming.w(l + 1, j, $0.k + 1))" } ?? "…" }
                let numbers = shown.map { $0.map { s.nextTerms[$0] }.map { "(\(f($0.dLdZNext)))(\(f($0.weight)))" } ?? Phrase("…") }
                let sum = numbers.enumerated().reduce(Phrase("")) { $0 + ($1.offset > 0 ? " + " : "") + $1.element }
                factors.append(factor("∂E/∂\(aName)", Phrase(terms.joined(separator: " + ") + " = ") + sum, s.dLdA))
            }
            factors.append(factor("∂\(aName)/∂\(zName)", activationFormula(c.activation, a: aName, av: f(a), zv: f(z)), dAdZ))
        } else {
            let fused = c.isOutputLayer && c.loss == .crossEntropy
            // The target is read only for the output layer: a hidden softmax layer is wider
            // or narrower than the target (reading it there trapped, fuzz/corpus/cells).
            let formula: Phrase = fused
                ? "(\(aName) − t\(j))/N = (\(f(a)) − \(f(Self.target(network, column: j - 1))))/\(x.rows)   (Softmax-with-Loss)"
                : "Σₖ ∂E/∂aₖ · ∂aₖ/∂\(zName)   (softmax: every output depends on \(zName))"
            factors.append(factor("∂E/∂\(zName)", formula, s.dLdZ))
        }
        if c.kind == .weights {
            factors.append(factor("∂\(zName)/∂\(parameter)", "\(naming.input(l, i)) = \(f(s.input))", s.input))
        } else {
            factors.append(factor("∂\(zName)/∂\(parameter)", "1", 1))
        }
        var notes: [Phrase] = []
        if case .sgd(let lr) = optimizer {
            // A negative gradient in brackets, so "− 0.1 × (−0.03)" does not read as a subtraction.
            let g: Phrase = c.gradient < 0 ? "(\(f(c.gradient)))" : f(c.gradient)
            // lr as the user typed it (2, not 2.0; 0.5), whatever the precision.
            notes.append("With sgd at lr \(lr, .exact): \(parameter) ← \(f(c.value)) − \(lr, .exact) × \(g) = \(f(c.value - lr * c.gradient))")
        }
        var d = Derivation(parameter: "\(c.layerName).\(c.kind.rawValue)[\(i), \(j)]", symbol: "∂E/∂\(parameter)",
                           latex: "\\frac{\\partial E}{\\partial \(NeuronNaming.latex(parameter))}",
                           factors: factors, value: c.gradient, notes: notes)
        if c.sampleCount > 1 {
            d.sampleProducts = c.samples.map(\.contribution)
            d.sampleIndices = c.sampleIndices
            d.sampleCount = c.sampleCount
        }
        return d
    }

    /// Sample 1's target for output unit `column` (0 when the target has no such column).
    static func target(_ network: Network, column: Int) -> Double {
        guard let t = network.lastTarget, t.rows > 0, (0..<t.cols).contains(column) else { return 0 }
        return t[0, column]
    }

    private func factor(_ symbol: String, _ formula: Phrase, _ value: Double) -> Derivation.Factor {
        // "∂E/∂o1" → \frac{\partial E}{\partial o_{1}}
        let parts = symbol.split(separator: "/", maxSplits: 1).map { $0.replacingEvery("∂", with: "") }
        let latex = parts.count == 2
            ? "\\frac{\\partial \(NeuronNaming.latex(parts[0]))}{\\partial \(NeuronNaming.latex(parts[1]))}"
            : symbol
        return Derivation.Factor(symbol: symbol, latex: latex, formula: formula, value: value)
    }

    private func lossFormula(_ loss: LossKind, o: String, t: String, ov: Phrase, tv: Phrase, network: Network) -> Phrase {
        let y = network.layers.last?.a
        switch loss {
        case .halfSSE: return "−(\(t) − \(o)) = −(\(tv) − \(ov))"
        case .sse: return "2(\(o) − \(t)) = 2(\(ov) − \(tv))"
        case .mse: return "2(\(o) − \(t))/n = 2(\(ov) − \(tv))/\(y?.count ?? 1)"
        case .bce: return "(\(o) − \(t))/(N·\(o)(1 − \(o))) = (\(ov) − \(tv))/(\(y?.rows ?? 1)·\(ov)(1 − \(ov)))"
        case .crossEntropy: return "−\(t)/(N·\(o)) = −\(tv)/(\(y?.rows ?? 1)·\(ov))"
        }
    }

    /// The op table words each derivative next to its code (ActivationTable) with the
    /// numbers as text; placeholders stand in for them there, and become values here.
    private func activationFormula(_ act: Activation, a: String, av: Phrase, zv: Phrase) -> Phrase {
        // "a(1 − a) = \u{1}a\u{1}(1 − \u{1}a\u{1})" splits into text and slot names in turn.
        let parts = act.rule.derivativeText(a, "\u{1}a\u{1}", "\u{1}z\u{1}").split(separator: "\u{1}", omittingEmptySubsequences: false)
        return parts.enumerated().reduce(Phrase("")) { phrase, part in
            guard part.offset % 2 == 1 else { return phrase + Phrase(String(part.element)) }
            return phrase + (part.element == "a" ? av : zv)
        }
    }
}
