import NetCore

/// The built-in functions: name → how to evaluate a call. Differentiable ones become
/// graph operations; constructors and counting functions give constants.
///
///     sigmoid(x)   sum(a, rows)   onehot([2, 1], 3)   mse(y, t)   grad(hidden.W)
enum FunctionTable {
    // The names come from NetCore's operation tables; this file says how each group is called.
    static let elementwise = Activation.allCases.map(\.name) + OperationTable.names(of: .function(.elementwise))
    static let reductions = OperationTable.names(of: .function(.reduction))
    static let losses = OperationTable.names(of: .loss)

    static let names: [String] = OperationTable.functionNames

    static func call(_ name: String, _ args: [Argument], at location: SourceLocation,
                     evaluator: inout Evaluator) throws -> Node {
        if let label = args.first(where: { $0.label != nil }), let labelText = label.label {
            throw LangError(.syntax, "\(name)() takes no option '\(labelText):'", at: label.labelLocation ?? location)
        }
        if elementwise.contains(name) {
            try arity(name, args, at: location)
            let x = try evaluator.evaluate(args[0].value)
            let op: NodeOp = Activation(rawValue: name).map { .activation($0) } ?? .math(MathFunction(rawValue: name) ?? .abs)
            return try evaluator.apply(op, [x], at: location)
        }
        if reductions.contains(name) { return try reduce(name, args, at: location, evaluator: &evaluator) }
        if losses.contains(name) {
            try arity(name, args, at: location)
            let y = try evaluator.evaluate(args[0].value)
            let t = try evaluator.evaluate(args[1].value)
            return try evaluator.apply(.loss(LossKind(rawValue: name) ?? .mse), [y, t], at: location)
        }
        switch name {
        case "zeros", "ones", "rand", "randn":
            try arity(name, args, at: location)
            let r = try evaluator.integer(args[0].value, what: "the number of rows", in: 1...WholeNumber.exactLimit)
            let c = try evaluator.integer(args[1].value, what: "the number of columns", in: 1...WholeNumber.exactLimit)
            try Limits.check(rows: r, cols: c, at: location)
            try Limits.reserve(rows: r, cols: c, for: evaluator.text(of: location), in: evaluator.memory, at: location)
            switch name {
            case "zeros": return Graph.constant(Tensor.zeros(r, c))
            case "ones": return Graph.constant(Tensor.ones(r, c))
            case "rand": return Graph.constant(try evaluator.state.random.uniform(rows: r, cols: c))
            default: return Graph.constant(try evaluator.state.random.normal(rows: r, cols: c))
            }
        case "eye":
            try arity(name, args, at: location)
            let n = try evaluator.integer(args[0].value, what: "the size", in: 1...WholeNumber.exactLimit)
            try Limits.check(rows: n, cols: n, at: location)
            try Limits.reserve(rows: n, cols: n, for: evaluator.text(of: location), in: evaluator.memory, at: location)
            return Graph.constant(Tensor.eye(n))
        case "linspace":
            try arity(name, args, at: location)
            let a = try evaluator.number(args[0].value, what: "the start")
            let b = try evaluator.number(args[1].value, what: "the end")
            let n = try evaluator.integer(args[2].value, what: "the count", in: 1...WholeNumber.exactLimit)
            try Limits.check(rows: n, cols: 1, at: location)
            try Limits.reserve(rows: n, cols: 1, for: evaluator.text(of: location), in: evaluator.memory, at: location)
            return Graph.constant(Tensor.linspace(a, b, n))
        case "onehot":
            try arity(name, args, at: location)
            let labels = try evaluator.value(args[0].value)
            let classes = try evaluator.integer(args[1].value, what: "the number of classes", in: 1...WholeNumber.exactLimit)
            guard labels.rows == 1 || labels.cols == 1 else {
                throw LangError(.shape, "labels must be a row or a column, not \(labels.shapeDescription)", at: args[0].value.location)
            }
            try Limits.reserve(rows: labels.count, cols: classes, for: evaluator.text(of: location), in: evaluator.memory, at: location)
            do {
                return Graph.constant(try Tensor.onehot(labels, classes: classes))
            } catch let error as NetCoreError {
                throw LangError(error, at: args[0].value.location, hint: "labels are 1-based")
            }
        case "argmax":
            try arity(name, args, at: location)
            let a = try evaluator.evaluate(args[0].value)
            return try evaluator.apply(.argmax, [a], at: location)
        case "accuracy":
            try arity(name, args, at: location)
            let y = try evaluator.evaluate(args[0].value)
            let t = try evaluator.evaluate(args[1].value)
            return try evaluator.apply(.accuracy, [y, t], at: location)
        case "reshape":
            // Row-major, as numpy: reshape(digit_row, 8, 8) shows a 1×64 image as 8×8.
            try arity(name, args, at: location)
            let a = try evaluator.value(args[0].value)
            let r = try evaluator.integer(args[1].value, what: "the number of rows", in: 1...WholeNumber.exactLimit)
            let c = try evaluator.integer(args[2].value, what: "the number of columns", in: 1...WholeNumber.exactLimit)
            guard r >= 1, c >= 1, r.multipliedReportingOverflow(by: c) == (a.count, false) else {
                throw LangError(.shape, "reshape cannot make \(r)×\(c) from \(a.shapeDescription) (\(a.count) values)", at: location)
            }
            return Graph.constant(Tensor(rows: r, cols: c, data: a.data))
        case "find":
            // 1-based positions (row-major) of the nonzero values, as a column: find(pred != t).
            try arity(name, args, at: location)
            let a = try evaluator.value(args[0].value)
            let positions = a.data.indices.filter { a.data[$0] != 0 }.map { Double($0 + 1) }
            return Graph.constant(Tensor(rows: positions.count, cols: positions.isEmpty ? 0 : 1, data: positions))
        case "grad":
            try arity(name, args, at: location)
            return Graph.constant(try gradient(args[0].value, evaluator: evaluator))
        default:
            let hint = Suggest.hint(for: name, in: names)
            if evaluator.state.tensors[name] != nil {
                throw LangError(.name, "'\(name)' is a tensor, not a function", at: location,
                                hint: "index it with \(name)[i, j]")
            }
            throw LangError(.name, "unknown function '\(name)'", at: location, hint: hint)
        }
    }

