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
        var lines = ["\(name).x  \(d.x.shapeDescription)  inputs: \(d.featureNames.prefix(6).joined(separator: ", "))\(d.featureNames.count > 6 ? ", …" : "")",
                     "\(name).y  \(d.y.shapeDescription)" + (d.classes.map { "  classes 1–\($0)" } ?? "")]
        if d.classes != nil {
            var counts = [Int](repeating: 0, count: d.classes ?? 0)
            for label in d.y.data where label >= 1 && Int(label) <= counts.count { counts[Int(label) - 1] += 1 }
            lines.append("samples per class: " + counts.map(String.init).joined(separator: ", "))
        }
        lines += d.notes
        var outputs: [Output] = [.note(Note(title: "data set \(name)", text: lines.joined(separator: "\n")))]
        if d.x.cols == 2 {
            // Classes for colouring: the class index, or 0/1 targets (xor) as classes 1/2.
            let classes = d.y.cols == 1 ? d.y.data.map { d.classes == nil ? Int($0.rounded()) + 1 : Int($0) } : nil
            outputs.append(.plot(Plot(kind: .scatter, title: name, xLabel: d.featureNames[0], yLabel: d.featureNames[1],
                                      series: [Plot.Series(label: name, x: (0..<d.count).map { d.x[$0, 0] },
                                                           y: (0..<d.count).map { d.x[$0, 1] }, classes: classes)])))
        } else if d.count > 0 {
            let preview = min(5, d.count)
            outputs.append(.tensor(TensorView(name: "\(name).x (first \(preview) rows)",
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
    }
}

struct DatasetStatement: Statement {
    var name: Token
    var kind: DatasetGenerator.Kind
    var options: [NamedOption]

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let name = try parser.expectIdentifier("a name for the data set (dataset NAME = KIND(...))")
        try parser.expect("=", after: "the data set's name")
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
            case "n": n = try evaluator.integer(option.value, what: "n")
            case "noise": noise = try evaluator.number(option.value, what: "noise")
            default: classes = try evaluator.integer(option.value, what: "classes")
            }
        }
        context.state.random = evaluator.state.random
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

struct LoadStatement: Statement {
    enum Source {
        case csv(path: Token, label: CSVLoader.LabelColumn?, labelLocation: SourceLocation?)
        case idx(images: Token, labels: Token)
    }
    var name: Token
    var source: Source

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let name = try parser.expectIdentifier("a name for the data (load NAME = csv(\"PATH\", label: COL))")
        try parser.expect("=", after: "the data's name")
        let format = try parser.expectChoice("file format", ["csv", "idx"])
        let open = try parser.expect("(", after: format.identifier ?? "the format")
        let first = try expectString(&parser, "the file's path in quotes")
        if format.identifier == "idx" {
            try parser.expect(",", after: "the images file (idx(\"IMAGES\", \"LABELS\"))")
            let labels = try expectString(&parser, "the labels file's path in quotes")
            try parser.expect(")", closing: open)
            return LoadStatement(name: name, source: .idx(images: first, labels: labels))
        }
        var label: CSVLoader.LabelColumn?
        var labelLocation: SourceLocation?
        if parser.accept(",") {
            let option = try parser.expectChoice("option", ["label"])
            try parser.expect(":", after: "label")
            let value = parser.advance()
            labelLocation = value.location
            switch value.kind {
            case .string(let column): label = .name(column)
            case .number(let v) where v >= 1 && v == v.rounded() && v < 1e9: label = .index(Int(v))
            case .identifier(let column): label = .name(column)
            default:
                throw LangError(.syntax, "label: takes a column name (\"species\") or a 1-based column number",
                                at: value.location.line == option.location.line ? value.location : option.location)
            }
        }
        try parser.expect(")", closing: open)
        return LoadStatement(name: name, source: .csv(path: first, label: label, labelLocation: labelLocation))
    }

    static func expectString(_ parser: inout Parser, _ what: String) throws -> Token {
        let token = parser.advance()
        guard case .string = token.kind else {
            throw LangError(.syntax, "expected \(what), found \(token.describe)", at: token.location)
        }
        return token
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let paths = FilePaths(base: context.state.baseDirectory)
        let set: Dataset
        switch source {
        case .csv(let path, let label, let labelLocation):
            let file = paths.reading(path.stringValue)
            do {
                set = try CSVLoader.load(path: file, label: label)
            } catch let error as DataError {
                throw LangError(.file, error.message, at: error.concernsLabel ? (labelLocation ?? path.location) : path.location)
            }
        case .idx(let images, let labels):
            // Read one by one, so that an error points at the file it is about.
            func read(_ token: Token) throws -> IDXLoader.Array {
                do { return try IDXLoader.read(path: paths.reading(token.stringValue)) } catch let error as DataError {
                    throw LangError(.file, error.message, at: token.location)
                }
            }
            let x = try read(images), y = try read(labels)
            do {
                set = try IDXLoader.dataset(images: x, labels: y, imagesName: images.stringValue, labelsName: labels.stringValue)
            } catch let error as DataError {
                throw LangError(.file, error.message, at: images.location.through(labels.location))
            }
        }
        guard set.x.count <= Tensor.defaultElementLimit else {
            throw LangError(.limit, "the data holds \(set.x.count) numbers, more than the session's limit of \(Tensor.defaultElementLimit)",
                            at: name.location)
        }
        try DataStatements.store(set, as: name, in: &context.state)
        return DataStatements.views(name: name.identifier ?? "", set)
    }
}

extension Token {
    /// The text of a string token ("" for other tokens).
    var stringValue: String {
        if case .string(let s) = kind { return s }
        return ""
    }
}
