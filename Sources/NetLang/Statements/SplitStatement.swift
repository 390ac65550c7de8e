import NetCore
import NetSupport

/// `dataset TRAIN, VALID = split(SET, FRACTION)`: the samples of a data set in two parts,
/// the first FRACTION of them (rounded down) for training and the rest for validation,
/// in an order shuffled by the session's seeded generator (`shuffle: false` keeps the
/// order: the first rows train). `train TRAIN.x, TRAIN.y, validation: VALID` then records
/// the validation loss after every epoch.
///
///     dataset s = spiral(n: 100)
///     dataset tr, va = split(s, 0.8)     // tr: 240 samples, va: 60
struct SplitStatement: Statement {
    var names: (Token, Token)
    var source: Token
    var fraction: Expr
    var options: [NamedOption]
    var location: SourceLocation

    /// Called by `dataset` after the first name and its comma.
    static func parse(_ parser: inout Parser, first: Token, keyword: Token) throws -> Statement {
        do {
            return try parseParts(&parser, first: first, keyword: keyword)
        } catch var error as LangError where error.kind == .syntax && error.hint == nil {
            // Not `dataset`'s usage (NAME = xor | …), which the statement would add: the split's.
            error.hint = "write dataset TRAIN, VALID = split(SET, 0.8)"
            throw error
        }
    }

    private static func parseParts(_ parser: inout Parser, first: Token, keyword: Token) throws -> Statement {
        let second = try parser.expectIdentifier("a second name (dataset TRAIN, VALID = split(SET, 0.8))")
        try parser.expect("=", after: "the two names")
        guard parser.acceptWord("split") else {
            throw LangError(.syntax, "two names take the two parts of a split, found \(parser.current.describe)",
                            at: parser.current.location, hint: "dataset tr, va = split(d, 0.8)")
        }
        let open = try parser.expect("(", after: "split")
        let source = try parser.expectIdentifier("the data set to split (split(SET, 0.8))")
        try parser.expect(",", after: "the data set (split(SET, 0.8))")
        let fraction = try parser.parseExpression()
        var options: [NamedOption] = []
        if parser.accept(",") { options = try parser.parseNamedOptions(allowed: ["shuffle"], for: "split") }
        try parser.expect(")", closing: open)
        return SplitStatement(names: (first, second), source: source, fraction: fraction, options: options, location: keyword.location)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let (trainName, validName) = (names.0.identifier ?? "", names.1.identifier ?? "")
        guard trainName != validName else {
            throw LangError(.name, "the two parts need different names", at: names.1.location, hint: "dataset tr, va = split(d, 0.8)")
        }
        let setName = source.identifier ?? ""
        guard let set = context.state.datasets[setName], let x = set["x"], let y = set["y"] else {
            let sets = context.state.datasetNames
            throw LangError(.name, "no data set named '\(setName)'", at: source.location,
                            hint: Suggest.hint(for: setName, in: sets) ?? (sets.isEmpty ? "make one first: dataset d = spiral()" : "data sets: " + sets.joined(separator: ", ")))
        }
        var evaluator = Evaluator(context: context)
        let f = try evaluator.number(fraction, what: "the fraction for training")
        var shuffle = true
        for option in options {   // only shuffle:
            let v = try evaluator.number(option.value, what: "shuffle")
            guard v == 0 || v == 1 else { throw LangError(.value, "shuffle is true or false", at: option.value.location) }
            shuffle = v == 1
        }
        guard f.isFinite, f > 0, f < 1 else {
            throw LangError(.value, "the fraction for training must lie between 0 and 1, not \(SentenceNumber.text(f, .exact))", at: fraction.location,
                            hint: "0.8 keeps 80% of the samples for training and 20% for validation")
        }
        let n = x.rows
        let trainCount = WholeNumber.clamped(f * Double(n), to: 0...n, rounding: .down) ?? 0
        guard trainCount >= 1, trainCount < n else {
            throw LangError(.value, "split(\(setName), \(SentenceNumber.text(f, .exact))) of \(n) sample\(n == 1 ? "" : "s") leaves \(trainCount) for \(trainName) and \(n - trainCount) for \(validName); each part needs at least one",
                            at: fraction.location)
        }
        try Limits.reserve(rows: n, cols: x.cols + y.cols, for: "split \(setName) (\(n) samples)", in: context.memory, at: source.location)
        context.state.random = evaluator.state.random
        var order = Array(0..<n)
        if shuffle { context.state.random.generator.shuffle(&order) }
        func part(_ rows: ArraySlice<Int>) -> Dataset {
            var px = Tensor(rows: rows.count, cols: x.cols), py = Tensor(rows: rows.count, cols: y.cols)
            x.gather(rows: rows, into: &px); y.gather(rows: rows, into: &py)
            return Dataset(x: px, y: py)
        }
        let train = part(order[..<trainCount]), valid = part(order[trainCount...])
        try DataStatements.store(train, as: names.0, in: &context.state)
        try DataStatements.store(valid, as: names.1, in: &context.state)
        return Self.views(setName, n: n, shuffled: shuffle, (trainName, train), (validName, valid))
    }

    /// The sizes of both parts; for two inputs, a scatter plot of which samples went where.
    static func views(_ setName: String, n: Int, shuffled: Bool, _ a: (String, Dataset), _ b: (String, Dataset)) -> [Output] {
        func line(_ part: (String, Dataset), _ role: String) -> String {
            // A whole percent (a count), rounded as printf's "%.0f" rounds: ties to even.
            let share = Int((100 * Double(part.1.count) / Double(n)).rounded(.toNearestOrEven))
            return "\(part.0).x  \(part.1.x.shapeDescription)  \(part.0).y  \(part.1.y.shapeDescription)  \(share)% of \(setName), \(role)"
        }
        let how = shuffled ? "samples in an order shuffled by the seed" : "samples in their order"
        let note = Output.note(Note(title: "split \(setName)", text: [
            "\(n) \(how):", line(a, "for training"),
            line(b, "for validation (train …, validation: \(b.0))")].joined(separator: "\n")))
        guard a.1.x.cols == 2 else { return [note] }
        func points(_ part: (String, Dataset)) -> Plot.Series {
            PlotStatement.thinned(label: part.0, count: part.1.count, x: { part.1.x[$0, 0] }, y: { part.1.x[$0, 1] },
                                  limit: PlotStatement.maxPoints / 2)
        }
        let plot = Plot(kind: .scatter, title: "split \(setName): \(a.0) and \(b.0)", xLabel: "x1", yLabel: "x2",
                        series: [points(a), points(b)])
        return [note, .plot(plot)]
    }
}
