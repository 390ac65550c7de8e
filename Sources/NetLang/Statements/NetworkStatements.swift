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

// MARK: - layer

struct LayerStatement: Statement {
    var name: Token
    var inputs: Expr
    var outputs: Expr
    var activation: Activation
    var options: [String: (Expr, SourceLocation)]
    var location: SourceLocation

    static let optionNames = ["bias", "init", "weights", "biases"]

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let name = try parser.expectIdentifier("a layer name after 'layer'")
        try parser.expect("=", after: "the layer name")
        let kind = try parser.expectIdentifier("a layer kind (dense)")
        guard kind.identifier == "dense" else {
            throw LangError(.name, "unknown layer kind '\(kind.identifier ?? "")'", at: kind.location,
                            hint: "the layer kind is dense: dense(IN -> OUT, ACT)")
        }
        let open = try parser.expect("(", after: "dense")
        let inputs = try parser.parseExpression()
        try parser.expect("->", after: "the number of inputs")
        let outputs = try parser.parseExpression()
        var activation = Activation.identity
        var options: [String: (Expr, SourceLocation)] = [:]
        if parser.accept(",") && !parser.current.isSymbol(")") {
            if parser.current.identifier != nil && !parser.peek().isSymbol(":") {
                let names = Activation.allCases.map(\.name)
                let word = try parser.expectChoice("activation", names)
                activation = Activation(rawValue: word.identifier ?? "") ?? .identity
                _ = parser.accept(",")
            }
            while !parser.current.isSymbol(")") && !parser.atStatementEnd {
                let label = try parser.expectIdentifier("an option (bias:, init:, weights:, biases:)")
                let word = label.identifier ?? ""
                guard optionNames.contains(word) else {
                    throw LangError(.name, "dense has no option '\(word)'", at: label.location,
                                    hint: Suggest.hint(for: word, in: optionNames) ?? "options: bias:, init:, weights:, biases:")
                }
                guard options[word] == nil else { throw LangError(.syntax, "option '\(word)' is given twice", at: label.location) }
                try parser.expect(":", after: "'\(word)'")
                if word == "init" {
                    let kind = try parser.expectChoice("init", CompletionEngine.initNames)
                    options[word] = (Expr(.string(kind.identifier ?? ""), at: kind.location), label.location)
                } else {
                    options[word] = (try parser.parseExpression(), label.location)
                }
                if !parser.accept(",") { break }
            }
        }
        try parser.expect(")", closing: open)
        return LayerStatement(name: name, inputs: inputs, outputs: outputs, activation: activation,
                              options: options, location: keyword.location.through(parser.tokens[parser.position - 1].location))
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let layerName = name.identifier ?? ""
        let n = try evaluator.integer(inputs, what: "the number of inputs")
        let m = try evaluator.integer(outputs, what: "the number of outputs")
        guard n >= 1 else { throw LangError(.value, "a layer needs at least 1 input", at: inputs.location) }
        guard m >= 1 else { throw LangError(.value, "a layer needs at least 1 output", at: outputs.location) }
        try Limits.check(rows: n, cols: m, at: inputs.location.through(outputs.location))
        if context.state.tensors[layerName] != nil {
            throw LangError(.name, "'\(layerName)' is already a tensor", at: name.location, hint: "choose another name for the layer")
        }
        var hasBias = true
        if let (e, _) = options["bias"] {
            let v = try evaluator.number(e, what: "bias")
            guard v == 0 || v == 1 else { throw LangError(.value, "bias is true or false", at: e.location) }
            hasBias = v == 1
        }
        var initializer = WeightInit.xavier
        if let (e, _) = options["init"], case .string(let k) = e.kind { initializer = WeightInit(rawValue: k) ?? .xavier }
        var layer: Dense
        var origin = initializer.rawValue
        if let (e, _) = options["weights"] {
            // Given weights draw no random numbers, so the generator's stream stays as the user expects.
            let given = try evaluator.value(e)
            guard given.rows == n, given.cols == m else {
                throw LangError(.shape, "weights are \(given.shapeDescription) but dense(\(n) -> \(m)) needs \(n)×\(m) (IN×OUT)",
                                at: e.location, hint: given.rows == m && given.cols == n ? "weights are stored IN×OUT; transpose them with .T" : nil)
            }
            do {
                layer = try Dense(name: layerName, weights: given, activation: activation, bias: hasBias)
            } catch let error as NetCoreError {
                throw LangError(error, at: e.location)
            }
            origin = "given"
        } else {
            do {
                layer = try Dense(name: layerName, inputs: n, outputs: m, activation: activation, bias: hasBias,
                                  initializer: initializer, using: &evaluator.state.random.generator)
            } catch let error as NetCoreError {
                throw LangError(error, at: inputs.location.through(outputs.location))
            }
        }
        if let (e, label) = options["biases"] {
            guard hasBias else { throw LangError(.value, "biases: given but bias: false", at: label) }
            let given = try evaluator.value(e)
            guard given.rows == 1, given.cols == m else {
                throw LangError(.shape, "biases are \(given.shapeDescription) but dense(\(n) -> \(m)) needs 1×\(m)", at: e.location)
            }
            do { try layer.setBiases(given) } catch let error as NetCoreError { throw LangError(error, at: e.location) }
        }
        // Replacing a layer keeps its place; IN must equal the previous layer's OUT (NetCore checks).
        var layers = context.state.layers
        if let existing = layers.firstIndex(where: { $0.name == layerName }) { layers[existing] = layer } else { layers.append(layer) }
        var network = Network(loss: context.state.network.loss)
        do {
            for l in layers { try network.append(l) }
        } catch let error as NetCoreError {
            throw LangError(error, at: inputs.location.through(outputs.location), hint: "IN must equal the previous layer's OUT")
        }
        context.state.random = evaluator.state.random
        context.state.network = network
        context.state.layerOrigins[layerName] = origin
        context.state.lastInput = nil
        context.state.dropNetworkGradients()
        return [NetworkViews.layer(layer, origin: origin)]
    }
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
                             footer: [OptimizerSettings.summary(optimizer)]))]
    }
}

