import NetCore
import NetSupport

/// The outputs (data) that network statements show: tables per layer and parameter.
enum NetworkViews {
    /// Tables larger than this become tensors.
    static let maxTableCells = 4000

    /// "dE/d(hidden.W)", "dprice/dapple": the name of a gradient (E, the network's error,
    /// as lesson 03 and `explain` write it).
    /// "dE/dx" for a one-letter name; brackets around longer ones, so "dL/d(dout)" does not
    /// read as d/dd of out, and "dE/d(hidden.W)".
    static func derivative(_ of: String, _ wrt: String) -> String {
        wrt.count > 1 ? "d\(of)/d(\(wrt))" : "d\(of)/d\(wrt)"
    }

    /// Why a loss can be nan or inf, and what usually helps.
    static func nonFiniteLoss(_ value: Double) -> Phrase {
        "the loss is \(value.isNaN ? "nan" : "infinite"): a number overflowed or was already nan"
            + " (often after steps with too large an lr — try a smaller lr)"
    }

    static func parameterCount(_ layer: Dense) -> Int { layer.W.count + (layer.hasBias ? layer.b.count : 0) }

    static func layer(_ layer: Dense, origin: String, full: Bool = false) -> Output {
        var parts: [Output] = [.table(Table(title: "layer \(layer.name)", columns: ["layer", "shape", "activation", "bias", "weights", "parameters"],
                                            rows: [[.text(layer.name), .text("\(layer.inputs) -> \(layer.outputs)"), .text(layer.activation.name),
                                                    .text(layer.hasBias ? "yes" : "no"), .text(origin), .number(Double(parameterCount(layer)))]],
                                            footer: ["z = x @ W\(layer.hasBias ? " + b" : ""), a = \(layer.activation.name)(z); W is \(layer.W.shapeDescription)"]))]
        parts.append(.tensor(TensorView(name: "\(layer.name).W", value: layer.W, full: full)))
        if layer.hasBias { parts.append(.tensor(TensorView(name: "\(layer.name).b", value: layer.b, full: full))) }
        return .group(parts)
    }

    static func network(_ state: SessionState) -> Output {
        let rows: [[Cell]] = state.layers.map { l in
            [.text(l.name), .text("\(l.inputs) -> \(l.outputs)"), .text(l.activation.name), .text(l.hasBias ? "yes" : "no"),
             .number(Double(parameterCount(l)))]
        }
        let total = state.layers.reduce(0) { $0 + parameterCount($1) }
        let optimizer = OptimizerSettings.summary(state.optimizer.kind)
        let optimizerLines = ["optimizer " + optimizer[0]] + optimizer.dropFirst().map { "          " + $0 }
        return .table(Table(title: "network", columns: ["layer", "shape", "activation", "bias", "parameters"], rows: rows,
                            footer: ["loss \(state.network.loss.name)"] + optimizerLines + ["\(total) parameters"]))
    }

    /// Per layer, one row per sample: z and a of every unit, named as in hand-worked examples.
    static func forward(_ network: Network) -> Output {
        let layers = network.layers
        let naming = NeuronNaming(layers: layers)
        var parts: [Output] = []
        for (l, layer) in layers.enumerated() {
            guard let z = layer.z, let a = layer.a else { continue }
            // A big batch or layer shows z and a as tensors (summarized when rendered),
            // not as a table of millions of cells.
            if z.rows * layer.outputs * 2 > maxTableCells {
                parts.append(.tensor(TensorView(name: "\(layer.name).z", value: z)))
                parts.append(.tensor(TensorView(name: "\(layer.name).a", value: a)))
                continue
            }
            let columns = ["sample"] + (1...layer.outputs).map { naming.z(l, $0) } + (1...layer.outputs).map { naming.a(l, $0) }
            let rows: [[Cell]] = (0..<z.rows).map { i in
                [.number(Double(i + 1))] + (0..<layer.outputs).map { .number(z[i, $0]) } + (0..<layer.outputs).map { .number(a[i, $0]) }
            }
            let input = l == 0 ? "x" : layers[l - 1].name + ".a"
            parts.append(.table(Table(title: "\(layer.name): z = \(input) @ W\(layer.hasBias ? " + b" : ""), a = \(layer.activation.name)(z)",
                                      columns: columns, rows: rows)))
        }
        if let output = layers.last?.a { parts.append(.tensor(TensorView(name: "output", value: output))) }
        if let value = network.lastLoss {
            parts.append(.table(Table(title: "loss", columns: ["loss", "value"], rows: [[.text(network.loss.name), .number(value)]])))
        }
        return .group(parts)
    }

    static func backward(_ network: Network) -> Output {
        var parts: [Output] = []
        for layer in network.layers.reversed() {
            if let dz = layer.dZ { parts.append(.tensor(TensorView(name: derivative("E", "\(layer.name).z"), value: dz))) }
            if let dw = layer.dW { parts.append(.tensor(TensorView(name: derivative("E", "\(layer.name).W"), value: dw))) }
            if let db = layer.dB { parts.append(.tensor(TensorView(name: derivative("E", "\(layer.name).b"), value: db))) }
        }
        return .group(parts)
    }

    /// Before, gradient and after for every element (or per parameter for big layers).
    static func step(_ updates: [ParameterUpdate], layers: [Dense], lr: Double) -> Output {
        let naming = NeuronNaming(layers: layers)
        let elements = updates.reduce(0) { $0 + $1.before.count }
        if elements <= 200 {
            var rows: [[Cell]] = []
            for u in updates {
                for i in 0..<u.before.rows {
                    for j in 0..<u.before.cols {
                        let isWeight = u.id.kind == .weights
                        let symbol = isWeight ? naming.w(u.id.layer, i + 1, j + 1) : naming.b(u.id.layer, j + 1)
                        let label = isWeight ? "\(u.name)[\(i + 1), \(j + 1)]" : "\(u.name)[1, \(j + 1)]"
                        rows.append([.text(label), .text(symbol), .number(u.before[i, j]), .number(u.gradient[i, j]), .number(u.after[i, j])])
                    }
                }
            }
            return .table(Table(title: "step (lr \(SentenceNumber.text(lr, .exact)))", columns: ["parameter", "symbol", "before", "gradient", "after"], rows: rows))
        }
        var parts: [Output] = []
        for u in updates {
            parts.append(.tensor(TensorView(name: "\(u.name) before", value: u.before)))
            parts.append(.tensor(TensorView(name: derivative("E", u.name), value: u.gradient)))
            parts.append(.tensor(TensorView(name: "\(u.name) after", value: u.after)))
        }
        return .group(parts)
    }

    static func params(_ layers: [Dense]) -> Output {
        var parts: [Output] = []
        for l in layers {
            parts.append(.tensor(TensorView(name: "\(l.name).W", value: l.W)))
            if l.hasBias { parts.append(.tensor(TensorView(name: "\(l.name).b", value: l.b))) }
        }
        return .group(parts)
    }
}
