import NetCore

/// A `SessionFile` back into a session's state, checking that everything fits together:
/// shapes, names, operations of the graph, layers, optimizer state.
extension SessionArchive {

    static func state(from file: SessionFile) throws -> SessionState {
        var state = SessionState()
        guard (0...17).contains(file.settings.precision) else {
            throw ArchiveError("the session file is damaged: settings.precision is \(file.settings.precision); precision is 0 to 17 digits")
        }
        guard let style = RenderSettings.PlotStyle(rawValue: file.settings.style) else {
            throw ArchiveError("the session file is damaged: settings.style is '\(file.settings.style)'; it is ascii or unicode")
        }
        state.settings = RenderSettings(precision: file.settings.precision, style: style)
        let words = file.random.state.compactMap { UInt64($0, radix: 16) }
        guard words.count == 4, file.random.state.count == 4,
              let generator = SeededGenerator(words: words, spareNormal: file.random.spareNormal) else {
            throw ArchiveError("the session file is damaged: the random generator's state is not four 64-bit hex words")
        }
        state.random.generator = generator

        var nodes: [Node] = []
        for (i, r) in file.nodes.enumerated() {
            nodes.append(try node(r, index: i, earlier: nodes))
        }
        for t in file.tensors {
            guard nodes.indices.contains(t.node) else { throw ArchiveError("the session file is damaged: tensor '\(t.name)' points to a missing node") }
            guard isName(t.name) else { throw ArchiveError("the session file is damaged: '\(t.name)' is not a tensor name") }
            // A file can hold a chain of any length; a session keeps at most Graph.maxGraphSize
            // operations per tensor (as `tensor` does), so `show graph` stays bounded.
            let node = nodes[t.node]
            state.define(t.name, Graph.exceedsGraphSize(node) ? Node(node.value, name: t.name) : node)
        }

        (state.network, state.optimizer) = try network(file.network)
        for l in file.network.layers { state.layerOrigins[l.name] = l.origin }
        if let root = file.gradients.root, root != SessionState.networkLoss, state.tensors[root] == nil {
            throw ArchiveError("the session file is damaged: gradients.root is '\(root)', which is neither the network's loss nor a tensor of the file")
        }
        state.gradientRoot = file.gradients.root
        state.gradients = try file.gradients.values.mapValues { try tensor($0, "gradient") }
        try checkGradientShapes(state)
        if let f = file.lastForward {
            try restorePass(f, into: &state)
        }
        guard let history = LossHistory(entries: file.history, stride: file.historyStride, steps: file.historySteps) else {
            throw ArchiveError("the session file is damaged: history (\(file.history.count) entries), historyStride and historySteps do not fit together")
        }
        state.lossHistory = history
        try checkCount(file.trainingRuns, "trainingRuns")
        guard let epochs = LossHistory(entries: file.epochLosses, stride: file.epochStride, steps: file.epochCount) else {
            throw ArchiveError("the session file is damaged: epochLosses (\(file.epochLosses.count) entries), epochStride and epochCount do not fit together")
        }
        state.training = TrainingRecord(epochHistory: epochs, runs: file.trainingRuns)
        state.training.validation = try validation(steps: file.validationSteps, losses: file.validationLosses, stepCount: history.steps)
        for (name, members) in file.datasets {
            guard isName(name) else { throw ArchiveError("the session file is damaged: '\(name)' is not a data set name") }
            let set = try members.mapValues { try tensor($0, "data set \(name)") }
            if let x = set["x"], let y = set["y"], x.rows != y.rows {
                throw ArchiveError("the session file is damaged: datasets.\(name) has \(x.rows) rows in x but \(y.rows) in y")
            }
            state.datasets[name] = set
        }
        return state
    }

    /// The validation curve: as many steps as losses, each step a count that grows and is
    /// within the steps the session has taken, no more than `ValidationHistory.maxPoints`.
    private static func validation(steps: [Int]?, losses: [Double]?, stepCount: Int) throws -> ValidationHistory {
        let steps = steps ?? [], losses = losses ?? []
        guard steps.count == losses.count else {
            throw ArchiveError("the session file is damaged: validationSteps has \(steps.count) entries but validationLosses \(losses.count)")
        }
        guard steps.count <= ValidationHistory.maxPoints else {
            throw ArchiveError("the session file is damaged: validationSteps has \(steps.count) entries, more than \(ValidationHistory.maxPoints)")
        }
        for (i, step) in steps.enumerated() where step < 1 || step > stepCount || (i > 0 && step <= steps[i - 1]) {
            throw ArchiveError("the session file is damaged: validationSteps[\(i)] is \(step); the steps grow from 1 up to the \(stepCount) steps of history")
        }
        var history = ValidationHistory()
        for (step, loss) in zip(steps, losses) { history.append(step: step, loss: loss) }
        return history
    }

