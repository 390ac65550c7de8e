import NetCore

/// `layer`, `loss`, `optimizer`, `forward`, `backward`, `step`, `explain`, `gradcheck`:
/// building the network and running it by hand.
enum NetworkStatements {
    static let parsers: [String: StatementParser] = [
        "layer": LayerStatement.parse,
        "loss": { parser, _ in
            LossStatement(kind: try parser.expectChoice("loss", LossMath.names).identifier ?? "mse")
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
        var initKind = "xavier"
        if let (e, _) = options["init"], case .string(let k) = e.kind { initKind = k }
        var w: Tensor, b: Tensor?
        var origin = initKind
        if let (e, _) = options["weights"] {
            // Given weights draw no random numbers, so the generator's stream stays as the user expects.
            b = hasBias ? Tensor(rows: 1, cols: m) : nil
            let given = try evaluator.value(e)
            guard given.rows == n, given.cols == m else {
                throw LangError(.shape, "weights are \(given.shapeDescription) but dense(\(n) -> \(m)) needs \(n)×\(m) (IN×OUT)",
                                at: e.location, hint: given.rows == m && given.cols == n ? "weights are stored IN×OUT; transpose them with .T" : nil)
            }
            w = given
            origin = "given"
        } else {
            (w, b) = NetworkMath.initialize(initKind, inputs: n, outputs: m, bias: hasBias, random: &evaluator.state.random)
        }
        if let (e, label) = options["biases"] {
            guard hasBias else { throw LangError(.value, "biases: given but bias: false", at: label) }
            let given = try evaluator.value(e)
            guard given.rows == 1, given.cols == m else {
                throw LangError(.shape, "biases are \(given.shapeDescription) but dense(\(n) -> \(m)) needs 1×\(m)", at: e.location)
            }
            b = given
        }
        var layers = context.state.network.layers
        let layer = LayerState(name: layerName, activation: activation, weights: w, biases: b, origin: origin)
        if let existing = layers.firstIndex(where: { $0.name == layerName }) {
            layers[existing] = layer
        } else {
            layers.append(layer)
        }
        // IN must equal the previous layer's OUT (and the next layer's IN, when replacing).
        for l in 1..<max(1, layers.count) where layers[l - 1].outputs != layers[l].inputs {
            throw LangError(.shape, "layer '\(layers[l].name)' takes \(layers[l].inputs) inputs but layer '\(layers[l - 1].name)' gives \(layers[l - 1].outputs)",
                            at: inputs.location.through(outputs.location),
                            hint: "IN must equal the previous layer's OUT")
        }
        context.state.random = evaluator.state.random
        context.state.network.layers = layers
        context.state.lastForward = nil
        context.state.network.optimizer.forget([layerName + ".W", layerName + ".b"])
        context.state.gradients = context.state.gradients.filter { !$0.key.hasPrefix(layerName + ".") }
        return [NetworkViews.layer(layer, index: layers.firstIndex { $0.name == layerName } ?? 0, of: layers)]
    }
}

extension OptimizerState {
    /// Drops the state of parameters that were replaced.
    mutating func forget(_ names: [String]) {
        for n in names { first[n] = nil; second[n] = nil; steps[n] = nil }
    }
}

// MARK: - loss, optimizer

struct LossStatement: Statement {
    var kind: String
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        context.state.network.loss = kind
        if var record = context.state.lastForward, let t = record.target {
            record.loss = NetworkMath.loss(kind, y: record.output, t: t)
            context.state.lastForward = record
        }
        return [.note(Note(title: "loss \(kind)", text: LossMath.formula(kind)))]
    }
}

struct OptimizerStatement: Statement {
    var kind: OptimizerState.Kind
    var options: [(String, Expr)]

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let word = try parser.expectChoice("optimizer", OptimizerState.Kind.allCases.map(\.rawValue))
        let kind = OptimizerState.Kind(rawValue: word.identifier ?? "") ?? .sgd
        var options: [(String, Expr)] = []
        if parser.current.isSymbol("(") {
            let open = parser.advance()
            let args = try parser.parseArguments(open: open)
            let allowed = OptimizerState.options(for: kind)
            for arg in args {
                guard let label = arg.label else {
                    throw LangError(.syntax, "optimizer options are named, like lr: 0.1", at: arg.value.location,
                                    hint: "\(kind.rawValue)(" + allowed.map { "\($0): …" }.joined(separator: ", ") + ")")
                }
                guard allowed.contains(label) else {
                    throw LangError(.name, "\(kind.rawValue) has no option '\(label)'", at: arg.labelLocation ?? word.location,
                                    hint: Suggest.hint(for: label, in: allowed) ?? "options: " + allowed.joined(separator: ", "))
                }
                options.append((label, arg.value))
            }
        }
        return OptimizerStatement(kind: kind, options: options)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        var optimizer = OptimizerState.defaults(for: kind)
        for (label, e) in options {
            let v = try evaluator.number(e, what: label)
            guard v.isFinite, v >= 0 else { throw LangError(.value, "\(label) must be a number ≥ 0", at: e.location) }
            switch label {
            case "lr": optimizer.lr = v
            case "beta": optimizer.beta = v
            case "beta1": optimizer.beta1 = v
            case "beta2": optimizer.beta2 = v
            default: optimizer.eps = v
            }
        }
        context.state.network.optimizer = optimizer
        let rows: [[Cell]] = OptimizerState.options(for: kind).map { name in
            let value: Double
            switch name {
            case "lr": value = optimizer.lr
            case "beta": value = optimizer.beta
            case "beta1": value = optimizer.beta1
            case "beta2": value = optimizer.beta2
            default: value = optimizer.eps
            }
            return [.text(name), .number(value)]
        }
        return [.table(Table(title: "optimizer \(kind.rawValue)", columns: ["setting", "value"], rows: rows,
                             footer: [optimizer.summary]))]
    }
}

