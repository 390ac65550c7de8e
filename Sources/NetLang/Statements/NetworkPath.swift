import NetCore

/// `show network hidden.W[1, 1]`: the network drawn with the path of that weight's chain
/// rule marked, the units and connections `explain hidden.W[1, 1]` multiplies through:
/// the weight's own connection (input i → unit j), unit j, and everything from j to the
/// loss — j's connections into the next layer and every later unit and connection, since
/// ∂E/∂a_j sums over all of them (W1 of the 2-2-2 lesson: x1 → h1, then W5 and W7 to o1, o2).
/// A bias's path starts at its unit. In a softmax layer every output depends on every z,
/// so the path spreads to all of the layer's units — except at an output layer with
/// cross-entropy, where softmax-with-loss leaves ∂E/∂z_j = (a_j − t_j)/N, unit j's own.
enum NetworkPath {
    static func mark(_ p: ParameterReference, in diagram: inout NetworkDiagram, layers: [Dense], loss: LossKind) {
        let naming = NeuronNaming(layers: layers)
        let symbol = p.kind == .weights ? naming.w(p.layer, p.row + 1, p.col + 1) : naming.b(p.layer, p.col + 1)
        diagram.path = (p.text, symbol)
        // Column c of the diagram is layer c - 1's output (column 0: the inputs); a unit is
        // found by its number among the units drawn (a wide layer leaves some out).
        func position(_ c: Int, _ unit: Int) -> Int? {
            guard diagram.columns.indices.contains(c) else { return nil }
            return NetworkDiagram.shownUnits(of: diagram.columns[c].count).firstIndex(of: unit)
        }
        let target = p.layer + 1
        let source = p.kind == .weights ? position(p.layer, p.row) : nil
        let unit = position(target, p.col)
        if let source { diagram.columns[p.layer].units[source].onPath = true }
        let coupled = layers[p.layer].activation == .softmax && !(p.layer == layers.count - 1 && loss == .crossEntropy)
        let spread: Set<Int> = coupled && diagram.columns.indices.contains(target)
            ? Set(diagram.columns[target].units.indices) : Set([unit].compactMap { $0 })
        for u in spread { diagram.columns[target].units[u].onPath = true }
        for c in diagram.columns.indices where c > target {
            for u in diagram.columns[c].units.indices { diagram.columns[c].units[u].onPath = true }
        }
        for e in diagram.edges.indices {
            let edge = diagram.edges[e]
            diagram.edges[e].onPath = (edge.column == target && edge.from == source && edge.to == unit && source != nil)
                || (edge.column == target + 1 && spread.contains(edge.from))
                || edge.column > target + 1
        }
    }
}