    /// A gradient has the shape of what it is the gradient of: a tensor of the file, or a
    /// layer's W or b (z and a are checked with the last forward pass).
    private static func checkGradientShapes(_ state: SessionState) throws {
        for (name, g) in state.gradients {
            var expected: Tensor? = state.tensors[name]?.value
            let parts = name.split(separator: ".")
            if expected == nil, parts.count == 2, let i = state.layerIndex(named: String(parts[0])) {
                let layer = state.layers[i]
                expected = parts[1] == "W" ? layer.W : parts[1] == "b" ? layer.b : nil
            }
            if let expected, expected.rows != g.rows || expected.cols != g.cols {
                throw ArchiveError("the session file is damaged: gradients.values[\"\(name)\"] is \(g.shapeDescription), but \(name) is \(expected.shapeDescription)")
            }
        }
    }

    /// Letters, marks, numbers and "_", not starting with a digit (Unicode categories L*, M*,
    /// N* and Nd: the sets Foundation's CharacterSet.alphanumerics and .decimalDigits name).
    private static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.generalCategory != .decimalNumber else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || isAlphanumeric($0) }
    }

    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The largest count a file may hold (steps, runs): 2^53, beyond which a Double (and
    /// Adam's bias correction β^t) no longer counts one by one, and far from Int.max, where
    /// one more step would overflow. No session takes that many steps.
    static let maximumCount = 1 << 53

    static func checkCount(_ n: Int, _ field: String) throws {
        guard (0...maximumCount).contains(n) else {
            throw ArchiveError("the session file is damaged: \(field) is \(n); a count is between 0 and \(maximumCount)")
        }
    }

    static func tensor(_ r: SessionFile.TensorRecord, _ what: String) throws -> Tensor {
        guard r.shape.count == 2, r.shape[0] >= 0, r.shape[1] >= 0 else {
            throw ArchiveError("the session file is damaged: \(what) has shape \(r.shape), expected [rows, cols]")
        }
        let (count, overflow) = r.shape[0].multipliedReportingOverflow(by: r.shape[1])
        guard !overflow, count == r.data.count, count <= Tensor.defaultElementLimit else {
            throw ArchiveError("the session file is damaged: \(what) has shape \(r.shape[0])×\(r.shape[1]) but \(r.data.count) values")
        }
        return Tensor(rows: r.shape[0], cols: r.shape[1], data: r.data)
    }

    private static func node(_ r: SessionFile.NodeRecord, index: Int, earlier: [Node]) throws -> Node {
        let value = try tensor(r.value, "node \(index)")
        guard r.inputs.allSatisfy({ $0 >= 0 && $0 < index }) else {
            throw ArchiveError("the session file is damaged: node \(index) uses a node that does not come before it")
        }
        let inputs = r.inputs.map { earlier[$0] }
        let op: NodeOp
        switch r.op {
        case "input":
            guard inputs.isEmpty else { throw damaged(index, "inputs for an input") }
            return Node(value, name: r.name)
        case "add": op = .binary(.add)
        case "subtract": op = .binary(.sub)
        case "multiply": op = .binary(.mul)
        case "divide": op = .binary(.div)
        case "power": op = .binary(.pow)
        case "matmul": op = .matmul
        case "negate": op = .negate
        case "transpose": op = .transpose
        case "argmax": op = .argmax
        case "accuracy": op = .accuracy
        case "compare":
            guard let c = r.function.flatMap(BinaryOp.init(rawValue:)), c.isComparison else { throw damaged(index, "an unknown comparison") }
            op = .binary(c)
        case "slice":
            guard let rows = r.rows, let cols = r.cols, rows.count == 2, cols.count == 2,
                  rows[0] >= 0, rows[0] < rows[1], cols[0] >= 0, cols[0] < cols[1] else { throw damaged(index, "a bad slice") }
            op = .slice(rows: rows[0]...(rows[1] - 1), cols: cols[0]...(cols[1] - 1))
        case "function":
            if let a = r.function.flatMap(Activation.init(rawValue:)) { op = .activation(a) }
            else if let m = r.function.flatMap(MathFunction.init(rawValue:)) { op = .math(m) }
            else { throw damaged(index, "an unknown function") }
        case "reduce":
            guard let k = r.function.flatMap(ReductionKind.init(rawValue:)),
                  let axis = r.axis.flatMap(ReductionAxis.init(rawValue:)) else { throw damaged(index, "an unknown reduction") }
            op = .reduce(k, axis)
        case "loss":
            guard let k = r.function.flatMap(LossKind.init(rawValue:)) else { throw damaged(index, "an unknown loss") }
            op = .loss(k)
        default:
            throw damaged(index, "the unknown operation '\(r.op)'")
        }
        guard inputs.count == op.arity else { throw damaged(index, "\(inputs.count) inputs for \(r.op)") }
        // The operation is computed again from its inputs (the same numbers, bit for bit);
        // it must fit them and give the saved shape.
        let node: Node
        do { node = try Node.make(op, inputs, name: r.name) } catch let stop as Interrupted { throw stop } catch {
            throw damaged(index, "inputs that do not fit \(r.op)")
        }
        guard node.value.rows == value.rows, node.value.cols == value.cols else {
            throw damaged(index, "a value of the wrong shape for \(r.op)")
        }
        return node
    }

    private static func damaged(_ index: Int, _ what: String) -> ArchiveError {
        ArchiveError("the session file is damaged: node \(index) has \(what)")
    }

    private static func network(_ r: SessionFile.NetworkRecord) throws -> (Network, Optimizer) {
        guard let loss = LossKind(rawValue: r.loss) else { throw ArchiveError("the session file is damaged: unknown loss '\(r.loss)'") }
        var net = Network(loss: loss)
        var names = Set<String>()
        for (i, l) in r.layers.enumerated() {
            guard isName(l.name), names.insert(l.name).inserted else {
                throw ArchiveError("the session file is damaged: layer \(i + 1) has a bad or repeated name '\(l.name)'")
            }
            guard let activation = Activation(rawValue: l.activation) else {
                throw ArchiveError("the session file is damaged: layer '\(l.name)' has unknown activation '\(l.activation)'")
            }
            let w = try tensor(l.weights, "\(l.name).W")
            let b = try l.biases.map { try tensor($0, "\(l.name).b") }
            do {
                try net.append(try Dense(name: l.name, weights: w, biases: b, activation: activation, bias: b != nil))
            } catch let error as NetCoreError {
                throw ArchiveError("the session file is damaged: \(error.message)")
            }
        }
        guard OptimizerSettings.kinds.contains(r.optimizer.kind) else {
            throw ArchiveError("the session file is damaged: unknown optimizer '\(r.optimizer.kind)'")
        }
        let o = r.optimizer
        // The rules of the `optimizer` statement: every setting a finite number ≥ 0.
        for (field, value) in [("lr", o.lr), ("beta", o.beta), ("beta1", o.beta1), ("beta2", o.beta2), ("eps", o.eps)]
            where !value.isFinite || value < 0 {
            throw ArchiveError("the session file is damaged: network.optimizer.\(field) is \(value); it must be a finite number ≥ 0")
        }
        var optimizer = Optimizer(OptimizerSettings.make(o.kind, ["lr": o.lr, "beta": o.beta, "beta1": o.beta1, "beta2": o.beta2, "eps": o.eps]))
        // Optimizer state must belong to a parameter of the network and have its shape.
        let ids = Dictionary(uniqueKeysWithValues: net.parameters.map { (net.name(of: $0), $0) })
        for name in Set(o.first.keys).union(o.second.keys).union(o.steps.keys).sorted() {
            guard let id = ids[name] else {
                throw ArchiveError("the session file is damaged: the optimizer has state for '\(name)', which the network does not have")
            }
            let p = net.value(of: id)
            func buffer(_ r: SessionFile.TensorRecord?, _ what: String) throws -> [Double]? {
                guard let r else { return nil }
                let t = try tensor(r, "\(what) of \(name)")
                guard t.rows == p.rows, t.cols == p.cols else {
                    throw ArchiveError("the session file is damaged: the optimizer's \(what) of '\(name)' is \(t.shapeDescription), but \(name) is \(p.shapeDescription)")
                }
                return t.data
            }
            let steps = o.steps[name] ?? 0
            try checkCount(steps, "network.optimizer.steps[\"\(name)\"]")
            let state = Optimizer.ParameterState(steps: steps, first: try buffer(o.first[name], "first moment"),
                                                 second: try buffer(o.second[name], "second moment"))
            do { try optimizer.setState(state, for: id, in: net) } catch let error as NetCoreError {
                throw ArchiveError("the session file is damaged: \(error.message)")
            }
        }
        return (net, optimizer)
    }

    /// The last forward (and, when the gradients are the network's, the backward) pass.
    private static func restorePass(_ f: SessionFile.ForwardRecordFile, into state: inout SessionState) throws {
        let input = try tensor(f.input, "last forward input")
        let target = try f.target.map { try tensor($0, "last forward target") }
        let layers = state.layers
        guard f.layers.count == layers.count else {
            throw ArchiveError("the session file is damaged: the last forward has \(f.layers.count) layers, the network \(layers.count)")
        }
        let ownGradients = state.gradientRoot == SessionState.networkLoss
        var passes: [Network.LayerPass] = []
        var x = input
        for (layer, values) in zip(layers, f.layers) {
            let z = try tensor(values.z, "\(layer.name).z"), a = try tensor(values.a, "\(layer.name).a")
            var pass = Network.LayerPass(x: x, z: z, a: a)
            if ownGradients {
                let g = state.gradients
                pass.dA = g[layer.name + ".a"]; pass.dZ = g[layer.name + ".z"]; pass.dW = g[layer.name + ".W"]
                pass.dB = layer.hasBias ? g[layer.name + ".b"] : Tensor(rows: 1, cols: layer.outputs)
            }
            passes.append(pass)
            x = a
        }
        do {
            try state.network.restorePass(layers: passes, target: target, loss: f.loss)
        } catch let error as NetCoreError {
            throw ArchiveError("the session file is damaged: \(error.message)")
        }
        state.lastInput = input
    }
}
