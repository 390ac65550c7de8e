import NetCore

// `forward`, `backward` and `step`: running the network by hand, one pass at a time.

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
        // Fresh buffers for the pass (the session keeps the old ones until this succeeds).
        try Limits.reserve(elements: network.passElements(rows: x.rows), for: "forward of \(x.rows) samples",
                           in: context.memory, at: input.location)
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
                    throw LangError(error, at: target.location, hint: error is ShapeError ? "the target needs one row per sample and one column per output" : nil)
                }
                try network.forward(x, target: t)
            } else {
                try network.forward(x)
            }
        } catch let error as NetCoreError {
            throw LangError(error, at: input.location)
        }
        context.state.network = network
        context.state.lastInput = x
        context.state.dropNetworkGradients()
        let lossWarning = network.lastLoss.flatMap { $0.isFinite ? nil : Warnings.diverged(NetworkViews.nonFiniteLoss($0)) }
        return [NetworkViews.forward(network)] + (lossWarning.map { [$0] } ?? [])
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
        // The pass's buffers are copied before they are written (the session keeps the old
        // ones until this succeeds), and the gradients are kept as tensors too.
        let rows = network.passRows
        try Limits.reserve(elements: network.passElements(rows: rows) &+ network.gradientElements(rows: rows),
                           for: "backward of \(rows) samples", in: context.memory, at: location)
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
        context.state.stepsOnNetworkGradients = 0
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
        // New parameters (the session keeps the old ones until this succeeds), the optimizer's
        // state, and the gradients shown.
        let parameters = network.parameterElements
        try Limits.reserve(elements: 2 &* parameters &+ optimizer.stateElements(forParameters: parameters),
                           for: "step", in: context.memory, at: location)
        let updates: [ParameterUpdate]
        do { updates = try optimizer.step(&network, learningRate: rate) } catch let error as NetCoreError {
            throw LangError(error, at: location, hint: "run forward X, T and backward first")
        }
        if let loss = network.lastLoss { context.state.lossHistory.append(loss) }
        context.state.network = network
        context.state.optimizer = optimizer
        let reused = context.state.stepsOnNetworkGradients
        context.state.stepsOnNetworkGradients += 1
        let view = NetworkViews.step(updates, layers: network.layers, lr: rate ?? optimizer.kind.learningRate)
        return reused > 0 ? [view, Warnings.stepReusesGradients(steps: reused)] : [view]
    }
}
