import NetCore

/// `explain output.W[1, 1]`: ∂E/∂W5 = ∂E/∂o1 × ∂o1/∂z3 × ∂z3/∂W5, with each factor's numbers,
/// for the input and target of the last `forward X, T`.
struct ExplainStatement: Statement {
    var target: Expr

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let state = context.state
        guard case .index(let base, let subs) = target.kind, let (layerName, member) = base.dottedName,
              member == "W" || member == "b" else {
            throw LangError(.syntax, "explain needs one weight or bias, like output.W[1, 1] or hidden.b[1, 2]", at: target.location)
        }
        guard let l = state.layerIndex(named: layerName) else {
            throw LangError(.name, "unknown layer '\(layerName)'", at: base.location, hint: Suggest.hint(for: layerName, in: state.layerNames))
        }
        var evaluator = Evaluator(context: context)
        let layers = state.network.layers
        let layer = layers[l]
        guard subs.count == 2, case .at(let iExpr) = subs[0], case .at(let jExpr) = subs[1] else {
            throw LangError(.syntax, "explain needs both indices, like \(layerName).\(member)[1, 1]", at: target.location)
        }
        let i = try evaluator.integer(iExpr, what: "the row"), j = try evaluator.integer(jExpr, what: "the column")
        let rows = member == "W" ? layer.inputs : 1
        guard (1...rows).contains(i), (1...layer.outputs).contains(j) else {
            throw LangError(.value, "\(layerName).\(member)[\(i), \(j)] is outside \(rows)×\(layer.outputs)", at: target.location,
                            hint: "indices start at 1")
        }
        if member == "b" && layer.biases == nil {
            throw LangError(.value, "layer '\(layerName)' has no bias", at: base.location)
        }
        guard let record = state.lastForward, let t = record.target, record.layers.count == layers.count else {
            throw LangError(.value, "explain needs a forward with a target first", at: target.location, hint: "run forward X, T")
        }
        let loss = state.network.loss
        let grads = try NetworkMath.backward(layers, input: record.input, records: record.layers, target: t, loss: loss)
        let p = state.settings.precision
        func f(_ v: Double) -> String { NumberText.format(v, precision: p) }
        let naming = NeuronNaming(layers: layers)
        let last = layers.count - 1
        let zName = naming.z(l, j), aName = naming.a(l, j)
        let paramSymbol = member == "W" ? naming.w(l, i, j) : naming.b(l, j)
        let n = 0  // the factors are shown for the first sample; a batch sums the products
        var factors: [Derivation.Factor] = []
        let fusedSoftmax = l == last && loss == "cross_entropy" && layer.activation == .softmax
        let record_l = record.layers[l]

