import NetCore

/// The session's state as a `SessionFile` (everything `save` writes).
extension SessionArchive {

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
            history: state.history, epochLosses: state.training.epochLosses,
            historyStride: state.lossHistory.isExact ? nil : state.lossHistory.stride,
            historySteps: state.lossHistory.isExact ? nil : state.lossHistory.steps,
            epochStride: state.training.epochHistory.isExact ? nil : state.training.epochHistory.stride,
            epochCount: state.training.epochHistory.isExact ? nil : state.training.epochHistory.steps,
            trainingRuns: state.training.runs,
            validationSteps: state.training.validation.isEmpty ? nil : state.training.validation.steps,
            validationLosses: state.training.validation.isEmpty ? nil : state.training.validation.losses,
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
}
