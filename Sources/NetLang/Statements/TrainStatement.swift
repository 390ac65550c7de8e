import NetCore

/// `train X, T, epochs: N, batch: B, lr: R, shuffle: true`: mini-batch training.
///
/// Defaults: 1 epoch, the whole data as one batch, the optimizer's learning rate,
/// shuffle true (it matters only when a batch is smaller than the data). A run longer than
/// a tenth of a second shows live progress (steps, loss, rate, a small curve), at most 10
/// updates a second; at the end that live display is closed (the kernel blanks it) and the
/// loss curve follows as an ordinary display, then the summary with the final loss on all
/// of X. The curve is its own display, not the live display's last update, because tools
/// that record a notebook from the messages (nbval) keep a display's first content and
/// ignore its updates.
struct TrainStatement: Statement {
    var input: Expr
    var target: Expr
    var options: [NamedOption]
    var location: SourceLocation

    static let optionNames = ["epochs", "batch", "lr", "shuffle", "validation", "live"]
    /// Rows × (inputs + units of every layer) up to which train ends with a pass over all of X.
    static let finalPassLimit = 4_000_000

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let x = try parser.parseExpression()
        try parser.expect(",", after: "the inputs X (train X, T)")
        let t = try parser.parseExpression()
        let options = parser.accept(",") ? try parser.parseNamedOptions(allowed: optionNames, for: "train") : []
        return TrainStatement(input: x, target: t, options: options, location: keyword.location)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let layers = context.state.network.layers
        guard let last = layers.last else {
            throw LangError(.value, "the network has no layers", at: location,
                            hint: "add some first: layer h = dense(2 -> 4, sigmoid)")
        }
        var evaluator = Evaluator(context: context)
        let x = try evaluator.value(input)
        let rawTarget = try evaluator.value(target)
        var settings = try readOptions(&evaluator)
        guard x.rows >= 1 else { throw LangError(.shape, "X has no rows to train on", at: input.location) }
        guard x.cols == layers[0].inputs else {
            throw LangError(.shape, "shape mismatch in train: X is \(x.shapeDescription) but layer '\(layers[0].name)' takes \(layers[0].inputs) input\(layers[0].inputs == 1 ? "" : "s")",
                            at: input.location)
        }
        guard rawTarget.rows == x.rows else {
            throw LangError(.shape, "X has \(x.rows) rows but T has \(rawTarget.rows); train needs one target row per sample",
                            at: target.location)
        }
        if context.state.network.loss == .crossEntropy, last.activation != .softmax {
            throw LangError(.value, "loss cross_entropy needs a softmax last layer, but '\(last.name)' is \(last.activation.name)",
                            at: location, hint: "use loss bce for a sigmoid output, or a softmax last layer")
        }
        // The targets in the output's shape (class columns become one-hot).
        try Limits.reserve(rows: x.rows, cols: last.outputs, for: "the targets of train", in: context.memory, at: target.location)
        let t: Tensor
        do { t = try context.state.network.preparedTarget(rawTarget, rows: x.rows) } catch let error as NetCoreError {
            throw LangError(error, at: target.location, hint: error is ShapeError ? "the target needs one row per sample and one column per output" : nil)
        }
        let total = settings.stepsPerEpoch(samples: x.rows).multipliedReportingOverflow(by: settings.epochs)
        guard !total.overflow, total.partialValue <= TrainingOptions.maximumSteps else {
            throw LangError(.limit, "train would take more than \(TrainingOptions.maximumSteps) steps", at: location,
                            hint: "use fewer epochs or a larger batch")
        }

