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
        context.state.random = evaluator.state.random
        context.state.define(name, Graph.stored(node, as: name))
        return [.tensor(TensorView(name: name, value: node.value))]
    }
}

struct PrintStatement: Statement {
    var items: [Expr]

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        var pieces: [String] = []
        for item in items {
            if case .string(let s) = item.kind { pieces.append(s); continue }
            let t = try evaluator.value(item)
            if t.isScalar {
                pieces.append(NumberText.format(t.scalar, precision: context.state.settings.precision))
            } else {
                pieces.append(NumberText.table(t, precision: context.state.settings.precision))
            }
        }
        context.state.random = evaluator.state.random
        // A table starts on its own line, so no space goes before it.
        var line = ""
        for (i, piece) in pieces.enumerated() {
            if i > 0 && !piece.hasPrefix("\n") { line += " " }
            line += piece
        }
        return [.stream(line + "\n")]
    }
}

/// Numbers as `print` writes them: fixed digits after the point, trailing noise kept
/// so that columns line up ("0.02397190" at precision 8).
enum NumberText {
    static func format(_ v: Double, precision: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v != 0 && (abs(v) >= 1e15 || abs(v) < 1e-300) { return "\(v)" }
        // Round half away from zero at `precision` digits, then print the digits exactly.
        var scale = 1.0
        for _ in 0..<precision { scale *= 10 }
        let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        if scaled >= 9e15 { return "\(v)" }
        let whole = UInt64(scaled)
        var digits = String(whole)
        if precision > 0 {
            if digits.count <= precision { digits = String(repeating: "0", count: precision - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -precision))
        }
        return (v < 0 && whole != 0 ? "-" : "") + digits
    }

    /// A small matrix as text rows for `print` (a larger tensor prints as its table).
    static func table(_ t: Tensor, precision: Int) -> String {
        let cells = (0..<t.rows).map { r in (0..<t.cols).map { format(t[r, $0], precision: precision) } }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 0
        let lines = cells.map { row in row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: "  ") }
        return "\n" + lines.joined(separator: "\n")
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
                big.append(.tensor(TensorView(name: "d\(name)/d\(tensorName)", value: g)))
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
