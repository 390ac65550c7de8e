import NetCore

/// `tensor`, `print` and `backward NAME`: tensors and their computational graphs.
enum TensorStatements {
    static let parsers: [String: StatementParser] = [
        "tensor": { parser, keyword in
            let name = try parser.expectIdentifier("a tensor name after 'tensor'")
            if let word = name.identifier, word.first?.isNumber == false, parser.current.isSymbol(".") {
                throw LangError(.syntax, "a tensor name cannot contain '.'", at: parser.current.location,
                                hint: "dotted names like \(word).W belong to layers and data sets")
            }
            try parser.expect("=", after: "'tensor \(name.identifier ?? "")'")
            return TensorStatement(name: name.identifier ?? "", nameLocation: name.location, expr: try parser.parseExpression())
        },
        "print": { parser, keyword in
            var items: [Expr] = []
            if !parser.atStatementEnd {
                repeat { items.append(try parser.parseExpression()) } while parser.accept(",")
            }
            return PrintStatement(items: items)
        },
    ]
}

struct TensorStatement: Statement {
    var name: String
    var nameLocation: SourceLocation
    var expr: Expr

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        if context.state.layerIndex(named: name) != nil {
            throw LangError(.name, "'\(name)' is already a layer", at: nameLocation, hint: "choose another name for the tensor")
        }
        var evaluator = Evaluator(context: context)
        let node = try evaluator.evaluate(expr)
        context.state.define(name, Graph.stored(node, as: name))
        return [.tensor(TensorView(name: name, value: node.value))]
    }
}

struct PrintStatement: Statement {
    var items: [Expr]

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        var printed: [PrintItem] = []
        for item in items {
            if case .string(let s) = item.kind { printed.append(.text(s)); continue }
            let t = try evaluator.value(item)
            printed.append(t.isScalar ? .number(t.scalar) : .tensor(t))
        }
        return [.printed(printed)]
    }
}

/// `backward NAME`: reverse mode through the tensor statements that made NAME.
struct GraphBackwardStatement: Statement {
    var name: String
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        guard let root = context.state.tensors[name] else {
            if context.state.layerIndex(named: name) != nil {
                throw LangError(.value, "'\(name)' is a layer; `backward` alone backpropagates the network's loss", at: location)
            }
            throw LangError(.name, "unknown tensor '\(name)'", at: location,
                            hint: Suggest.hint(for: name, in: context.state.tensorNames))
        }
        guard root.value.isScalar else {
            throw LangError(.shape, "backward needs a 1×1 tensor, but '\(name)' is \(root.value.shapeDescription)", at: location,
                            hint: "differentiate a sum or a loss, e.g. tensor L = sum(\(name))")
        }
        // A gradient for every value of the graph, the size of that value.
        try Limits.reserve(bytes: SessionFootprint.graphBytes(root), for: "backward \(name)", in: context.memory, at: location)
        let grads: Gradients
        do { grads = try gradients(of: root) } catch let error as NetCoreError { throw LangError(error, at: location) }
        var stored: [String: Tensor] = [:]
        var rows: [[Cell]] = []
        var big: [Output] = []
        for node in grads.order {
            guard let tensorName = node.name, let g = grads[node], stored[tensorName] == nil else { continue }
            stored[tensorName] = g
            if node.value.isScalar {
                rows.append([.text(tensorName), .number(node.value.scalar), .number(g.scalar)])
            } else {
                big.append(.tensor(TensorView(name: tensorName, value: node.value)))
                big.append(.tensor(TensorView(name: NetworkViews.derivative(name, tensorName), value: g)))
            }
        }
        context.state.gradients = stored     // replaced, not accumulated
        context.state.gradientRoot = name
        var parts: [Output] = []
        if !rows.isEmpty {
            parts.append(.table(Table(title: "backward \(name)", columns: ["tensor", "value", "d\(name)/d(tensor)"], rows: rows)))
        }
        parts += big
        return [parts.count == 1 ? parts[0] : .group(parts)]
    }
}
