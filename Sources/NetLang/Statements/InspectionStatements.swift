import NetCore

/// `show` and `plot`: looking at tensors, layers, the network and the loss history.
enum InspectionStatements {
    static let parsers: [String: StatementParser] = [
        "show": { parser, keyword in
            // show image / weights / mistakes / confusion (ImageStatements.swift).
            if let pictures = try ImageStatements.parseShow(&parser, keyword) { return pictures }
            if let word = parser.current.identifier, parser.peek().isEnd,
               ["network", "params", "grads", "history", "memory"].contains(word) {
                parser.advance()
                return ShowStatement(subject: .keyword(word), location: keyword.location)
            }
            // show network hidden.W[1, 1]: the network with that parameter's chain rule marked.
            if parser.current.identifier == "network", parser.peek().identifier != nil {
                parser.advance()
                return ShowStatement(subject: .networkPath(try parser.parseExpression()), location: keyword.location)
            }
            if parser.current.identifier == "graph", parser.peek().isEnd {
                throw LangError(.syntax, "show graph needs the name of a tensor", at: parser.current.location,
                                hint: "show graph L, after tensor L = …")
            }
            if parser.current.identifier == "graph", parser.peek().identifier != nil {
                parser.advance()
                let name = parser.advance()
                return ShowStatement(subject: .graph(name.identifier ?? "", name.location), location: keyword.location)
            }
            let expression = try parser.parseExpression()
            // `show x full`: every value, up to TensorSummary.fullLimit (TensorSummary.swift).
            return ShowStatement(subject: .expression(expression), full: parser.acceptWord("full"), location: keyword.location)
        },
        "plot": PlotStatement.parse,
    ]
}

struct ShowStatement: Statement {
    enum Subject {
        case keyword(String)
        case graph(String, SourceLocation)
        case networkPath(Expr)
        case expression(Expr)
    }
    var subject: Subject
    /// `show x full`: text and HTML show every value (up to `TensorSummary.fullLimit`).
    var full = false
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let state = context.state
        switch subject {
        case .keyword("network"):
            // The picture (units, weights, z | a, gradients), then the table of layers.
            guard !state.layers.isEmpty else { return [NetworkViews.network(state)] }
            // Two outputs, not a group: a group's bundle is HTML, which would lose the SVG.
            return [.network(NetworkDiagramBuilder.diagram(of: state.layers)), NetworkViews.network(state)]
        case .networkPath(let target):
            let parameter = try ParameterReference(target, for: "show network", in: context)
            var diagram = NetworkDiagramBuilder.diagram(of: state.layers)
            NetworkPath.mark(parameter, in: &diagram, layers: state.layers, loss: state.network.loss)
            return [.network(diagram), NetworkViews.network(state)]
        case .keyword("memory"):
            return [MemoryStatement.view(state)]
        case .keyword("params"):
            guard !state.network.layers.isEmpty else { throw LangError(.value, "the network has no layers yet", at: location) }
            return [NetworkViews.params(state.network.layers)]
        case .keyword("grads"):
            guard let root = state.gradientRoot else {
                throw LangError(.value, "no gradients yet", at: location, hint: "run backward (or backward NAME) first")
            }
            let names = root == SessionState.networkLoss
                ? state.layers.flatMap { ["\($0.name).W", "\($0.name).b"] }.filter { state.gradients[$0] != nil }
                : state.gradients.keys.sorted()
            return [.group(names.compactMap { n in state.gradients[n].map { .tensor(TensorView(name: NetworkViews.derivative(root, n), value: $0)) } })]
        case .keyword:
            return HistoryView.outputs(steps: state.lossHistory, epochs: state.training.epochHistory)
        case .graph(let name, let at):
            return [try GraphViewBuilder.view(of: name, in: state, at: at)]
        case .expression(let e):
            if let name = e.simpleName, state.tensors[name] == nil, let set = state.datasets[name] {
                return [.group(set.keys.sorted().compactMap { member in
                    set[member].map { .tensor(TensorView(name: "\(name).\(member)", value: $0, full: full)) }
                })]
            }
            if let name = e.simpleName, let index = state.layerIndex(named: name) {
                let layer = state.layers[index]
                return [NetworkViews.layer(layer, origin: state.layerOrigins[layer.name] ?? "", full: full)]
            }
            var evaluator = Evaluator(context: context)
            let value = try evaluator.value(e)
            let label = e.simpleName ?? evaluator.text(of: e.location)
            return [.tensor(TensorView(name: label, value: value, full: full))]
        }
    }
}

/// `show graph NAME`: nodes in evaluation order with values and, once `backward NAME` has
/// run, d(NAME)/d(node) and the gradient along each edge. Before that only the values: the
/// lesson draws the forward pass first, then the backward one.
enum GraphViewBuilder {
    static func view(of name: String, in state: SessionState, at location: SourceLocation) throws -> Output {
        guard let root = state.tensors[name] else {
            throw LangError(.name, "unknown tensor '\(name)'", at: location, hint: Suggest.hint(for: name, in: state.tensorNames))
        }
        let backwardDone = state.gradientRoot == name && root.value.isScalar
        let grads: Gradients
        do { grads = try gradients(of: root) } catch let error as NetCoreError { throw LangError(error, at: location) }
        let order = grads.order
        var ids: [ObjectIdentifier: Int] = [:]
        var uses: [ObjectIdentifier: Int] = [:]
        for (i, node) in order.enumerated() {
            ids[ObjectIdentifier(node)] = i
            for input in node.inputs { uses[ObjectIdentifier(input), default: 0] += 1 }
        }
        let nodes = try order.enumerated().map { i, node in
            var inputGrads: [Tensor]? = nil
            if backwardDone, let g = grads[node], !node.inputs.isEmpty {
                // An edge carries its input's whole gradient unless the input is used again
                // elsewhere: only then is the one step of the chain rule worth computing.
                if node.inputs.contains(where: { uses[ObjectIdentifier($0), default: 0] > 1 }) {
                    do { inputGrads = try edgeGradients(of: node, given: g) } catch let error as NetCoreError { throw LangError(error, at: location) }
                } else {
                    inputGrads = node.inputs.compactMap { grads[$0] }
                }
            }
            return GraphView.Node(id: i, name: node.name, op: node.op.graphLabel, value: node.value,
                                  grad: backwardDone ? grads[node] : nil,
                                  inputs: node.inputs.compactMap { ids[ObjectIdentifier($0)] }, inputGrads: inputGrads)
        }
        return .graph(GraphView(root: name, nodes: nodes))
    }
}
