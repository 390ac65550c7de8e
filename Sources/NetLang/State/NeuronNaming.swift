import NetCore

/// How neurons, weights and biases are numbered through the network, as hand-worked
/// examples do: inputs x1…, hidden outputs h1…, outputs o1…, z and W counted across layers
/// (output.W[1, 1] of a 2-2-2 network is W5, its z are z3 and z4).
///
///     NeuronNaming(layers: net.layers).w(1, 1, 1)    // "W5"
struct NeuronNaming {
    let layers: [Dense]

    private func unitOffset(_ l: Int) -> Int { layers[..<l].reduce(0) { $0 + $1.outputs } }
    private func weightOffset(_ l: Int) -> Int { layers[..<l].reduce(0) { $0 + $1.inputs * $1.outputs } }

    /// 1-based unit j of layer l.
    func z(_ l: Int, _ j: Int) -> String { "z\(unitOffset(l) + j)" }
    func a(_ l: Int, _ j: Int) -> String { l == layers.count - 1 ? "o\(j)" : "h\(unitOffset(l) + j)" }
    /// 1-based input i of layer l (a previous layer's output, or x_i).
    func input(_ l: Int, _ i: Int) -> String { l == 0 ? "x\(i)" : a(l - 1, i) }
    /// W[i, j] of layer l: numbered unit by unit (all inputs of unit 1 first).
    func w(_ l: Int, _ i: Int, _ j: Int) -> String { "W\(weightOffset(l) + (j - 1) * layers[l].inputs + i)" }
    func b(_ l: Int, _ j: Int) -> String { "b\(unitOffset(l) + j)" }

    /// "x1" → "x_{1}" for LaTeX.
    static func latex(_ symbol: String) -> String {
        guard let split = symbol.firstIndex(where: { $0.isNumber }) else { return symbol }
        return "\(symbol[..<split])_{\(symbol[split...])}"
    }
}
