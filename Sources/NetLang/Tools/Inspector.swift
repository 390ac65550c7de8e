import NetCore

/// Shift-Tab: what the word under the cursor is — a tensor's shape, statistics and values,
/// a layer, or a keyword's help.
///
///     Inspector(state: s).inspect("print hidden.W", cursor: 10)   // hidden.W's table
struct Inspector {
    let state: SessionState

    func inspect(_ code: String, cursor: Int) -> Output? {
        let scalars = Array(code.unicodeScalars)
        let cursor = max(0, min(cursor, scalars.count))
        var start = cursor, end = cursor
        func isPart(_ c: Unicode.Scalar) -> Bool { CompletionEngine.isWordScalar(c) || c == "." }
        while start > 0, isPart(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, isPart(scalars[end]) { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<end])).trimmingDots
        guard !word.isEmpty else { return nil }
        if let node = state.tensors[word] { return describe(word, node.value) }
        let parts = word.split(separator: ".").map(String.init)
        if parts.count == 2, let l = state.layerIndex(named: parts[0]) {
            let layer = state.layers[l]
            switch parts[1] {
            case "W": return describe(word, layer.W)
            case "b": return layer.hasBias ? describe(word, layer.b) : nil
            case "z", "a":
                guard state.lastInput != nil else { return nil }
                return (parts[1] == "z" ? layer.z : layer.a).map { describe(word, $0) }
            default: break
            }
        }
        if parts.count == 2, let member = state.datasets[parts[0]]?[parts[1]] { return describe(word, member) }
        if let l = state.layerIndex(named: parts[0]) {
            let layer = state.layers[l]
            return NetworkViews.layer(layer, origin: state.layerOrigins[layer.name] ?? "")
        }
        let key = parts.last ?? word
        if let text = HelpCatalog.text(for: key) { return .note(Note(title: key, text: text, isHelp: true)) }
        return nil
    }

    private func describe(_ name: String, _ t: Tensor) -> Output {
        var rows: [[Cell]] = [[.text("shape"), .text(t.shapeDescription)]]
        if t.count > 0 {
            let mean = t.data.reduce(0, +) / Double(t.count)
            let variance = t.data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(t.count)
            rows += [[.text("min"), .number(t.data.min() ?? 0)], [.text("max"), .number(t.data.max() ?? 0)],
                     [.text("mean"), .number(mean)], [.text("std"), .number(variance.squareRoot())]]
        }
        return .group([.table(Table(title: name, columns: ["", name], rows: rows)),
                       .tensor(TensorView(name: name, value: t))])
    }
}

private extension String {
    var trimmingDots: String {
        var s = Substring(self)
        while s.hasPrefix(".") { s = s.dropFirst() }
        while s.hasSuffix(".") { s = s.dropLast() }
        return String(s)
    }
}
