import NetCore

/// Evaluates expressions to graph nodes (a value plus how it was computed), so that
/// `backward NAME` can differentiate through them.
///
///     var evaluator = Evaluator(context: context)
///     let node = try evaluator.evaluate(expr)     // node.value is the tensor
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

    private func lookup(_ name: String, at location: SourceLocation) throws -> Node {
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

    private static let binaryOps: [String: NodeOp] = {
        var ops: [String: NodeOp] = ["@": .matmul]
        for op in BinaryOp.allCases { ops[op.symbol] = .binary(op) }
        return ops
    }()

    func binary(_ symbol: String, _ a: Node, _ b: Node, at e: Expr) throws -> Node {
        guard let op = Self.binaryOps[symbol] else {
            throw LangError(.syntax, "unknown operator '\(symbol)'", at: e.location)
        }
        let (x, y) = (a.value, b.value)
        let fits: Bool
        let rows: Int, cols: Int
        if symbol == "@" {
            fits = x.cols == y.rows
            rows = x.rows; cols = y.cols
        } else {
            let r = Self.broadcast(x.rows, y.rows), c = Self.broadcast(x.cols, y.cols)
            fits = r != nil && c != nil
            rows = r ?? 0; cols = c ?? 0
        }
        guard fits else {
            var hint: String? = nil
            if symbol == "@" {
                // The products a transpose would make work, written out with their shapes.
                let l = symbolText(e, side: 0), r = symbolText(e, side: 1)
                var fixes: [String] = []
                if x.rows == y.rows { fixes.append("\(Self.transposed(l)) @ \(r) (\(x.cols)×\(y.cols))") }
                if x.cols == y.cols { fixes.append("\(l) @ \(Self.transposed(r)) (\(x.rows)×\(y.rows))") }
                hint = "the columns of the left (\(x.cols)) must equal the rows of the right (\(y.rows))"
                    + (fixes.isEmpty ? "" : "; did you mean " + fixes.joined(separator: " or ") + "?")
            } else if symbol == "*" && x.cols == y.rows {
                hint = "for a matrix product use @"
            }
            throw LangError(.shape, "shape mismatch in \(text(of: e.location)): \(x.shapeDescription) \(symbol) \(y.shapeDescription)",
                            at: e.location, hint: hint)
        }
        try Limits.check(rows: rows, cols: cols, at: e.location)
        return try apply(op, [a, b], at: e.location)
    }

    /// "x.T", or "(a + b).T" for an expression that needs brackets.
    private static func transposed(_ text: String) -> String {
        let simple = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return simple || isBracketed(text) ? "\(text).T" : "(\(text)).T"
    }

    /// "(v + 1)" is one bracketed group as written; "(a) + (b)" is not.
    private static func isBracketed(_ text: String) -> Bool {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return false }
        var depth = 0
        for (i, ch) in text.enumerated() {
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if depth == 0 && i < text.count - 1 { return false }
        }
        return depth == 0
    }

    private func symbolText(_ e: Expr, side: Int) -> String {
        if case .binary(_, let l, let r) = e.kind { return text(of: (side == 0 ? l : r).location) }
        return "a"
    }

    private static func broadcast(_ x: Int, _ y: Int) -> Int? {
        if x == y { return x }
        if x == 1 { return y }
        if y == 1 { return x }
        return nil
    }

    // MARK: - Members

    private mutating func member(_ base: Expr, _ member: String, _ memberLocation: SourceLocation,
                                 at location: SourceLocation) throws -> Node {
        guard let baseName = base.simpleName else {
            throw LangError(.syntax, "'.\(member)' needs a layer or data set name before it", at: memberLocation,
                            hint: ".T transposes any expression")
        }
        if let index = state.layerIndex(named: baseName) {
            return try layerMember(index, member, memberLocation)
        }
        if let set = state.datasets[baseName] {
            guard let t = set[member] else {
                throw LangError(.name, "data set '\(baseName)' has no '\(member)'", at: memberLocation,
                                hint: Suggest.hint(for: member, in: set.keys.sorted()))
            }
            return Graph.named(t, "\(baseName).\(member)")
        }
        if state.tensors[baseName] != nil {
            throw LangError(.name, "a tensor has no member '\(member)'", at: memberLocation,
                            hint: "only .T (transpose) applies to a tensor")
        }
        _ = try lookup(baseName, at: base.location)
        throw LangError(.name, "unknown name '\(baseName)'", at: base.location)
    }

    static let layerMembers = ["W", "b", "z", "a"]

    private func layerMember(_ index: Int, _ member: String, _ at: SourceLocation) throws -> Node {
        let layer = state.network.layers[index]
        let full = "\(layer.name).\(member)"
        switch member {
        case "W": return Graph.named(layer.W, full)
        case "b":
            guard layer.hasBias else {
                throw LangError(.value, "layer '\(layer.name)' has no bias (bias: false)", at: at)
            }
            return Graph.named(layer.b, full)
        case "z", "a":
            guard state.lastInput != nil, let value = member == "z" ? layer.z : layer.a else {
                throw LangError(.value, "\(full) is known after `forward`", at: at, hint: "run forward X first")
            }
            return Graph.named(value, full)
        default:
            throw LangError(.name, "a layer has no member '\(member)'", at: at,
                            hint: Suggest.hint(for: member, in: Self.layerMembers) ?? "members: W, b, z, a")
        }
    }

    // MARK: - Indexing

    /// 0-based inclusive ranges (nil: all) from 1-based subscripts.
    private mutating func indexRanges(_ subs: [Subscript], of x: Tensor, at location: SourceLocation)
        throws -> (ClosedRange<Int>?, ClosedRange<Int>?) {
        if subs.count == 1 {
            // One subscript: element i of a vector, or row i of a matrix (as numpy does).
            if x.rows == 1 && x.cols != 1 {
                return (nil, try range(subs[0], size: x.cols, axis: "column", shape: x))
            }
            return (try range(subs[0], size: x.rows, axis: "row", shape: x), nil)
        }
        return (try range(subs[0], size: x.rows, axis: "row", shape: x),
                try range(subs[1], size: x.cols, axis: "column", shape: x))
    }

    private mutating func range(_ sub: Subscript, size: Int, axis: String, shape: Tensor) throws -> ClosedRange<Int>? {
        switch sub {
        case .all:
            return nil
        case .at(let e):
            let i = try position(e, size: size, axis: axis, shape: shape)
            return (i - 1)...(i - 1)
        case .range(let from, let to):
            let i = try position(from, size: size, axis: axis, shape: shape)
            let k = try position(to, size: size, axis: axis, shape: shape)
            guard i <= k else {
                throw LangError(.value, "the range \(i):\(k) is empty (ranges include both ends and go up)",
                                at: from.location.through(to.location))
            }
            return (i - 1)...(k - 1)
        }
    }

    private mutating func position(_ e: Expr, size: Int, axis: String, shape: Tensor) throws -> Int {
        let i = try integer(e, what: "an index")
        guard i >= 1 && i <= size else {
            let hint = i == 0 ? "indices start at 1" : nil
            throw LangError(.value, "\(axis) \(i) is out of range for a \(shape.shapeDescription) tensor (\(axis)s 1…\(size))",
                            at: e.location, hint: hint)
        }
        return i
    }

    /// A 1×1 whole number (sizes, indices, seeds), within `range` when one is given.
    /// nan, inf, 1e308 and 2^63 are errors that name the argument, the value and the
    /// allowed range (`Int(v)` would trap on them).
    mutating func integer(_ e: Expr, what: String, in range: ClosedRange<Int>? = nil) throws -> Int {
        let t = try value(e)
        guard t.isScalar else {
            throw LangError(.shape, "\(what) must be a number (1×1), not \(t.shapeDescription)", at: e.location)
        }
        do {
            if let range { return try WholeNumber.exact(t.scalar, what, in: range) }
            return try WholeNumber.exact(t.scalar, what)
        } catch let error as NetCoreError {
            throw LangError(error, at: e.location)
        }
    }

    /// A 1×1 number.
    mutating func number(_ e: Expr, what: String) throws -> Double {
        let t = try value(e)
        guard t.isScalar else {
            throw LangError(.shape, "\(what) must be a number (1×1), not \(t.shapeDescription)", at: e.location)
        }
        return t.scalar
    }
}
