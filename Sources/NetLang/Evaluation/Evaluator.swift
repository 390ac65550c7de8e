import NetCore

/// Evaluates expressions to graph nodes (a value plus how it was computed), so that
/// `backward NAME` can differentiate through them.
///
///     var evaluator = Evaluator(context: context)
///     let node = try evaluator.evaluate(expr)     // node.value is the tensor
///
/// Split by concern: the expression walk, names and literals here; operators with their
/// shape errors in Evaluator+Operators.swift; members (hidden.W, xor.x), indexing and
/// whole-number arguments in Evaluator+Members.swift; calls in FunctionTable.swift.
struct Evaluator {
    /// The statement's draft state, owned by its ExecutionContext and shared (not copied):
    /// `rand` advances the one generator, whichever statement or argument it is in.
    var state: SessionState {
        get { draft.state }
        nonmutating set { draft.state = newValue }
        nonmutating _modify { yield &draft.state }
    }
    private let draft: DraftState
    let source: String
    /// The statement's memory budget: every result is reserved there before it is computed.
    let memory: MemoryBudget

    init(context: ExecutionContext) {
        draft = context.draft
        source = context.source
        memory = context.memory
    }

    /// An evaluator with a state of its own: what it changes (`rand`) is not kept anywhere.
    init(state: SessionState, source: String, memory: MemoryBudget = .unlimited) {
        draft = DraftState(state)
        self.source = source
        self.memory = memory
    }

    func text(of location: SourceLocation) -> String { location.text(in: source) }

    // MARK: - Expressions

    mutating func evaluate(_ e: Expr) throws -> Node {
        // Between operations: a chain of large products stops at the next one (and inside
        // one, between its blocks: MatrixProduct.multiplyInterruptibly).
        try Interruption.check()
        switch e.kind {
        case .number(let v):
            return Graph.constant(Tensor(scalar: v))
        case .string:
            throw LangError(.value, "a string is not a tensor", at: e.location,
                            hint: "strings can only be printed: print \"text\", x")
        case .name(let name):
            return try lookup(name, at: e.location)
        case .list(let items):
            return Graph.constant(try literal(items, at: e.location))
        case .unary(_, let operand):
            let x = try evaluate(operand)
            return try apply(.negate, [x], at: e.location)
        case .binary(let op, let left, let right):
            let a = try evaluate(left)
            let b = try evaluate(right)
            return try binary(op, a, b, at: e)
        case .transpose(let operand):
            let x = try evaluate(operand)
            return try apply(.transpose, [x], at: e.location)
        case .member(let base, let member, let memberLocation):
            return try self.member(base, member, memberLocation, at: e.location)
        case .index(let base, let subscripts):
            let x = try evaluate(base)
            let (rows, cols) = try indexRanges(subscripts, of: x.value, at: e.location)
            return try apply(.slice(rows: rows, cols: cols), [x], at: e.location)
        case .call(let name, let args):
            return try FunctionTable.call(name, args, at: e.location, evaluator: &self)
        }
    }

    /// Evaluates to a plain tensor (no graph needed).
    mutating func value(_ e: Expr) throws -> Tensor { try evaluate(e).value }

    func lookup(_ name: String, at location: SourceLocation) throws -> Node {
        if let node = state.tensors[name] { return node }
        if state.layerIndex(named: name) != nil {
            throw LangError(.value, "'\(name)' is a layer, not a tensor", at: location,
                            hint: "use \(name).W, \(name).b, \(name).z or \(name).a")
        }
        if state.datasets[name] != nil {
            throw LangError(.value, "'\(name)' is a data set, not a tensor", at: location,
                            hint: "use \(name).x or \(name).y")
        }
        switch name {
        case "true": return Graph.constant(Tensor(scalar: 1))
        case "false": return Graph.constant(Tensor(scalar: 0))
        case "pi": return Graph.constant(Tensor(scalar: Double.pi))
        // The loss history (one row per step, as `show history`), to keep or compare:
        // tensor sgd_loss = history
        case "history": return Graph.constant(Tensor(rows: state.history.count, cols: state.history.isEmpty ? 0 : 1, data: state.history))
        default: break
        }
        if FunctionTable.names.contains(name) {
            throw LangError(.syntax, "'\(name)' is a function: call it with parentheses", at: location,
                            hint: "\(name)(…)")
        }
        if StatementTable.parsers[name] != nil {
            throw LangError(.syntax, "'\(name)' is a statement and must start a line", at: location)
        }
        let known = state.tensorNames + state.layerNames + FunctionTable.names + StatementTable.keywords + ["true", "false", "pi"]
        throw LangError(.name, "unknown name '\(name)'", at: location, hint: Suggest.hint(for: name, in: known))
    }

    /// `[1, 2]` is 1×n; `[[1, 2], [3, 4]]` stacks rows. Elements may be any 1×1 expression.
    private mutating func literal(_ items: [Expr], at location: SourceLocation) throws -> Tensor {
        guard !items.isEmpty else {
            throw LangError(.value, "an empty tensor has no shape here", at: location, hint: "write at least one number, e.g. [0]")
        }
        let nested = items.allSatisfy { if case .list = $0.kind { return true }; return false }
        if nested {
            var rows: [[Double]] = []
            for item in items {
                guard case .list(let inner) = item.kind, !inner.isEmpty else {
                    throw LangError(.value, "an empty row", at: item.location)
                }
                let row = try inner.map { try scalar(of: $0) }
                if let first = rows.first, first.count != row.count {
                    throw LangError(.shape, "rows of different lengths: row 1 has \(first.count) numbers, row \(rows.count + 1) has \(row.count)",
                                    at: item.location)
                }
                rows.append(row)
            }
            try Limits.check(rows: rows.count, cols: rows[0].count, at: location)
            return Tensor(rows)
        }
        if let list = items.first(where: { if case .list = $0.kind { return true }; return false }) {
            throw LangError(.syntax, "mixing numbers and rows in one literal", at: list.location,
                            hint: "write [[1, 2], [3, 4]] for rows")
        }
        let row = try items.map { try scalar(of: $0) }
        return Tensor([row])
    }

    private mutating func scalar(of e: Expr) throws -> Double {
        let t = try value(e)
        guard t.isScalar else {
            throw LangError(.shape, "a literal's elements must be numbers (1×1), but this is \(t.shapeDescription)", at: e.location)
        }
        return t.scalar
    }
}
