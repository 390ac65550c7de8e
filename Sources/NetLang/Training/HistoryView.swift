import NetCore

/// `show history`: the loss of each step, then (after `train`) the mean loss of each epoch.
/// A long history is a tensor instead of a table (NetworkViews.maxTableCells), and once its
/// entries stand for several steps each (LossHistory.swift) the step column says which
/// step an entry ends at, and a note says how many steps it is the mean of.
enum HistoryView {
    static func outputs(steps: LossHistory, epochs: LossHistory) -> [Output] {
        var parts = table(steps, title: "loss history", columns: ["step", "loss"], unit: "steps", empty: ["no steps yet"])
        // A history too long for a table is shown alone, as a tensor.
        if case .tensor = parts[0] { return parts }
        // One step per epoch (full batch) makes it the same table again: shown once.
        if !epochs.isEmpty && epochs != steps {
            parts += table(epochs, title: "loss per epoch (train)", columns: ["epoch", "mean loss"], unit: "epochs", empty: [])
        }
        return parts.count == 1 ? parts : [.group(parts)]
    }

    private static func table(_ history: LossHistory, title: String, columns: [String], unit: String, empty: [String]) -> [Output] {
        let values = history.values
        if values.count > NetworkViews.maxTableCells / 2 {
            let tensor = Output.tensor(TensorView(name: title, value: Tensor(rows: values.count, cols: 1, data: values)))
            return history.note(unit: unit).map { [tensor, .note(Note(text: "\(title): \($0)"))] } ?? [tensor]
        }
        let rows: [[Cell]] = values.enumerated().map { [.number(Double(history.lastStep(of: $0.offset))), .number($0.element)] }
        let footer = (values.isEmpty ? empty : history.note(unit: unit).map { [$0] } ?? []).map { Phrase($0) }
        return [.table(Table(title: title, columns: columns, rows: rows, footer: footer))]
    }
}
