/// The chain rule for one weight W[i, j] (or bias b[j]) of one layer, with the numbers of
/// the last forward and backward pass, per sample — what `explain` shows.
///
/// For sample s:  ∂L/∂W_ij = ∂L/∂a_j · ∂a_j/∂z_j · ∂z_j/∂W_ij,  with ∂z_j/∂W_ij = a_prev_i
/// (the layer's input i; 1 for a bias). In the output layer ∂L/∂a_j comes from the loss;
/// in a hidden layer it is Σ_k ∂L/∂z_k(next) · W_next[j, k], and `nextTerms` lists those
/// products. With softmax, ∂a_j/∂z_j is not one number (the whole row depends on z_j), so
/// `dAdZ` is nil and `dLdZ` is the Jacobian product (or the fused (y − t)/N with cross_entropy).
///
///     let f = try net.chainRule(layer: 1, kind: .weights, row: 0, col: 0)   // output.W[1, 1]
///     f.samples[0].dLdA * f.samples[0].dAdZ! * f.samples[0].input          // == f.gradient
public struct ChainRuleFactors: Sendable, Equatable {
    /// One term of a hidden layer's ∂L/∂a_j: ∂L/∂z_k of the next layer times W_next[j, k].
    public struct NextTerm: Sendable, Equatable {
        /// 0-based k.
        public var k: Int
        public var dLdZNext: Double
        public var weight: Double
    }

    public struct Sample: Sendable, Equatable {
        public var dLdA: Double
        /// ∂a_j/∂z_j; nil for softmax.
        public var dAdZ: Double?
        public var dLdZ: Double
        /// ∂z_j/∂W_ij: the layer's input i for this sample (1 for a bias).
        public var input: Double
        /// dLdZ · input: this sample's share of the gradient.
        public var contribution: Double
        /// Empty for the output layer.
        public var nextTerms: [NextTerm]
    }

    public var layer: Int
    public var layerName: String
    public var kind: ParameterKind
    /// 0-based i (0 for a bias) and j.
    public var row: Int
    public var col: Int
    public var isOutputLayer: Bool
    public var activation: Activation
    public var loss: LossKind
    /// The current value of the parameter.
    public var value: Double
    /// The factors of the samples in `sampleIndices` (all of them unless asked for fewer).
    public var samples: [Sample]
    /// 0-based sample numbers of `samples`.
    public var sampleIndices: [Int]
    /// Samples in the batch.
    public var sampleCount: Int
    /// ∂L/∂W_ij summed over the samples (equals the backward pass's dW[i, j]).
    public var gradient: Double
}

extension Network {
    /// The chain-rule factors of parameter (row, col) (0-based) of layer `layer`, from the
    /// last forward and backward pass. Throws if there was none or the index is out of range.
    /// `samples` picks which samples' factors to keep (0-based, in range; default all): an
    /// explanation of a batch of millions shows a few, and keeps no factors of the others.
    public func chainRule(layer l: Int, kind: ParameterKind = .weights, row i: Int, col j: Int,
                          samples picked: [Int]? = nil) throws -> ChainRuleFactors {
        try checkLayer(l)
        let layer = layers[l]
        let c = layer.cache
        guard c.hasBackward else {
            throw ValueError("no gradients to explain: run forward x, t and backward first")
        }
        if kind == .biases { guard layer.hasBias else { throw ValueError("layer '\(layer.name)' has no bias") } }
        let maxRow = kind == .weights ? layer.inputs : 1
        guard (0..<maxRow).contains(i), (0..<layer.outputs).contains(j) else {
            throw ValueError("\(layer.name).\(kind.rawValue)[\(i + 1), \(j + 1)] is out of range for a \(maxRow)×\(layer.outputs) parameter")
        }
        let isLast = l == layers.count - 1
        let next = isLast ? nil : layers[l + 1]
        var samples: [ChainRuleFactors.Sample] = []
        let indices = picked?.filter { (0..<c.rows).contains($0) } ?? Array(0..<c.rows)
        for s in indices {
            let k = s * layer.outputs + j
            let input = kind == .weights ? c.x[s * layer.inputs + i] : 1
            var terms: [ChainRuleFactors.NextTerm] = []
            if let next {
                for q in 0..<next.outputs {
                    terms.append(.init(k: q, dLdZNext: next.cache.dZ[s * next.outputs + q], weight: next.W[j, q]))
                }
            }
            samples.append(.init(dLdA: c.dA[k], dAdZ: layer.activation.derivative(z: c.z[k], a: c.a[k]),
                                 dLdZ: c.dZ[k], input: input, contribution: c.dZ[k] * input, nextTerms: terms))
        }
        let gradient = kind == .weights ? c.dW[i * layer.outputs + j] : c.dB[j]
        let value = kind == .weights ? layer.W[i, j] : layer.b[0, j]
        return ChainRuleFactors(layer: l, layerName: layer.name, kind: kind, row: i, col: j, isOutputLayer: isLast,
                                activation: layer.activation, loss: loss, value: value, samples: samples,
                                sampleIndices: indices, sampleCount: c.rows, gradient: gradient)
    }
}
