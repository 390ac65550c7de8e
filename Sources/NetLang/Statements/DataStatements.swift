import NetCore

/// `dataset NAME = KIND(n:, noise:, classes:)` and `load NAME = csv("PATH", label: COL)` /
/// `load NAME = idx("IMAGES", "LABELS")`: data sets as `NAME.x` and `NAME.y`.
enum DataStatements {
    static let parsers: [String: StatementParser] = [
        "dataset": DatasetStatement.parse,
        "load": LoadStatement.parse,
    ]

    /// What a data set shows: its sizes, notes, and for two inputs a scatter plot by class.
    static func views(name: String, _ d: Dataset) -> [Output] {
        var lines = ["\(name).x  \(d.x.shapeDescription)  inputs: \(d.featureNames.prefix(6).map(VisibleText.escaped).joined(separator: ", "))\(d.featureNames.count > 6 ? ", …" : "")",
                     "\(name).y  \(d.y.shapeDescription)" + (d.classes.map { "  classes 1–\($0)" } ?? "")]
        if d.classes != nil {
            var counts = [Int](repeating: 0, count: d.classes ?? 0)
            for label in d.y.data where label == label.rounded() {
                if let k = WholeNumber.clamped(label, to: 0...(counts.count + 1)), counts.indices.contains(k - 1) { counts[k - 1] += 1 }
            }
            // Many classes (labels up to 10^6 in a CSV) list the first and last 10 counts.
            let shown = TensorSummary.side(counts.count, edge: 10).map { $0.map { String(counts[$0]) } ?? "…" }
            lines.append("samples per class: " + shown.joined(separator: ", "))
        }
        // Notes and column names come from the file (a CSV header, an IDX file name): escaped.
        lines += d.notes.map(VisibleText.escaped)
        if d.y.cols == 0, let last = d.featureNames.last {
            // A forgotten `label:` would otherwise train on the answer as an input.
            lines.append("no label column: \(name).y is empty and every column is an input; "
                         + "name the targets with label:, e.g. label: \"\(VisibleText.escaped(last))\"")
        }
        var outputs: [Output] = [.note(Note(title: "data set \(name)", text: lines.joined(separator: "\n")))]
        if d.x.cols == 2 {
            // Classes for colouring: the class index, or small whole targets (xor's 0/1) as
            // classes from 1. Other targets (fractions, 1e300, nan from a file) get one marker.
            // Read only for the points the plot keeps (at most PlotStatement.maxPoints).
            let y = d.y
            let wholeTargets = y.cols == 1 && y.data.allSatisfy { $0 == $0.rounded() && $0 >= 0 && $0 < 32 }
            let classOf: ((Int) -> Int)? = y.cols != 1 ? nil
                : d.classes != nil ? { WholeNumber.clamped(y.data[$0], to: 1...max(1, d.classes ?? 1)) ?? 1 }
                : wholeTargets ? { (WholeNumber.clamped(y.data[$0], to: 0...31) ?? 0) + 1 } : nil
            var plot = Plot(kind: .scatter, title: name, xLabel: VisibleText.escaped(d.featureNames[0]), yLabel: VisibleText.escaped(d.featureNames[1]),
                            series: [PlotStatement.thinned(label: name, count: d.count, x: { d.x[$0, 0] }, y: { d.x[$0, 1] },
                                                           classes: classOf)])
            // 0/1 targets are shown as what they are, not as "class 1" for the target 0.
            if d.classes == nil, wholeTargets, y.data.allSatisfy({ $0 == 0 || $0 == 1 }) {
                plot.classNames = ["t = 0", "t = 1"]
            }
            outputs.append(.plot(plot))
        } else if d.count > 0 {
            let preview = min(5, d.count)
            outputs.append(.tensor(TensorView(name: "\(name).x, first \(preview) of \(d.count) rows",
                                              value: Tensor(rows: preview, cols: d.x.cols,
                                                            data: Array(d.x.data.prefix(preview * d.x.cols))))))
        }
        return outputs
    }

    /// Stores the set: NAME.x and NAME.y. A layer's name cannot be reused for data.
    static func store(_ d: Dataset, as name: Token, in state: inout SessionState) throws {
        let n = name.identifier ?? ""
        if state.layerIndex(named: n) != nil {
            throw LangError(.name, "'\(n)' is already a layer", at: name.location, hint: "choose another name for the data set")
        }
        state.datasets[n] = ["x": d.x, "y": d.y]
        state.datasetFirstLabels[n] = d.classes == nil ? nil : d.firstLabel
    }
}
