import NetCore

/// `layer`, `loss`, `optimizer`, `forward`, `backward`, `step`, `explain`, `gradcheck`:
/// building the network and running it by hand.
enum NetworkStatements {
    static let parsers: [String: StatementParser] = [
        "layer": LayerStatement.parse,
        "loss": { parser, _ in
            LossStatement(kind: LossKind(rawValue: try parser.expectChoice("loss", LossKind.allCases.map(\.name)).identifier ?? "") ?? .mse)
        },
        "optimizer": OptimizerStatement.parse,
        "forward": { parser, keyword in
            let x = try parser.parseExpression()
            let t = parser.accept(",") ? try parser.parseExpression() : nil
            return ForwardStatement(input: x, target: t, location: keyword.location)
        },
        "backward": { parser, keyword in
            if parser.atStatementEnd { return BackwardStatement(location: keyword.location) }
            let name = try parser.expectIdentifier("the name of a 1×1 tensor to differentiate")
            return GraphBackwardStatement(name: name.identifier ?? "", location: name.location)
        },
        "step": { parser, keyword in
            let options = try parser.parseNamedOptions(allowed: ["lr"], for: "step")
            return StepStatement(lr: options.first?.value, location: keyword.location)
        },
        "explain": { parser, keyword in ExplainStatement(target: try parser.parseExpression()) },
        "gradcheck": { parser, keyword in GradcheckStatement(location: keyword.location) },
    ]
}

// MARK: - loss, optimizer

struct LossStatement: Statement {
    var kind: LossKind
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        context.state.network.loss = kind
        return [.note(Note(title: "loss \(kind.name)", text: kind.formula))]
    }
}

struct OptimizerStatement: Statement {
    var kind: String
    var options: [(String, Expr)]

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let word = try parser.expectChoice("optimizer", OptimizerSettings.kinds)
        let kind = word.identifier ?? "sgd"
        var options: [(String, Expr)] = []
        if parser.current.isSymbol("(") {
            let open = parser.advance()
            let args = try parser.parseArguments(open: open)
            let allowed = OptimizerSettings.options(for: kind)
            for arg in args {
                guard let label = arg.label else {
                    throw LangError(.syntax, "optimizer options are named, like lr: 0.1", at: arg.value.location,
                                    hint: "\(kind)(" + allowed.map { "\($0): …" }.joined(separator: ", ") + ")")
                }
                guard allowed.contains(label) else {
                    throw LangError(.name, "\(kind) has no option '\(label)'", at: arg.labelLocation ?? word.location,
                                    hint: Suggest.hint(for: label, in: allowed) ?? "options: " + allowed.joined(separator: ", "))
                }
                options.append((label, arg.value))
            }
        }
        return OptimizerStatement(kind: kind, options: options)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        var values: [String: Double] = [:]
        for (label, e) in options {
            let v = try evaluator.number(e, what: label)
            guard v.isFinite, v >= 0 else { throw LangError(.value, "\(label) must be a number ≥ 0", at: e.location) }
            values[label] = v
        }
        let optimizer = OptimizerSettings.make(kind, values)
        context.state.optimizer = Optimizer(optimizer)
        let rows: [[Cell]] = OptimizerSettings.settings(optimizer).map { [.text($0.0), .number($0.1)] }
        return [.table(Table(title: "optimizer \(kind)", columns: ["setting", "value"], rows: rows,
                             footer: OptimizerSettings.summary(optimizer)))]
    }
}

