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
        let snapshot = state.random.generator.snapshot
        return SessionFile(
            format: SessionFile.formatName, version: SessionFile.currentVersion,
            settings: .init(precision: state.settings.precision, style: state.settings.style.rawValue),
            random: .init(state: snapshot.words.map { String($0, radix: 16) }, spareNormal: snapshot.spareNormal),
            nodes: nodes, tensors: tensors,
            network: .init(loss: net.loss.name, layers: net.layers.map {
                .init(name: $0.name, activation: $0.activation.rawValue, origin: state.layerOrigins[$0.name] ?? "",
                      weights: .init($0.W), biases: $0.hasBias ? .init($0.b) : nil)
            }, optimizer: optimizerRecord(state.optimizer, net)),
            gradients: .init(root: state.gradientRoot, values: state.gradients.mapValues(SessionFile.TensorRecord.init)),
            lastForward: lastForward(state),
            history: state.history, epochLosses: state.training.epochLosses, trainingRuns: state.training.runs,
            datasets: state.datasets.mapValues { $0.mapValues(SessionFile.TensorRecord.init) })
    }

    private static func optimizerRecord(_ optimizer: Optimizer, _ net: Network) -> SessionFile.OptimizerRecord {
        let settings = Dictionary(uniqueKeysWithValues: OptimizerSettings.settings(optimizer.kind))
        let defaults = Dictionary(uniqueKeysWithValues: OptimizerSettings.settings(OptimizerSettings.make(optimizer.kind.name, [:])))
        func value(_ name: String) -> Double { settings[name] ?? defaults[name] ?? OptimizerSettings.fallback(name) }
        var record = SessionFile.OptimizerRecord(kind: optimizer.kind.name, lr: value("lr"), beta: value("beta"), beta1: value("beta1"),
                                                 beta2: value("beta2"), eps: value("eps"), first: [:], second: [:], steps: [:])
        for id in net.parameters {
            guard let s = optimizer.state(of: id) else { continue }
            let name = net.name(of: id), p = net.value(of: id)
            record.steps[name] = s.steps
            if let first = s.first { record.first[name] = .init(shape: [p.rows, p.cols], data: first) }
            if let second = s.second { record.second[name] = .init(shape: [p.rows, p.cols], data: second) }
        }
        return record
    }

    private static func lastForward(_ state: SessionState) -> SessionFile.ForwardRecordFile? {
        guard let x = state.lastInput else { return nil }
        let layers = state.layers.compactMap { l in l.z.flatMap { z in l.a.map { SessionFile.ForwardRecordFile.LayerValues(z: .init(z), a: .init($0)) } } }
        guard layers.count == state.layers.count else { return nil }
        return .init(input: .init(x), target: state.network.lastTarget.map(SessionFile.TensorRecord.init),
                     layers: layers, loss: state.network.lastLoss)
    }

    private static func record(_ node: Node, inputs: [Int]) -> SessionFile.NodeRecord {
        var r = SessionFile.NodeRecord(op: "", name: node.name, value: .init(node.value), inputs: inputs)
        switch node.op {
        case .leaf: r.op = "input"
        case .binary(.add): r.op = "add"
        case .binary(.sub): r.op = "subtract"
        case .binary(.mul): r.op = "multiply"
        case .binary(.div): r.op = "divide"
        case .binary(.pow): r.op = "power"
        case .binary(let c): r.op = "compare"; r.function = c.rawValue
        case .matmul: r.op = "matmul"
        case .negate: r.op = "negate"
        case .transpose: r.op = "transpose"
        case .slice(let rows, let cols):
            // Half-open bounds in the file; nil (all) is written as the full range.
            r.op = "slice"
            r.rows = rows.map { [$0.lowerBound, $0.upperBound + 1] } ?? [0, node.inputs.first?.value.rows ?? 0]
            r.cols = cols.map { [$0.lowerBound, $0.upperBound + 1] } ?? [0, node.inputs.first?.value.cols ?? 0]
        case .activation(let a): r.op = "function"; r.function = a.rawValue
        case .math(let f): r.op = "function"; r.function = f.rawValue
        case .reduce(let k, let axis): r.op = "reduce"; r.function = k.rawValue; r.axis = axis.rawValue
        case .loss(let k): r.op = "loss"; r.function = k.rawValue
        case .argmax: r.op = "argmax"
        case .accuracy: r.op = "accuracy"
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

        (state.network, state.optimizer) = try network(file.network)
        for l in file.network.layers { state.layerOrigins[l.name] = l.origin }
        state.gradientRoot = file.gradients.root
        state.gradients = try file.gradients.values.mapValues { try tensor($0, "gradient") }
        if let f = file.lastForward {
            try restorePass(f, into: &state)
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
        do { node = try Node.make(op, inputs, name: r.name) } catch { throw damaged(index, "inputs that do not fit \(r.op)") }
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
        guard [o.lr, o.beta, o.beta1, o.beta2, o.eps].allSatisfy(\.isFinite) else {
            throw ArchiveError("the session file is damaged: the optimizer's settings are not finite numbers")
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
                    throw ArchiveError("the session file is damaged: the optimizer's \(what) of '\(name)' does not fit the network")
                }
                return t.data
            }
            let steps = o.steps[name] ?? 0
            guard steps >= 0 else { throw ArchiveError("the session file is damaged: the optimizer's step counts do not fit the network") }
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
