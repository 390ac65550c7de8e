import NetCore
import NetSupport

/// Captions for `show image` when the pictures are rows of a labelled data set's x:
/// `show image digits.x[1:5, :]` captions each tile "row 3: label 7", with the label as
/// the file wrote it (digit 7 is class 8 once labels 0–9 became classes 1–10).
///
///     show image digits.x[1:5, :], shape: [8, 8]   # row 1: label 0 … row 5: label 4
///     show image digits.x[7, :]                    # label 6
///     show image X[1:5, :], shape: [8, 8]          # a plain tensor: row 1 … row 5
enum ImageLabels {
    /// "row 3: label 7" for each row of the shown tensor, or nil when the expression is
    /// not `SET.x` or `SET.x[rows…]` of a loaded data set with classes.
    static func captions(for value: Expr, rows: Int, evaluator: inout Evaluator) -> [String]? {
        labels(for: value, rows: rows, evaluator: &evaluator)?.map { "row \($0.row): label \($0.label)" }
    }

    /// The data set row (1-based) and file label of each row of the shown tensor.
    static func labels(for value: Expr, rows: Int, evaluator: inout Evaluator) -> [(row: Int, label: String)]? {
        var base = value
        var subscripts: [Subscript] = []
        if case .index(let inner, let subs) = value.kind { base = inner; subscripts = subs }
        let state = evaluator.state
        guard let (setName, member) = base.dottedName, member == "x", let firstLabel = state.datasetFirstLabels[setName],
              let x = state.datasets[setName]?["x"], let y = state.datasets[setName]?["y"],
              y.cols == 1, y.rows == x.rows else { return nil }
        var first = 0
        if !subscripts.isEmpty {
            // The subscripts were already checked when the value was computed; a failure
            // here only means no labels.
            guard let (rowRange, _) = try? evaluator.indexRanges(subscripts, of: x, at: value.location) else { return nil }
            first = rowRange?.lowerBound ?? 0
        }
        guard first + rows <= y.rows else { return nil }
        return (0..<rows).map { r in
            let row = first + r
            let label = y[row, 0] - 1 + Double(firstLabel)
            let text = label.isFinite && abs(label) < 1e9 ? String(Int(label)) : SentenceNumber.text(label, .exact)
            return (row + 1, text)
        }
    }
}
