import NetCore

/// The session's network: dense layers in order, the loss and the optimizer.
///
///     layer hidden = dense(2 -> 2, sigmoid)   →  layers.append(LayerState(name: "hidden", …))
struct NetworkState {
    /// The name `backward` records as the root of the network's gradients.
    static let lossName = "loss"
    var layers: [LayerState] = []
    var loss = "mse"
    var optimizer = OptimizerState()

    var parameterCount: Int { layers.reduce(0) { $0 + $1.weights.count + ($1.biases?.count ?? 0) } }
}

/// One dense layer: z = x @ W + b, a = activation(z); W is IN×OUT, b is 1×OUT.
struct LayerState {
    var name: String
    var activation: Activation
    var weights: Tensor
    var biases: Tensor?
    /// How the weights were made ("given", "xavier", …), for `show network`.
    var origin: String

    var inputs: Int { weights.rows }
    var outputs: Int { weights.cols }
}

/// How neurons, weights and biases are numbered through the network, as hand-worked
/// examples do: inputs x1…, hidden outputs h1…, outputs o1…, z and W counted across layers
/// (output.W[1, 1] of a 2-2-2 network is W5, its z are z3 and z4).
struct NeuronNaming {
    let layers: [LayerState]

    private func unitOffset(_ l: Int) -> Int { layers[..<l].reduce(0) { $0 + $1.outputs } }
    private func hiddenOffset(_ l: Int) -> Int { layers[..<l].reduce(0) { $0 + $1.outputs } }
    private func weightOffset(_ l: Int) -> Int { layers[..<l].reduce(0) { $0 + $1.inputs * $1.outputs } }

    /// 1-based unit j of layer l.
    func z(_ l: Int, _ j: Int) -> String { "z\(unitOffset(l) + j)" }
    func a(_ l: Int, _ j: Int) -> String { l == layers.count - 1 ? "o\(j)" : "h\(hiddenOffset(l) + j)" }
    /// 1-based input i of layer l (a previous layer's output, or x_i).
    func input(_ l: Int, _ i: Int) -> String { l == 0 ? "x\(i)" : a(l - 1, i) }
    /// W[i, j] of layer l: numbered column by column (all inputs of unit 1 first).
    func w(_ l: Int, _ i: Int, _ j: Int) -> String { "W\(weightOffset(l) + (j - 1) * layers[l].inputs + i)" }
    func b(_ l: Int, _ j: Int) -> String { "b\(unitOffset(l) + j)" }

    /// "x1" → "x_1" for LaTeX.
    static func latex(_ symbol: String) -> String {
        guard let split = symbol.firstIndex(where: { $0.isNumber }) else { return symbol }
        return "\(symbol[..<split])_{\(symbol[split...])}"
    }
}
