import NetCore

/// `seed`, `precision`, `style`, `reset`, `help`: statements about the session itself.
enum SettingsStatements {
    static let parsers: [String: StatementParser] = [
        "seed": { parser, keyword in SeedStatement(value: try parser.parseExpression()) },
        "precision": { parser, keyword in PrecisionStatement(value: try parser.parseExpression()) },
        "style": { parser, keyword in
            let word = try parser.expectChoice("style", ["ascii", "unicode"])
            return StyleStatement(style: word.identifier == "unicode" ? .unicode : .ascii)
        },
        "reset": { parser, keyword in
            if parser.atStatementEnd { return ResetStatement(networkOnly: false) }
            _ = try parser.expectChoice("thing to reset", ["network"])
            return ResetStatement(networkOnly: true)
        },
        "help": { parser, keyword in
            var words: [String] = []
            var location = keyword.location
            while !parser.atStatementEnd {
                let token = parser.advance()
                if words.isEmpty { location = token.location } else { location = location.through(token.location) }
                switch token.kind {
                case .identifier(let w): words.append(w)
                case .symbol(let s): words.append(s)
                case .string(let s): words.append(s)
                case .number(let v): words.append("\(v)")
                default: break
                }
            }
            return HelpStatement(topic: words.isEmpty ? nil : words.joined(), location: location)
        },
    ]
}

struct SeedStatement: Statement {
    var value: Expr
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let n = try evaluator.integer(value, what: "the seed", in: 0...WholeNumber.exactLimit)
        context.state.random = RandomSource(seed: UInt64(n))
        return []
    }
}

struct PrecisionStatement: Statement {
    var value: Expr
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let n = try evaluator.integer(value, what: "the precision (digits after the point)", in: 0...17)
        context.state.settings.precision = n
        return []
    }
}

struct StyleStatement: Statement {
    var style: RenderSettings.PlotStyle
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        context.state.settings.style = style
        return []
    }
}

struct ResetStatement: Statement {
    var networkOnly: Bool
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        if networkOnly {
            context.state.network = Network()
            context.state.optimizer = Optimizer()
            context.state.layerOrigins = [:]
            context.state.lastInput = nil
            context.state.lossHistory = LossHistory()
            context.state.training.epochHistory = LossHistory()
            context.state.training.validation = ValidationHistory()
            // Gradients of the network go with it; those of tensor graphs stay.
            context.state.dropNetworkGradients()
        } else {
            // Where the notebook lives is not part of what `reset` forgets.
            let (directory, limit) = (context.state.baseDirectory, context.state.memoryLimit)
            context.state = SessionState()
            context.state.baseDirectory = directory
            context.state.memoryLimit = limit
        }
        return []
    }
}

struct HelpStatement: Statement {
    var topic: String?
    var location: SourceLocation
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        guard let topic else {
            return [.note(Note(title: "NetBook help", text: HelpCatalog.overview, isHelp: true))]
        }
        guard let text = HelpCatalog.text(for: topic) else {
            throw LangError(.name, "no help for '\(topic)'", at: location,
                            hint: Suggest.hint(for: topic, in: HelpCatalog.words) ?? "`help` lists every topic")
        }
        return [.note(Note(title: "help \(topic)", text: text, isHelp: true))]
    }
}
