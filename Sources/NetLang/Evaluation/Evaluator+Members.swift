import NetCore

/// Members of layers and data sets (hidden.W, xor.x), 1-based indexing, and the
/// checked whole numbers and numbers that statements and functions take as arguments.
extension Evaluator {
    // MARK: - Members

    mutating func member(_ base: Expr, _ member: String, _ memberLocation: SourceLocation,
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
    mutating func indexRanges(_ subs: [Subscript], of x: Tensor, at location: SourceLocation)
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
