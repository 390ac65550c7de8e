import Foundation
import NetCore

/// Turns a session's state into a `SessionFile` and back, checking everything it reads.
///
///     let data = try SessionArchive.encode(state)
///     let restored = try SessionArchive.decode(data)     // throws ArchiveError, never crashes
///
/// Decoding builds a complete new state before anything is replaced, so a refused file
/// leaves the session as it was.
enum SessionArchive {
    struct ArchiveError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func encode(_ state: SessionState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(file(from: state))
    }

    static func decode(_ data: Data) throws -> SessionState {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let header: SessionFile.Header
        do {
            header = try decoder.decode(SessionFile.Header.self, from: data)
        } catch {
            throw ArchiveError("not a NetBook session file: it is not valid JSON (is it truncated?)")
        }
        guard header.format == SessionFile.formatName else {
            throw ArchiveError("not a NetBook session file: its format is \(header.format.map { "'\($0)'" } ?? "missing"), expected '\(SessionFile.formatName)'")
        }
        guard let version = header.version, version >= 1 else {
            throw ArchiveError("the session file has no valid format version")
        }
        guard version <= SessionFile.currentVersion else {
            throw ArchiveError("the session file was written by a newer NetBook (format version \(version)); this one reads version \(SessionFile.currentVersion)")
        }
        let file: SessionFile
        do {
            file = try decoder.decode(SessionFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ArchiveError("the session file is damaged: '\(path(context.codingPath + [key]))' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw ArchiveError("the session file is damaged at '\(path(context.codingPath))': \(context.debugDescription)")
        } catch {
            throw ArchiveError("the session file is damaged: \(error)")
        }
        return try state(from: file)
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    // MARK: - state → file

    static func file(from state: SessionState) -> SessionFile {
        var nodes: [SessionFile.NodeRecord] = []
        var ids: [ObjectIdentifier: Int] = [:]
        // Iterative post-order so deep graphs cannot overflow the stack.
        func add(_ root: Node) -> Int {
            if let id = ids[ObjectIdentifier(root)] { return id }
            var stack: [(Node, Bool)] = [(root, false)]
            while let (node, expanded) = stack.popLast() {
                if ids[ObjectIdentifier(node)] != nil { continue }
                if expanded {
                    ids[ObjectIdentifier(node)] = nodes.count
                    nodes.append(record(node, inputs: node.inputs.map { ids[ObjectIdentifier($0)] ?? 0 }))
                } else {
                    stack.append((node, true))
                    for input in node.inputs.reversed() where ids[ObjectIdentifier(input)] == nil { stack.append((input, false)) }
                }
            }
            return ids[ObjectIdentifier(root)] ?? 0
        }
        let tensors = state.tensorNames.compactMap { name in
            state.tensors[name].map { SessionFile.NamedNode(name: name, node: add($0)) }
        }
        let net = state.network
        let opt = net.optimizer
        let snapshot = state.random.generator.snapshot
        return SessionFile(
            format: SessionFile.formatName, version: SessionFile.currentVersion,
            settings: .init(precision: state.settings.precision, style: state.settings.style.rawValue),
            random: .init(state: snapshot.words.map { String($0, radix: 16) }, spareNormal: snapshot.spareNormal),
            nodes: nodes, tensors: tensors,
            network: .init(loss: net.loss, layers: net.layers.map {
                .init(name: $0.name, activation: $0.activation.rawValue, origin: $0.origin,
                      weights: .init($0.weights), biases: $0.biases.map(SessionFile.TensorRecord.init))
            }, optimizer: .init(kind: opt.kind.rawValue, lr: opt.lr, beta: opt.beta, beta1: opt.beta1, beta2: opt.beta2,
                                eps: opt.eps, first: opt.first.mapValues(SessionFile.TensorRecord.init),
                                second: opt.second.mapValues(SessionFile.TensorRecord.init), steps: opt.steps)),
            gradients: .init(root: state.gradientRoot, values: state.gradients.mapValues(SessionFile.TensorRecord.init)),
            lastForward: state.lastForward.map { f in
                .init(input: .init(f.input), target: f.target.map(SessionFile.TensorRecord.init),
                      layers: f.layers.map { .init(z: .init($0.z), a: .init($0.a)) }, loss: f.loss)
            },
            history: state.history, epochLosses: state.training.epochLosses, trainingRuns: state.training.runs,
            datasets: state.datasets.mapValues { $0.mapValues(SessionFile.TensorRecord.init) })
    }

    private static func record(_ node: Node, inputs: [Int]) -> SessionFile.NodeRecord {
        var r = SessionFile.NodeRecord(op: "", name: node.name, value: .init(node.value), inputs: inputs)
        switch node.op {
        case .input: r.op = "input"
        case .add: r.op = "add"
        case .subtract: r.op = "subtract"
        case .multiply: r.op = "multiply"
        case .divide: r.op = "divide"
        case .power: r.op = "power"
        case .matmul: r.op = "matmul"
        case .negate: r.op = "negate"
        case .transpose: r.op = "transpose"
        case .compare(let c): r.op = "compare"; r.function = c.rawValue
        case .slice(let rows, let cols):
            r.op = "slice"; r.rows = [rows.lowerBound, rows.upperBound]; r.cols = [cols.lowerBound, cols.upperBound]
        case .function(let f): r.op = "function"; r.function = f
        case .reduce(let f, let axis): r.op = "reduce"; r.function = f; r.axis = axis.rawValue
        case .loss(let f): r.op = "loss"; r.function = f
        }
        return r
    }

    // MARK: - file → state (checked)

    static func state(from file: SessionFile) throws -> SessionState {
        var state = SessionState()
        guard (0...17).contains(file.settings.precision),
              let style = RenderSettings.PlotStyle(rawValue: file.settings.style) else {
            throw ArchiveError("the session file is damaged: settings \(file.settings.precision), '\(file.settings.style)' are not valid")
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
            state.define(t.name, nodes[t.node])
        }

        state.network = try network(file.network)
        state.gradientRoot = file.gradients.root
        state.gradients = try file.gradients.values.mapValues { try tensor($0, "gradient") }
        if let f = file.lastForward {
            state.lastForward = ForwardRecord(input: try tensor(f.input, "last forward input"),
                                              target: try f.target.map { try tensor($0, "last forward target") },
                                              layers: try f.layers.map { .init(z: try tensor($0.z, "z"), a: try tensor($0.a, "a")) },
                                              loss: f.loss)
        }
        state.history = file.history
        guard file.trainingRuns >= 0 else { throw ArchiveError("the session file is damaged: trainingRuns is negative") }
        state.training = TrainingRecord(epochLosses: file.epochLosses, runs: file.trainingRuns)
        for (name, members) in file.datasets {
            guard isName(name) else { throw ArchiveError("the session file is damaged: '\(name)' is not a data set name") }
            state.datasets[name] = try members.mapValues { try tensor($0, "data set \(name)") }
        }
        return state
    }

    private static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
    }

    static func tensor(_ r: SessionFile.TensorRecord, _ what: String) throws -> Tensor {
        guard r.shape.count == 2, r.shape[0] >= 0, r.shape[1] >= 0 else {
            throw ArchiveError("the session file is damaged: \(what) has shape \(r.shape), expected [rows, cols]")
        }
        let (count, overflow) = r.shape[0].multipliedReportingOverflow(by: r.shape[1])
        guard !overflow, count == r.data.count, count <= Limits.maxElements else {
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
        let op: GraphOp
        let arity: Int
        switch r.op {
        case "input": op = .input; arity = 0
        case "add": op = .add; arity = 2
        case "subtract": op = .subtract; arity = 2
        case "multiply": op = .multiply; arity = 2
        case "divide": op = .divide; arity = 2
        case "power": op = .power; arity = 2
        case "matmul": op = .matmul; arity = 2
        case "negate": op = .negate; arity = 1
        case "transpose": op = .transpose; arity = 1
        case "compare":
            guard let c = r.function.flatMap(BinaryOp.init(rawValue:)) else { throw damaged(index, "an unknown comparison") }
            op = .compare(c); arity = 2
        case "slice":
            guard let rows = r.rows, let cols = r.cols, rows.count == 2, cols.count == 2,
                  rows[0] >= 0, rows[0] < rows[1], cols[0] >= 0, cols[0] < cols[1] else { throw damaged(index, "a bad slice") }
            op = .slice(rows: rows[0]..<rows[1], cols: cols[0]..<cols[1]); arity = 1
        case "function":
            guard let f = r.function, Activation(rawValue: f) != nil || MathFunction(rawValue: f) != nil else {
                throw damaged(index, "an unknown function")
            }
            op = .function(f); arity = 1
        case "reduce":
            guard let f = r.function, ReductionKind(rawValue: f) != nil,
                  let axis = r.axis.flatMap(ReductionAxis.init(rawValue:)) else { throw damaged(index, "an unknown reduction") }
            op = .reduce(f, axis); arity = 1
        case "loss":
            guard let f = r.function, LossMath.names.contains(f) else { throw damaged(index, "an unknown loss") }
            op = .loss(f); arity = 2
        default:
            throw damaged(index, "the unknown operation '\(r.op)'")
        }
        guard inputs.count == arity else { throw damaged(index, "\(inputs.count) inputs for \(r.op)") }
        if arity > 0 {
            // The operation must fit its inputs (as it did when computed); the saved value is kept.
            let recomputed: Tensor
            do { recomputed = try Graph.forward(op, inputs.map(\.value)) } catch { throw damaged(index, "inputs that do not fit \(r.op)") }
            guard recomputed.rows == value.rows, recomputed.cols == value.cols else {
                throw damaged(index, "a value of the wrong shape for \(r.op)")
            }
        }
        return Node(value: value, op: op, inputs: inputs, name: r.name)
    }

    private static func damaged(_ index: Int, _ what: String) -> ArchiveError {
        ArchiveError("the session file is damaged: node \(index) has \(what)")
    }

    private static func network(_ r: SessionFile.NetworkRecord) throws -> NetworkState {
        var net = NetworkState()
        guard LossMath.names.contains(r.loss) else { throw ArchiveError("the session file is damaged: unknown loss '\(r.loss)'") }
        net.loss = r.loss
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
            if let b, b.rows != 1 || b.cols != w.cols {
                throw ArchiveError("the session file is damaged: \(l.name).b is \(b.shapeDescription) but \(l.name).W is \(w.shapeDescription)")
            }
            if let previous = net.layers.last, previous.outputs != w.rows {
                throw ArchiveError("the session file is damaged: layer '\(l.name)' takes \(w.rows) inputs but '\(previous.name)' gives \(previous.outputs)")
            }
            net.layers.append(LayerState(name: l.name, activation: activation, weights: w, biases: b, origin: l.origin))
        }
        guard let kind = OptimizerState.Kind(rawValue: r.optimizer.kind) else {
            throw ArchiveError("the session file is damaged: unknown optimizer '\(r.optimizer.kind)'")
        }
        var opt = OptimizerState.defaults(for: kind)
        let o = r.optimizer
        guard [o.lr, o.beta, o.beta1, o.beta2, o.eps].allSatisfy(\.isFinite) else {
            throw ArchiveError("the session file is damaged: the optimizer's settings are not finite numbers")
        }
        opt.lr = o.lr; opt.beta = o.beta; opt.beta1 = o.beta1; opt.beta2 = o.beta2; opt.eps = o.eps
        // Optimizer state must belong to a parameter of the network and have its shape.
        var shapes: [String: (Int, Int)] = [:]
        for l in net.layers {
            shapes[l.name + ".W"] = (l.weights.rows, l.weights.cols)
            if let b = l.biases { shapes[l.name + ".b"] = (b.rows, b.cols) }
        }
        func checked(_ states: [String: SessionFile.TensorRecord], _ what: String) throws -> [String: Tensor] {
            try states.reduce(into: [:]) { out, entry in
                let t = try tensor(entry.value, "\(what) of \(entry.key)")
                guard let shape = shapes[entry.key], shape == (t.rows, t.cols) else {
                    throw ArchiveError("the session file is damaged: the optimizer's \(what) of '\(entry.key)' does not fit the network")
                }
                out[entry.key] = t
            }
        }
        opt.first = try checked(o.first, "first moment")
        opt.second = try checked(o.second, "second moment")
        guard o.steps.allSatisfy({ shapes[$0.key] != nil && $0.value >= 0 }) else {
            throw ArchiveError("the session file is damaged: the optimizer's step counts do not fit the network")
        }
        opt.steps = o.steps
        net.optimizer = opt
        return net
    }
}
