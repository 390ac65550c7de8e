import NetCore

/// `layer NAME = dense(IN -> OUT, ACT, bias: B, init: I, weights: EXPR, biases: EXPR)`:
/// appends a dense layer to the network, or replaces the layer of that name in place.
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
        let n = try evaluator.integer(inputs, what: "the number of inputs", in: 1...WholeNumber.exactLimit)
        let m = try evaluator.integer(outputs, what: "the number of outputs", in: 1...WholeNumber.exactLimit)
        try Limits.check(rows: n, cols: m, at: inputs.location.through(outputs.location))
        // W and its gradient (IN×OUT), b and its gradient (1×OUT).
        try Limits.reserve(elements: Network.layerElements(inputs: n, outputs: m), for: "layer '\(name.identifier ?? "")' (\(n) -> \(m))",
                           in: context.memory, at: inputs.location.through(outputs.location))
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
        for (k, l) in layers.enumerated() {
            do { try network.append(l) } catch let error as NetCoreError {
                // NetCore's message names both layers; the hint writes this layer so it fits,
                // or says what to change when a replaced layer no longer fits the next one.
                let hint = l.name == layerName && k > 0
                    ? "write dense(\(layers[k - 1].outputs) -> \(m), …)"
                    : "replace '\(l.name)' too, or reset network"
                throw LangError(error, at: inputs.location.through(outputs.location), hint: hint)
            }
        }
        context.state.network = network
        context.state.layerOrigins[layerName] = origin
        context.state.lastInput = nil
        context.state.dropNetworkGradients()
        return [NetworkViews.layer(layer, origin: origin)]
    }
}

