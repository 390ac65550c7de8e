import NetCore
import NetSupport

/// `show mistakes X, T` and `show confusion X, T`: the session's network on the inputs X
/// (rows = samples) against the targets T (one-hot rows or a column of 1-based classes;
/// 0/1 for a network with one output). One name of a data set stands for NAME.x, NAME.y.
/// It runs the network like `forward X` but changes nothing in the session.
///
///     show mistakes Xtest, Ttest, shape: [8, 8], max: 12, first: 0
///     show confusion Xtest, Ttest, first: 0      # rows and columns named 0–9
///
/// `first:` names class 1 (digits loaded with classes 1–10 are 0–9 with `first: 0`).
struct ClassificationViews: Statement {
    enum Kind { case mistakes, confusion }
    var kind: Kind
    var input: Expr
    var target: Expr?
    var options: [NamedOption]
    var location: SourceLocation

    static func options(_ word: String) -> [String] { word == "mistakes" ? ["shape", "range", "max", "first"] : ["first"] }
    static let defaultCount = 12
    /// 50×50 counts: a table still read on a screen, a heatmap of 20-pixel cells.
    static let maxConfusionClasses = 50

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let (x, t, label) = try inputs(&evaluator, context.state)
        let first = try ImageStatements.option("first", in: options)
            .map { try evaluator.integer($0.value, what: "first:", in: -1_000_000...1_000_000) } ?? 1
        let classes = try predictions(x, t, context.state, memory: context.memory)
        func name(_ c: Int) -> String { classes.binary ? String(c) : String(c + first) }
        switch kind {
        case .confusion:
            guard classes.count <= Self.maxConfusionClasses else {
                throw LangError(.limit, "a confusion matrix of \(classes.count) classes is too large to show: at most \(Self.maxConfusionClasses)",
                                at: location)
            }
            var counts = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
            for (truth, said) in zip(classes.truth, classes.predicted) { counts[truth][said] += 1 }
            return [.confusion(ConfusionView(title: "confusion on \(label)", classNames: (0..<classes.count).map(name), counts: counts))]
        case .mistakes:
            let wrong = classes.truth.indices.filter { classes.truth[$0] != classes.predicted[$0] }
            guard !wrong.isEmpty else {
                return [.note(Note(title: "mistakes on \(label)", text: "none: all \(x.rows) answers are right"))]
            }
            let shapeOption = ImageStatements.option("shape", in: options)
            let targetText = target.map { context.text(of: $0.location) } ?? "…"
            let given = try shapeOption.map { try ImageShape.shapeOption($0.value, &evaluator) }
            let shape = try ImageShape.of(Tensor(rows: 1, cols: x.cols), shape: given, label: "one row of \(label)",
                                          at: input.location, shapeAt: shapeOption?.value.location,
                                          retry: { "show mistakes \(label), \(targetText), shape: \($0)" })
            let fits = max(1, min(ImageShape.maxTiles, ImageShape.maxPixels / (shape.rows * shape.cols)))
            let asked = try ImageStatements.option("max", in: options)
                .map { try evaluator.integer($0.value, what: "max:", in: 1...fits) } ?? min(Self.defaultCount, fits)
            let shown = wrong.prefix(asked)
            let tiles = shown.map { r in
                ImageView.Tile(caption: "row \(r + 1): \(name(classes.truth[r])) → \(name(classes.predicted[r]))",
                               pixels: Tensor(rows: shape.rows, cols: shape.cols, data: Array(x.data[(r * x.cols)..<((r + 1) * x.cols)])))
            }
            let scale = try ImageStatements.option("range", in: options).map { try ImageShape.rangeOption($0.value, &evaluator) }
                ?? ImageShape.greyScale(tiles.lazy.flatMap(\.pixels.data))
            var notes = ["\(wrong.count) of \(x.rows) wrong"]
            if shown.count < wrong.count { notes[0] += "; the first \(shown.count) shown (max: N shows up to \(fits))" }
            return [.image(ImageView(title: "mistakes on \(label) (row: true → predicted)", tiles: tiles, scale: scale, notes: notes))]
        }
    }

    /// X, T and how to name them: two expressions, or one data set.
    private func inputs(_ evaluator: inout Evaluator, _ state: SessionState) throws -> (Tensor, Tensor, String) {
        let word = kind == .mistakes ? "mistakes" : "confusion"
        if let target {
            let x = try evaluator.value(input), t = try evaluator.value(target)
            return (x, t, input.simpleName ?? evaluator.text(of: input.location))
        }
        guard let name = input.simpleName, let set = state.datasets[name], let x = set["x"], let t = set["y"] else {
            throw LangError(.syntax, "show \(word) needs inputs and targets", at: input.location,
                            hint: "show \(word) X, T (or the name of a data set)")
        }
        return (x, t, name)
    }

    /// 0-based true and predicted classes of every row.
    private struct Classes { var truth: [Int]; var predicted: [Int]; var count: Int; var binary: Bool }

    private func predictions(_ x: Tensor, _ t: Tensor, _ state: SessionState, memory: MemoryBudget) throws -> Classes {
        guard !state.network.layers.isEmpty else {
            throw LangError(.value, "the network has no layers yet", at: location)
        }
        guard x.rows == t.rows, x.rows > 0 else {
            throw LangError(.shape, "the inputs have \(x.rows) rows and the targets \(t.rows): one target per input",
                            at: input.location.through(target?.location ?? input.location))
        }
        try Limits.reserve(elements: state.network.passElements(rows: x.rows), for: "the network on \(x.rows) samples",
                           in: memory, at: input.location)
        let y: Tensor
        do { y = try state.network.predict(x) } catch let error as NetCoreError { throw LangError(error, at: input.location) }
        let binary = y.cols == 1
        let count = binary ? 2 : y.cols
        let predicted = (0..<y.rows).map { r -> Int in
            if binary { return y[r, 0] >= 0.5 ? 1 : 0 }
            var best = 0
            for c in 1..<y.cols where y[r, c] > y[r, best] { best = c }
            return best
        }
        let targetAt = target?.location ?? input.location
        let truth: [Int]
        if t.cols == 1 {
            truth = try (0..<t.rows).map { r in
                let v = t[r, 0]
                let allowed = binary ? 0...1 : 1...count
                // Int(exactly:): nil for nan, inf, fractions and anything past Int's range
                // (1e19 as a class would trap a plain Int(v)).
                guard let k = Int(exactly: v), allowed.contains(k) else {
                    throw LangError(.value, "target \(SentenceNumber.text(v, .exact)) in row \(r + 1) is not a class: \(binary ? "0 or 1" : "1 to \(count)")",
                                    at: targetAt)
                }
                return binary ? k : k - 1
            }
        } else if t.cols == y.cols {
            truth = (0..<t.rows).map { r in (0..<t.cols).reduce(0) { t[r, $1] > t[r, $0] ? $1 : $0 } }
        } else {
            throw LangError(.shape, "the targets are \(t.shapeDescription) and the network gives \(y.cols) outputs per sample",
                            at: targetAt, hint: "one-hot rows of \(y.cols) values, or a column of classes 1 to \(y.cols)")
        }
        return Classes(truth: truth, predicted: predicted, count: count, binary: binary)
    }
}