        if fusedSoftmax || (layer.activation == .softmax) {
            let dz = grads[l].dz[n, j - 1]
            let formula = fusedSoftmax
                ? "(\(aName) − t\(j))/N = (\(f(record_l.a[n, j - 1])) − \(f(t[n, j - 1])))/\(record.input.rows)"
                : "Σₖ ∂E/∂aₖ · ∂aₖ/∂\(zName) (softmax mixes every output)"
            factors.append(factor("∂E/∂\(zName)", formula, dz))
        } else {
            let da = grads[l].da[n, j - 1]
            if l == last {
                let o = record_l.a[n, j - 1], tj = t[n, j - 1]
                factors.append(factor("∂E/∂\(aName)", lossFormula(loss, o: aName, t: "t\(j)", ov: f(o), tv: f(tj), n: record.output), da))
            } else {
                let next = layers[l + 1]
                var terms: [String] = [], numbers: [String] = []
                for k in 1...next.outputs {
                    terms.append("∂E/∂\(naming.z(l + 1, k))·\(naming.w(l + 1, j, k))")
                    numbers.append("(\(f(grads[l + 1].dz[n, k - 1])))(\(f(next.weights[j - 1, k - 1])))")
                }
                factors.append(factor("∂E/∂\(aName)", terms.joined(separator: " + ") + " = " + numbers.joined(separator: " + "), da))
            }
            let z = record_l.z[n, j - 1], a = record_l.a[n, j - 1]
            factors.append(factor("∂\(aName)/∂\(zName)", activationFormula(layer.activation, a: aName, av: f(a), zv: f(z)),
                                  activationDerivative(layer.activation, z: z, a: a)))
        }
        if member == "W" {
            let inputName = naming.input(l, i)
            let inputValue = l == 0 ? record.input[n, i - 1] : record.layers[l - 1].a[n, i - 1]
            factors.append(factor("∂\(zName)/∂\(paramSymbol)", "\(inputName) = \(f(inputValue))", inputValue))
        } else {
            factors.append(factor("∂\(zName)/∂\(paramSymbol)", "1", 1))
        }
        let total = member == "W" ? grads[l].dW[i - 1, j - 1] : (grads[l].db?[0, j - 1] ?? 0)
        var notes: [String] = []
        if record.input.rows > 1 {
            notes.append("The factors are those of sample 1; for the batch of \(record.input.rows) samples ∂E/∂\(paramSymbol) sums the product over samples: \(f(total)).")
        }
        let current = member == "W" ? layer.weights[i - 1, j - 1] : (layer.biases?[0, j - 1] ?? 0)
        let lr = state.network.optimizer.lr
        if state.network.optimizer.kind == .sgd {
            notes.append("With sgd at lr \(lr): \(paramSymbol) ← \(f(current)) − \(lr) × \(f(total)) = \(f(current - lr * total))")
        }
        let product = factors.reduce(1.0) { $0 * $1.value }
        if record.input.rows == 1 && abs(product - total) > 1e-9 * max(1, abs(total)) {
            notes.append("Product of the factors: \(f(product)).")
        }
        let label = "\(layerName).\(member)[\(i), \(j)]"
        return [.derivation(Derivation(parameter: label, symbol: "∂E/∂\(paramSymbol)",
                                       latex: "\\frac{\\partial E}{\\partial \(NeuronNaming.latex(paramSymbol))}",
                                       factors: factors, value: total, notes: notes))]
    }

    private func factor(_ symbol: String, _ formula: String, _ value: Double) -> Derivation.Factor {
        // "∂E/∂o1" → \frac{\partial E}{\partial o_1}
        let parts = symbol.dropFirst().split(separator: "/", maxSplits: 1).map { String($0.replacingOccurrences(of: "∂", with: "")) }
        let latex = parts.count == 2
            ? "\\frac{\\partial \(NeuronNaming.latex(parts[0]))}{\\partial \(NeuronNaming.latex(parts[1]))}"
            : symbol
        return Derivation.Factor(symbol: symbol, latex: latex, formula: formula, value: value)
    }

    private func lossFormula(_ loss: String, o: String, t: String, ov: String, tv: String, n: Tensor) -> String {
        switch loss {
        case "half_sse": return "−(\(t) − \(o)) = −(\(tv) − \(ov))"
        case "sse": return "2(\(o) − \(t)) = 2(\(ov) − \(tv))"
        case "mse": return "2(\(o) − \(t))/n = 2(\(ov) − \(tv))/\(n.count)"
        case "bce": return "−(\(t)/\(o) − (1 − \(t))/(1 − \(o)))/N = −(\(tv)/\(ov) − (1 − \(tv))/(1 − \(ov)))/\(n.rows)"
        default: return "∂E/∂\(o)"
        }
    }

    private func activationFormula(_ act: Activation, a: String, av: String, zv: String) -> String {
        switch act {
        case .sigmoid: return "\(a)(1 − \(a)) = \(av)(1 − \(av))"
        case .tanh: return "1 − \(a)² = 1 − \(av)²"
        case .relu: return "1 if z > 0, else 0 (z = \(zv))"
        case .leakyReLU: return "1 if z > 0, else 0.01 (z = \(zv))"
        case .identity: return "1"
        case .step: return "0 (step is flat)"
        case .softmax: return "softmax Jacobian"
        }
    }

    private func activationDerivative(_ act: Activation, z: Double, a: Double) -> Double {
        switch act {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        case .leakyReLU: return z > 0 ? 1 : Activation.leakySlope
        case .identity: return 1
        case .step, .softmax: return 0
        }
    }
}