// MARK: - forward, backward, step

struct ForwardStatement: Statement {
    var input: Expr
    var target: Expr?
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let layers = context.state.network.layers
        guard !layers.isEmpty else {
            throw LangError(.value, "the network has no layers", at: location, hint: "add one: layer h = dense(2 -> 2, sigmoid)")
        }
        var evaluator = Evaluator(context: context)
        let x = try evaluator.value(input)
        let records: [ForwardRecord.LayerRecord]
        do {
            records = try NetworkMath.forward(layers, x)
        } catch let e as NetCoreError {
            throw LangError(.shape, e.message, at: input.location)
        }
        var record = ForwardRecord(input: x, target: nil, layers: records, loss: nil)
        if let target {
            let t = try NetworkMath.target(try evaluator.value(target), for: record.output, at: target.location)
            if context.state.network.loss == "cross_entropy", layers.last?.activation != .softmax {
                throw LangError(.value, "loss cross_entropy needs a softmax last layer, but '\(layers[layers.count - 1].name)' is \(layers[layers.count - 1].activation.name)",
                                at: location, hint: "use loss bce for a sigmoid output, or a softmax last layer")
            }
            record.target = t
            record.loss = NetworkMath.loss(context.state.network.loss, y: record.output, t: t)
        }
        context.state.random = evaluator.state.random
        context.state.lastForward = record
        return [NetworkViews.forward(record, layers: layers, loss: context.state.network.loss)]
    }
}

struct BackwardStatement: Statement {
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let layers = context.state.network.layers
        guard let record = context.state.lastForward else {
            throw LangError(.value, "nothing to backpropagate yet", at: location, hint: "run forward X, T first")
        }
        guard let t = record.target, record.layers.count == layers.count else {
            throw LangError(.value, "the last forward had no target, so there is no loss to backpropagate", at: location,
                            hint: "run forward X, T (with a target)")
        }
        let grads = try NetworkMath.backward(layers, input: record.input, records: record.layers, target: t,
                                             loss: context.state.network.loss)
        var stored: [String: Tensor] = [:]
        for (layer, g) in zip(layers, grads) {
            stored[layer.name + ".W"] = g.dW
            if let db = g.db { stored[layer.name + ".b"] = db }
            stored[layer.name + ".z"] = g.dz
            stored[layer.name + ".a"] = g.da
        }
        context.state.gradients = stored     // replaced, not accumulated
        context.state.gradientRoot = NetworkState.lossName
        return [NetworkViews.backward(grads, layers: layers)]
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
        guard context.state.gradientRoot == NetworkState.lossName else {
            throw LangError(.value, "no gradients of the network yet", at: location, hint: "run forward X, T and backward first")
        }
        var layers = context.state.network.layers
        var optimizer = context.state.network.optimizer
        var changes: [ParameterChange] = []
        for l in layers.indices {
            let layer = layers[l]
            if let g = context.state.gradients[layer.name + ".W"], g.rows == layer.weights.rows, g.cols == layer.weights.cols {
                let after = optimizer.update(layer.name + ".W", layer.weights, g, lr: rate)
                changes.append(ParameterChange(layer: l, parameter: "W", before: layer.weights, gradient: g, after: after))
                layers[l].weights = after
            }
            if let b = layer.biases, let g = context.state.gradients[layer.name + ".b"], g.cols == b.cols {
                let after = optimizer.update(layer.name + ".b", b, g, lr: rate)
                changes.append(ParameterChange(layer: l, parameter: "b", before: b, gradient: g, after: after))
                layers[l].biases = after
            }
        }
        if let loss = context.state.lastForward?.loss { context.state.history.append(loss) }
        context.state.network.layers = layers
        context.state.network.optimizer = optimizer
        return [NetworkViews.step(changes, layers: layers, lr: rate ?? optimizer.lr)]
    }
}

/// One parameter before and after a step.
struct ParameterChange {
    var layer: Int
    var parameter: String
    var before: Tensor
    var gradient: Tensor
    var after: Tensor
}