        settings.validation = try validationSet(in: context)
        if settings.liveDecision, x.cols != 2, let option = options.first(where: { $0.name == "live" }) {
            throw LangError(.value, "live: decision needs inputs with 2 columns (the plane it is drawn on); X has \(x.cols)",
                            at: option.value.location)
        }
        try reserveMemory(x: x, t: t, settings: settings, steps: total.partialValue, in: context)
        context.state.training.runs += 1
        let display = "train-\(context.state.training.runs)"
        let emit = context.emit
        var loop = TrainingLoop(options: settings, x: x, t: t)
        if settings.liveDecision {
            loop.liveDecision = { network in
                try? DecisionMap.plot(network: network, input: x, target: t, resolution: DecisionMap.liveResolution,
                                      maxPoints: DecisionMap.livePoints)
            }
        }
        var lastProgress: Progress?
        func endLiveDisplay() {
            if let lastProgress { emit(.progress(lastProgress), .endLiveDisplay(id: display)) }
        }
        let report: TrainingLoop.Report
        do {
            report = try loop.run(on: &context.state, interrupt: context.interrupt) { progress in
                lastProgress = progress
                emit(.progress(progress), .liveDisplay(id: display))
            }
        } catch {
            endLiveDisplay()
            throw error
        }
        endLiveDisplay()
        // The network on all of X after training: the final loss, and the forward that
        // `show`, `backward` and `plot decision` see next. For data too large for one
        // more pass (it would keep z, a and gradients of every row of every layer) the
        // final loss is the last epoch's mean instead, and there is no last forward.
        let finalLoss: Double
        var lossIsEpochMean = false
        let units = context.state.network.layers.reduce(x.cols) { $0 + $1.outputs }
        let fullPass = x.rows.multipliedReportingOverflow(by: units)
        // An interrupt during that pass (after an interrupted loop it comes at once, for X
        // large enough to check) skips it: the pass runs on a copy, so the network keeps
        // the trained parameters and its last step's consistent caches.
        var final = context.state.network
        let passed: Double?
        if !fullPass.overflow && fullPass.partialValue <= Self.finalPassLimit {
            do { passed = try final.forward(x, target: t) } catch is Interrupted { passed = nil } catch let error as NetCoreError {
                throw LangError(error, at: input.location)
            }
        } else {
            passed = nil
        }
        if let passed {
            finalLoss = passed
            context.state.network = final
            context.state.lastInput = x
        } else {
            finalLoss = (report.epochsCompleted > 0 ? context.state.training.epochLosses.last : report.lastLoss) ?? .nan
            context.state.lastInput = nil
            lossIsEpochMean = true
        }
        context.state.dropNetworkGradients()
        // Shown also after an interrupt: the curve of the steps that were completed and kept.
        Interruption.finishing {
            emit(TrainingViews.lossCurve(steps: report.losses, epochs: report.epochMeans,
                                         stepsPerEpoch: settings.stepsPerEpoch(samples: x.rows),
                                         validation: report.validation, validationName: settings.validation?.name),
                 .display)
            // What stays of a live decision map: the map of the trained network, as `plot decision` draws it.
            if settings.liveDecision,
               let map = try? DecisionMap.plot(network: context.state.network, input: x, target: t, resolution: DecisionMap.resolution) {
                emit(.plot(map), .display)
            }
        }
        let learningRate = settings.learningRate ?? context.state.optimizer.kind.learningRate
        let summary = TrainingViews.summary(report, options: settings, samples: x.rows, finalLoss: finalLoss,
                                            finalLossIsEpochMean: lossIsEpochMean, learningRate: learningRate,
                                            validationLoss: settings.validation == nil ? nil : report.validation.last ?? .nan)
        // A run that blew up says so on stderr, after the summary that shows the loss.
        let warning = TrainingViews.divergence(report.losses, finalLoss: finalLoss, learningRate: learningRate).map(Warnings.diverged)
        let outputs = [summary] + (warning.map { [$0] } ?? [])
        if report.interrupted {
            throw TrainingInterrupted(state: context.state, outputs: outputs,
                                      error: LangError(.interrupt, "train interrupted after step \(report.steps) of \(report.totalSteps); the parameters are those of step \(report.steps)",
                                                       at: location))
        }
        return outputs
    }

    /// Everything a run allocates, reserved before the first step: a copy of the parameters
    /// and new optimizer state (the session keeps the old ones until train succeeds), the
    /// pass's buffers for the larger of a batch and the final pass over X (when there is
    /// one: see `finalPassLimit`; the buffers are reused), the batches, the loss history.
    private func reserveMemory(x: Tensor, t: Tensor, settings: TrainingOptions, steps: Int,
                               in context: ExecutionContext) throws {
        let network = context.state.network
        let parameters = network.parameterElements
        let batch = settings.batchSize(samples: x.rows)
        let units = network.layers.reduce(x.cols) { $0 + $1.outputs }
        let finalPass = x.rows.multipliedReportingOverflow(by: units)
        let passRows = !finalPass.overflow && finalPass.partialValue <= Self.finalPassLimit ? max(batch, x.rows) : batch
        // The loss history: this run's and the session's, each bounded (LossHistory.maxEntries).
        let histories = 2 * (min(steps, LossHistory.maxEntries) + min(settings.epochs, LossHistory.maxEntries))
        // The validation pass after each epoch, and the live decision map's grid (DecisionMap).
        let validationPass = settings.validation.map { network.passElements(rows: $0.x.rows) + $0.t.count } ?? 0
        let livePass = settings.liveDecision ? DecisionMap.passElements(network, resolution: DecisionMap.resolution) : 0
        let validationHistory = settings.validation == nil ? 0 : 3 * min(settings.epochs, ValidationHistory.maxPoints)
        let parts = [parameters, context.state.optimizer.stateElements(forParameters: parameters),
                     network.passElements(rows: passRows), batch * (x.cols + t.cols), histories,
                     validationPass, livePass, validationHistory]
        let total = parts.reduce(0) { sum, n in sum.addingReportingOverflow(n).overflow ? Int.max : sum + n }
        try Limits.reserve(elements: total, for: "train on \(x.rows) samples (\(steps) steps)", in: context.memory, at: location)
    }

    private func readOptions(_ evaluator: inout Evaluator) throws -> TrainingOptions {
        var settings = TrainingOptions()
        for option in options {
            switch option.name {
            case "epochs":
                settings.epochs = try evaluator.integer(option.value, what: "epochs", in: 1...WholeNumber.exactLimit)
            case "batch":
                let b = try evaluator.integer(option.value, what: "batch", in: 1...WholeNumber.exactLimit)
                settings.batch = b
            case "lr":
                let r = try evaluator.number(option.value, what: "lr")
                guard r.isFinite, r >= 0 else { throw LangError(.value, "lr must be a number ≥ 0", at: option.value.location) }
                settings.learningRate = r
            case "validation":
                break   // read by validationSet(in:), which needs the network's output shape
            case "live":
                guard option.value.simpleName == "decision" else {
                    throw LangError(.value, "live: shows the decision region as training goes: live: decision",
                                    at: option.value.location)
                }
                settings.liveDecision = true
            default:   // shuffle
                let v = try evaluator.number(option.value, what: "shuffle")
                guard v == 0 || v == 1 else { throw LangError(.value, "shuffle is true or false", at: option.value.location) }
                settings.shuffle = v == 1
            }
        }
        return settings
    }
}