// MARK: - forward, backward, step

struct ForwardStatement: Statement {
    var input: Expr
    var target: Expr?
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var network = context.state.network
        guard let last = network.layers.last else {
            throw LangError(.value, "the network has no layers", at: location, hint: "add one: layer h = dense(2 -> 2, sigmoid)")
        }
        var evaluator = Evaluator(context: context)
        let x = try evaluator.value(input)
        do {
            if let target {
                let t = try evaluator.value(target)
                if network.loss == .crossEntropy, last.activation != .softmax {
                    throw LangError(.value, "loss cross_entropy needs a softmax last layer, but '\(last.name)' is \(last.activation.name)",
                                    at: location, hint: "use loss bce for a sigmoid output, or a softmax last layer")
                }
                let classColumn = network.loss == .crossEntropy && t.cols == 1
                if t.rows != x.rows || (t.cols != last.outputs && !classColumn) {
                    throw LangError(.shape, "shape mismatch in forward: the output is \(x.rows)×\(last.outputs) but the target is \(t.shapeDescription)",
                                    at: target.location, hint: "the target needs one row per sample and one column per output")
                }
                do {
                    _ = try network.preparedTarget(t, rows: x.rows)
                } catch let error as NetCoreError {
                    throw LangError(error, at: target.location, hint: "the target needs one row per sample and one column per output")
                }
                try network.forward(x, target: t)
            } else {
                try network.forward(x)
            }
        } catch let error as NetCoreError {
            throw LangError(error, at: input.location)
        }
        context.state.random = evaluator.state.random
        context.state.network = network
        context.state.lastInput = x
        context.state.dropNetworkGradients()
        return [NetworkViews.forward(network)]
    }
}

struct BackwardStatement: Statement {
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        guard context.state.lastInput != nil else {
            throw LangError(.value, "nothing to backpropagate yet", at: location, hint: "run forward X, T first")
        }
        guard context.state.hasForwardWithTarget else {
            throw LangError(.value, "the last forward had no target, so there is no loss to backpropagate", at: location,
                            hint: "run forward X, T (with a target)")
        }
        var network = context.state.network
        do { try network.backward() } catch let error as NetCoreError { throw LangError(error, at: location) }
        var stored: [String: Tensor] = [:]
        for layer in network.layers {
            stored[layer.name + ".W"] = layer.dW
            stored[layer.name + ".b"] = layer.dB
            stored[layer.name + ".z"] = layer.dZ
            stored[layer.name + ".a"] = layer.dA
        }
        context.state.network = network
        context.state.gradients = stored     // replaced, not accumulated
        context.state.gradientRoot = SessionState.networkLoss
        return [NetworkViews.backward(network)]
    }
}

struct StepStatement: Statement {
    var lr: Expr?
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        var rate: Double? = nil
        if let lr {
            let v = try evaluator.number(lr, what: "lr")
            guard v.isFinite, v >= 0 else { throw LangError(.value, "lr must be a number ≥ 0", at: lr.location) }
            rate = v
        }
        guard context.state.gradientRoot == SessionState.networkLoss else {
            throw LangError(.value, "no gradients of the network yet", at: location, hint: "run forward X, T and backward first")
        }
        var network = context.state.network
        var optimizer = context.state.optimizer
        let updates: [ParameterUpdate]
        do { updates = try optimizer.step(&network, learningRate: rate) } catch let error as NetCoreError {
            throw LangError(error, at: location, hint: "run forward X, T and backward first")
        }
        if let loss = network.lastLoss { context.state.history.append(loss) }
        context.state.network = network
        context.state.optimizer = optimizer
        return [NetworkViews.step(updates, layers: network.layers, lr: rate ?? optimizer.kind.learningRate)]
    }
}
