import NetCore

/// `load NAME = csv("PATH", label: COL)` / `load NAME = idx("IMAGES", "LABELS")`.
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
                set = try CSVLoader.load(path: file, label: label, budget: context.memory)
            } catch let error as DataError {
                throw LangError(.file, error.message, at: error.concernsLabel ? (labelLocation ?? path.location) : path.location)
            } catch let error as NetCoreError {
                throw LangError(error, at: path.location, hint: Limits.memoryHint)
            }
        case .idx(let images, let labels):
            // Read one by one, so that an error points at the file it is about.
            func read(_ token: Token) throws -> IDXLoader.Array {
                do { return try IDXLoader.read(path: paths.reading(token.stringValue), budget: context.memory) } catch let error as DataError {
                    throw LangError(.file, error.message, at: token.location)
                } catch let error as NetCoreError {
                    throw LangError(error, at: token.location, hint: Limits.memoryHint)
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