    /// The count of positional arguments the table gives for `name`, or "write NAME(ARGS)".
    private static func arity(_ name: String, _ args: [Argument], at location: SourceLocation) throws {
        let parameters = OperationTable.callable(name)?.arguments.map(\.name) ?? []
        let n = parameters.count
        guard args.count == n else {
            throw LangError(.syntax, "\(name) takes \(n) argument\(n == 1 ? "" : "s"), got \(args.count)",
                            at: location, hint: "write \(name)(\(parameters.joined(separator: ", ")))")
        }
    }

    private static func reduce(_ name: String, _ args: [Argument], at location: SourceLocation,
                               evaluator: inout Evaluator) throws -> Node {
        guard args.count == 1 || args.count == 2 else {
            throw LangError(.syntax, "\(name) takes a tensor and optionally rows or cols", at: location,
                            hint: "write \(name)(a), \(name)(a, rows) or \(name)(a, cols)")
        }
        var axis = ReductionAxis.all
        if args.count == 2 {
            let word: String?
            switch args[1].value.kind {
            case .name(let n): word = n
            case .string(let s): word = s
            default: word = nil
            }
            switch word {
            case "rows": axis = .rows
            case "cols", "columns": axis = .cols
            default:
                throw LangError(.syntax, "the second argument of \(name) is rows or cols", at: args[1].value.location,
                                hint: "\(name)(a, rows) gives one value per row, \(name)(a, cols) one per column")
            }
        }
        let x = try evaluator.evaluate(args[0].value)
        if x.value.count == 0 && (name == "max" || name == "min") {
            throw LangError(.value, "\(name) of an empty tensor", at: location)
        }
        return try evaluator.apply(.reduce(ReductionKind(rawValue: name) ?? .sum, axis), [x], at: location)
    }

    /// `grad(x)`, `grad(hidden.W)`: from the last backward.
    private static func gradient(_ e: Expr, evaluator: Evaluator) throws -> Tensor {
        let key: String
        if let n = e.simpleName { key = n }
        else if let d = e.dottedName { key = "\(d.base).\(d.member)" }
        else {
            throw LangError(.syntax, "grad takes a name, like grad(x) or grad(hidden.W)", at: e.location)
        }
        if let g = evaluator.state.gradients[key] { return g }
        guard let root = evaluator.state.gradientRoot else {
            throw LangError(.value, "no gradients yet", at: e.location, hint: "run backward (or backward NAME) first")
        }
        let known = evaluator.state.gradients.keys.sorted()
        throw LangError(.name, "the last backward (of \(root)) gave no gradient for '\(key)'", at: e.location,
                        hint: Suggest.hint(for: key, in: known) ?? (known.isEmpty ? nil : "gradients: " + known.joined(separator: ", ")))
    }
}