extension TrainStatement {
    /// `validation: NAME`: the data set NAME (e.g. from `dataset tr, va = split(d, 0.8)`),
    /// checked against the network like the training data, its targets in the output's shape.
    func validationSet(in context: ExecutionContext) throws -> TrainingOptions.Validation? {
        guard let option = options.first(where: { $0.name == "validation" }) else { return nil }
        let state = context.state
        guard let name = option.value.simpleName, let set = state.datasets[name], let vx = set["x"], let vy = set["y"] else {
            let sets = state.datasetNames
            throw LangError(.name, "validation: takes the name of a data set", at: option.value.location,
                            hint: sets.isEmpty ? "make one with: dataset tr, va = split(d, 0.8)"
                                : option.value.simpleName.flatMap { Suggest.hint(for: $0, in: sets) } ?? "data sets: " + sets.joined(separator: ", "))
        }
        let network = state.network
        guard vx.cols == network.layers.first?.inputs, vx.rows >= 1 else {
            throw LangError(.shape, "validation set \(name).x is \(vx.shapeDescription) but the network takes \(network.layers.first?.inputs ?? 0) input columns",
                            at: option.value.location)
        }
        try Limits.reserve(rows: vx.rows, cols: network.layers.last?.outputs ?? 1, for: "the targets of \(name)", in: context.memory,
                           at: option.value.location)
        do {
            return .init(name: name, x: vx, t: try network.preparedTarget(vy, rows: vx.rows))
        } catch let error as NetCoreError {
            throw LangError(error, at: option.value.location, hint: "\(name).y needs one row per sample of \(name).x and one column per output")
        }
    }
}

/// Thrown when `train` stops at an interrupt: the session keeps `state` (the parameters
/// of the last completed step and the history so far), shows `outputs`, then reports `error`.
struct TrainingInterrupted: Error {
    var state: SessionState
    var outputs: [Output]
    var error: LangError
}
