import NetCore
import NetSupport

/// `plot loss`, `plot NAME`, `plot LAYER`, `plot sigmoid, relu from -5 to 5`, `plot decision`.
struct PlotStatement: Statement {
    var subjects: [Expr]
    var from: Expr?
    var to: Expr?
    var location: SourceLocation

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        var subjects: [Expr] = []
        repeat { subjects.append(try parser.parseExpression()) } while parser.accept(",")
        var from: Expr?, to: Expr?
        if parser.acceptWord("from") {
            from = try parser.parseExpression()
            guard parser.acceptWord("to") else {
                throw LangError(.syntax, "expected 'to' after 'from …', found \(parser.current.describe)", at: parser.current.location,
                                hint: "plot sigmoid from -5 to 5")
            }
            to = try parser.parseExpression()
        }
        return PlotStatement(subjects: subjects, from: from, to: to, location: keyword.location)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let state = context.state
        var low = -5.0, high = 5.0
        if let from, let to {
            low = try evaluator.number(from, what: "the start")
            high = try evaluator.number(to, what: "the end")
            guard low.isFinite, high.isFinite, low < high else {
                throw LangError(.value, "the range must go up: from \(SentenceNumber.text(low, .exact)) to \(SentenceNumber.text(high, .exact))",
                                at: from.location.through(to.location))
            }
            // Beyond it the width (high − low) overflows and every point of the curve is nan.
            guard max(abs(low), abs(high)) <= DrawableRange.limit else {
                throw LangError(.value, "a plot's range must lie within ±1e300, not from \(SentenceNumber.text(low, .exact)) to \(SentenceNumber.text(high, .exact))",
                                at: from.location.through(to.location))
            }
        }
        if subjects.count == 1, let word = subjects[0].simpleName, state.tensors[word] == nil {
            if word == "loss" { return [lossPlot(state)] }
            if word == "decision" { return [try decisionPlot(state, memory: context.memory)] }
        }
        var series: [Plot.Series] = []
        var kind = Plot.Kind.line
        var titles: [String] = []
        for subject in subjects {
            if let word = subject.simpleName, state.tensors[word] == nil {
                if let act = Activation(rawValue: word) {
                    series.append(Self.curve(act, label: word, from: low, to: high))
                    titles.append(word)
                    continue
                }
                if let l = state.layerIndex(named: word) {
                    let layer = state.network.layers[l]
                    series.append(Self.curve(layer.activation, label: "\(word): \(layer.activation.name)", from: low, to: high))
                    if state.lastInput != nil, let z = layer.z, let a = layer.a {
                        series.append(Self.thinned(Plot.Series(label: "\(word) (z, a) of the last forward", x: z.data, y: a.data)))
                    }
                    titles.append(word)
                    continue
                }
            }
            let t = try evaluator.value(subject)
            let label = subject.simpleName ?? evaluator.text(of: subject.location)
            guard t.count > 0 else {
                throw LangError(.value, "\(label) is empty (\(t.shapeDescription)): nothing to plot", at: subject.location)
            }
            titles.append(label)
            if t.cols == 2 && subjects.count == 1 && t.rows > 1 {
                kind = .scatter
                series.append(Self.thinned(label: label, count: t.rows, x: { t[$0, 0] }, y: { t[$0, 1] }))
            } else if t.rows == 1 {
                series.append(Self.thinned(label: label, count: t.cols, x: { Double($0 + 1) }, y: { t.data[$0] }))
            } else {
                guard t.cols <= 20 else {
                    throw LangError(.value, "\(label) has \(t.cols) columns; plot shows at most 20 series", at: subject.location,
                                    hint: "plot some columns, e.g. \(label)[:, 1:3]")
                }
                for c in 0..<t.cols {
                    series.append(Self.thinned(label: t.cols == 1 ? label : "\(label)[:, \(c + 1)]", count: t.rows,
                                               x: { Double($0 + 1) }, y: { t[$0, c] }))
                }
            }
        }
        let perSeries = Self.maxPlotPoints / max(1, series.count)
        series = series.map { Self.thinned($0, to: perSeries) }
        let isFunctions = subjects.allSatisfy { $0.simpleName.map { Activation(rawValue: $0) != nil || state.layerIndex(named: $0) != nil } ?? false }
        return [.plot(Plot(kind: kind, title: titles.joined(separator: ", "),
                           xLabel: isFunctions ? "z" : (kind == .scatter ? "column 1" : "index"),
                           yLabel: isFunctions ? "a" : (kind == .scatter ? "column 2" : "value"), series: series))]
    }

    /// Plots keep at most this many points per series.
    static let maxPoints = 5000

    /// A long series keeps evenly spaced points (always the first and the last), so a
    /// plot of millions of training steps stays small.
    static func thinned(_ series: Plot.Series, to limit: Int = maxPoints) -> Plot.Series {
        guard series.x.count > limit else { return series }
        return thinned(label: series.label, count: series.x.count, x: { series.x[$0] }, y: { series.y[$0] },
                       classes: series.classes.map { c in { c[$0] } }, limit: limit)
    }

    /// Plots keep at most this many points in all (20 series of a tall tensor: 1000 each).
    static let maxPlotPoints = 20_000

    /// The same, reading only the points it keeps: plotting a 20-million-row tensor or data
    /// set builds no array of 20 million x's first.
    static func thinned(label: String, count n: Int, x: (Int) -> Double, y: (Int) -> Double,
                        classes: ((Int) -> Int)? = nil, limit: Int = maxPoints) -> Plot.Series {
        let limit = max(2, limit)
        let picks = n > limit ? (0..<limit).map { $0 * (n - 1) / (limit - 1) } : Array(0..<n)
        return Plot.Series(label: label, x: picks.map(x), y: picks.map(y), classes: classes.map { c in picks.map(c) })
    }

    static func curve(_ act: Activation, label: String, from low: Double, to high: Double, points: Int = 201) -> Plot.Series {
        let xs = (0..<points).map { low + (high - low) * Double($0) / Double(points - 1) }
        let ys = act.apply(Tensor(rows: 1, cols: points, data: xs)).data
        return Plot.Series(label: label, x: xs, y: ys)
    }

    private func lossPlot(_ state: SessionState) -> Output {
        let history = state.lossHistory, h = history.values
        // Empty axes with a made-up 0…1 range would only puzzle: say why there is no curve.
        if h.isEmpty { return .note(Note(title: "loss", text: "no steps yet: step and train add the loss of each step to the history")) }
        // An entry of a long history stands for several steps: drawn at its last step.
        let title = history.isExact ? "loss" : "loss (each point the mean of \(history.stride) steps)"
        let validation = state.training.validation
        var series = [Self.thinned(label: validation.isEmpty ? "loss" : "training loss (per step)", count: h.count,
                                   x: { Double(history.lastStep(of: $0)) }, y: { h[$0] })]
        if !validation.isEmpty {
            series.append(Self.thinned(label: "validation loss (per epoch)", count: validation.losses.count,
                                       x: { Double(validation.steps[$0]) }, y: { validation.losses[$0] }))
        }
        return .plot(Plot(kind: .line, title: validation.isEmpty ? title : history.isExact ? "training and validation loss"
                                : "training and validation loss (each training point the mean of \(history.stride) steps)",
                          xLabel: "step", yLabel: "loss", series: series))
    }

    /// The network's output over the plane spanned by the last forward's 2-feature input.
    private func decisionPlot(_ state: SessionState, memory: MemoryBudget) throws -> Output {
        guard let x = state.lastInput, x.cols == 2 else {
            throw LangError(.value, "plot decision needs a forward on 2-feature inputs first", at: location,
                            hint: "run forward X (X with 2 columns)")
        }
        let n = DecisionMap.resolution
        // The network on n·n points: z and a of every layer for each (a wide layer makes this large).
        try Limits.reserve(elements: DecisionMap.passElements(state.network, resolution: n),
                           for: "plot decision (\(n * n) points through the network)", in: memory, at: location)
        // The points are marked by their targets: those of the last forward X, T, or after
        // `forward X` without one, those of the data set X came from (xor.x → xor.y).
        let target = state.network.lastTarget
            ?? state.datasets.values.first(where: { $0["x"] == x }).flatMap { $0["y"] }
        let plot: Plot
        do { plot = try DecisionMap.plot(network: state.network, input: x, target: target, resolution: n) } catch let error as NetCoreError {
            throw LangError(error, at: location)
        }
        return .plot(plot)
    }
}
