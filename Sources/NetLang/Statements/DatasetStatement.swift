import NetCore

/// `dataset NAME = KIND(n:, noise:, classes:)`: a toy data set from the seeded generator.
/// Two names before `=` split a data set instead (SplitStatement.swift).
struct DatasetStatement: Statement {
    var name: Token
    var kind: DatasetGenerator.Kind
    var options: [NamedOption]

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let name = try parser.expectIdentifier("a name for the data set (dataset NAME = KIND(...))")
        if parser.accept(",") { return try SplitStatement.parse(&parser, first: name, keyword: keyword) }
        try parser.expect("=", after: "the data set's name")
        if parser.current.identifier == "split" {
            throw LangError(.syntax, "split makes two data sets: name both", at: parser.current.location,
                            hint: "dataset \(name.identifier ?? "tr"), va = split(d, 0.8)")
        }
        let kinds = DatasetGenerator.Kind.allCases.map(\.rawValue)
        let word = try parser.expectChoice("data set kind", kinds)
        let open = try parser.expect("(", after: word.identifier ?? "the kind")
        var options: [NamedOption] = []
        if !parser.accept(")") {
            options = try parser.parseNamedOptions(allowed: ["n", "noise", "classes"], for: "dataset")
            try parser.expect(")", closing: open)
        }
        return DatasetStatement(name: name, kind: DatasetGenerator.Kind(rawValue: word.identifier ?? "") ?? .xor,
                                options: options)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        var n: Int?, noise: Double?, classes: Int?
        for option in options {
            switch option.name {
            case "n": n = try evaluator.integer(option.value, what: "n:", in: 1...DatasetGenerator.maximumCount)
            case "noise": noise = try evaluator.number(option.value, what: "noise")
            default: classes = try evaluator.integer(option.value, what: "classes:", in: 1...WholeNumber.exactLimit)
            }
        }
        // x (2 features, or 1 for gaussian's), y and the one-hot targets a lesson makes from it.
        let count = min(max(n ?? kind.defaultCount, 0), DatasetGenerator.maximumCount)
        try Limits.reserve(rows: count, cols: 3 + max(classes ?? 2, 2), for: "dataset \(name.identifier ?? "") (\(count) samples)",
                           in: context.memory, at: name.location)
        let set: Dataset
        do {
            set = try DatasetGenerator.make(kind, n: n, noise: noise, classes: classes,
                                            rng: &context.state.random.generator)
        } catch let error as DataError {
            let at = options.first { error.message.hasPrefix($0.name + ":") }?.value.location ?? name.location
            throw LangError(.value, error.message, at: at)
        }
        try DataStatements.store(set, as: name, in: &context.state)
        return DataStatements.views(name: name.identifier ?? "", set)
    }
}
