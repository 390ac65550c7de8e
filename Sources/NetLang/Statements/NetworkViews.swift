import NetCore

/// The outputs (data) that network statements show: tables per layer and parameter.
enum NetworkViews {
    static func layer(_ layer: LayerState, index: Int, of layers: [LayerState]) -> Output {
        var parts: [Output] = [.table(Table(title: "layer \(layer.name)", columns: ["layer", "shape", "activation", "bias", "weights", "parameters"],
                                            rows: [[.text(layer.name), .text("\(layer.inputs) -> \(layer.outputs)"), .text(layer.activation.name),
                                                    .text(layer.biases == nil ? "no" : "yes"), .text(layer.origin),
                                                    .number(Double(layer.weights.count + (layer.biases?.count ?? 0)))]],
                                            footer: ["z = x @ W + b, a = \(layer.activation.name)(z); W is \(layer.weights.shapeDescription)"]))]
        parts.append(.tensor(TensorView(name: "\(layer.name).W", value: layer.weights)))
        if let b = layer.biases { parts.append(.tensor(TensorView(name: "\(layer.name).b", value: b))) }
        return .group(parts)
    }

    static func network(_ network: NetworkState) -> Output {
        let rows: [[Cell]] = network.layers.map { l in
            [.text(l.name), .text("\(l.inputs) -> \(l.outputs)"), .text(l.activation.name), .text(l.biases == nil ? "no" : "yes"),
             .number(Double(l.weights.count + (l.biases?.count ?? 0)))]
        }
        return .table(Table(title: "network", columns: ["layer", "shape", "activation", "bias", "parameters"], rows: rows,
                            footer: ["loss \(network.loss)", "optimizer \(network.optimizer.summary)",
                                     "\(network.parameterCount) parameters"]))
    }

    /// Per layer, one row per sample: z and a of every unit, named as in hand-worked examples.
    static func forward(_ record: ForwardRecord, layers: [LayerState], loss: String) -> Output {
        let naming = NeuronNaming(layers: layers)
        var parts: [Output] = []
        for (l, layer) in layers.enumerated() {
            let r = record.layers[l]
            let columns = ["sample"] + (1...layer.outputs).map { naming.z(l, $0) } + (1...layer.outputs).map { naming.a(l, $0) }
            let rows: [[Cell]] = (0..<r.z.rows).map { i in
                [.number(Double(i + 1))] + (0..<layer.outputs).map { .number(r.z[i, $0]) } + (0..<layer.outputs).map { .number(r.a[i, $0]) }
            }
            parts.append(.table(Table(title: "\(layer.name): z = \(l == 0 ? "x" : layers[l - 1].name + ".a") @ W\(layer.biases == nil ? "" : " + b"), a = \(layer.activation.name)(z)",
                                      columns: columns, rows: rows)))
        }
        parts.append(.tensor(TensorView(name: "output", value: record.output)))
        if let value = record.loss {
            parts.append(.table(Table(title: "loss", columns: ["loss", "value"], rows: [[.text(loss), .number(value)]])))
        }
        return .group(parts)
    }

    static func backward(_ grads: [NetworkMath.LayerGradients], layers: [LayerState]) -> Output {
        var parts: [Output] = []
        for (layer, g) in zip(layers, grads).reversed() {
            parts.append(.tensor(TensorView(name: "dL/d\(layer.name).z", value: g.dz)))
            parts.append(.tensor(TensorView(name: "dL/d\(layer.name).W", value: g.dW)))
            if let db = g.db { parts.append(.tensor(TensorView(name: "dL/d\(layer.name).b", value: db))) }
        }
        return .group(parts)
    }

    /// Before, gradient and after for every element (or per parameter for big layers).
    static func step(_ changes: [ParameterChange], layers: [LayerState], lr: Double) -> Output {
        let naming = NeuronNaming(layers: layers)
        let elements = changes.reduce(0) { $0 + $1.before.count }
        if elements <= 200 {
            var rows: [[Cell]] = []
            for c in changes {
                let name = layers[c.layer].name
                for i in 0..<c.before.rows {
                    for j in 0..<c.before.cols {
                        let symbol = c.parameter == "W" ? naming.w(c.layer, i + 1, j + 1) : naming.b(c.layer, j + 1)
                        let label = c.parameter == "W" ? "\(name).W[\(i + 1), \(j + 1)]" : "\(name).b[1, \(j + 1)]"
                        rows.append([.text(label), .text(symbol), .number(c.before[i, j]), .number(c.gradient[i, j]), .number(c.after[i, j])])
                    }
                }
            }
            return .table(Table(title: "step (lr \(lr))", columns: ["parameter", "symbol", "before", "gradient", "after"], rows: rows))
        }
        var parts: [Output] = []
        for c in changes {
            let name = "\(layers[c.layer].name).\(c.parameter)"
            parts.append(.tensor(TensorView(name: "\(name) before", value: c.before)))
            parts.append(.tensor(TensorView(name: "dL/d\(name)", value: c.gradient)))
            parts.append(.tensor(TensorView(name: "\(name) after", value: c.after)))
        }
        return .group(parts)
    }

    static func params(_ layers: [LayerState]) -> Output {
        var parts: [Output] = []
        for l in layers {
            parts.append(.tensor(TensorView(name: "\(l.name).W", value: l.weights)))
            if let b = l.biases { parts.append(.tensor(TensorView(name: "\(l.name).b", value: b))) }
        }
        return .group(parts)
    }
}
