import NetCore

/// Builds `show network`'s picture from the session's layers: the units named as the
/// lessons name them (NeuronNaming), sample 1's z and a from the last `forward`, and the
/// gradients from the last `backward`.
enum NetworkDiagramBuilder {
    static func diagram(of network: [Dense]) -> NetworkDiagram {
        let naming = NeuronNaming(layers: network)
        let layers = Array(network.prefix(NetworkDiagram.drawnLayers))
        guard let first = layers.first else { return NetworkDiagram(columns: [], edges: [], samples: 0, hasGradients: false) }
        // The values of sample 1, when every layer has run forward on the same batch.
        let forwardDone = layers.allSatisfy { $0.z != nil }
        let samples = forwardDone ? (first.x?.rows ?? 0) : 0
        let showValues = samples > 0
        let inputRow = showValues ? first.x : nil

        let inputShown = NetworkDiagram.shownUnits(of: first.inputs)
        var columns = [NetworkDiagram.Column(
            title: "input", activation: "",
            units: inputShown.map { i in NetworkDiagram.Unit(name: naming.input(0, i + 1), a: inputRow.map { $0[0, i] }) },
            count: first.inputs, leading: min(inputShown.count, NetworkDiagram.leadingUnits))]
        var edges: [NetworkDiagram.Edge] = []
        let hasGradients = layers.allSatisfy { $0.dW != nil }
        var previousShown = inputShown

        for (l, layer) in layers.enumerated() {
            let shown = NetworkDiagram.shownUnits(of: layer.outputs)
            let z = showValues ? layer.z : nil, a = showValues ? layer.a : nil
            let dB = hasGradients ? layer.dB : nil
            let units = shown.map { j in
                var unit = NetworkDiagram.Unit(name: naming.a(l, j + 1), z: z.map { $0[0, j] }, a: a.map { $0[0, j] },
                                    bias: layer.hasBias ? layer.b[0, j] : nil, biasGradient: dB.map { $0[0, j] })
                unit.biasSymbol = naming.b(l, j + 1)
                return unit
            }
            columns.append(NetworkDiagram.Column(title: layer.name, activation: layer.activation.name, units: units,
                                                 count: layer.outputs, leading: min(shown.count, NetworkDiagram.leadingUnits)))
            let dW = hasGradients ? layer.dW : nil
            // Grouped by target unit, as the lessons number the weights (all inputs of unit 1 first).
            for (to, j) in shown.enumerated() {
                for (from, i) in previousShown.enumerated() {
                    edges.append(NetworkDiagram.Edge(column: l + 1, from: from, to: to, symbol: naming.w(l, i + 1, j + 1),
                                                     weight: layer.W[i, j], gradient: dW.map { $0[i, j] }))
                }
            }
            previousShown = shown
        }
        var diagram = NetworkDiagram(columns: columns, edges: edges, samples: samples, hasGradients: hasGradients)
        diagram.layersLeftOut = network.count - layers.count
        return diagram
    }
}
