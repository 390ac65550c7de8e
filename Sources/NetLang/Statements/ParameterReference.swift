import NetCore

/// One weight or bias of the network as `explain` and `show network PARAM` name it:
/// `output.W[1, 1]` (row i = the input unit, column j = the unit it feeds) or `hidden.b[1, 2]`.
///
///     let p = try ParameterReference(output.W[1, 1], in: context)   // layer 1, .weights, row 0, col 0
struct ParameterReference {
    var layer: Int
    var layerName: String
    var kind: ParameterKind
    /// 0-based.
    var row: Int
    var col: Int

    /// Refuses anything but `LAYER.W[i, j]` / `LAYER.b[i, j]` of an existing layer, with the
    /// statement's name (`what`) in the message. Indices are checked against the layer's
    /// shape only when `checkRange` is set (explain leaves that to the chain rule's message).
    init(_ target: Expr, for what: String, in context: ExecutionContext, checkRange: Bool = true) throws {
        let state = context.state
        guard case .index(let base, let subs) = target.kind, let (name, member) = base.dottedName,
              member == "W" || member == "b" else {
            throw LangError(.syntax, "\(what) needs one weight or bias, like output.W[1, 1] or hidden.b[1, 2]", at: target.location)
        }
        guard let l = state.layerIndex(named: name) else {
            throw LangError(.name, "unknown layer '\(name)'", at: base.location, hint: Suggest.hint(for: name, in: state.layerNames))
        }
        guard subs.count == 2, case .at(let iExpr) = subs[0], case .at(let jExpr) = subs[1] else {
            throw LangError(.syntax, "\(what) needs both indices, like \(name).\(member)[1, 1]", at: target.location)
        }
        var evaluator = Evaluator(context: context)
        let i = try evaluator.integer(iExpr, what: "the row", in: 1...WholeNumber.exactLimit)
        let j = try evaluator.integer(jExpr, what: "the column", in: 1...WholeNumber.exactLimit)
        let layer = state.layers[l]
        let rows = member == "W" ? layer.inputs : 1
        if checkRange && (i > rows || j > layer.outputs) {
            throw LangError(.value, "\(name).\(member) is \(rows)×\(layer.outputs): there is no [\(i), \(j)]", at: target.location,
                            hint: "indices start at 1")
        }
        self.layer = l; self.layerName = name; self.kind = member == "W" ? .weights : .biases
        self.row = i - 1; self.col = j - 1
    }

    /// As written: "hidden.W[1, 1]".
    var text: String { "\(layerName).\(kind.rawValue)[\(row + 1), \(col + 1)]" }
}
