import NetCore

/// `gradcheck`: backprop gradients against central differences, parameter by parameter,
/// on the input and target of the last `forward X, T` (NetCore's `Network.gradcheck`).
struct GradcheckStatement: Statement {
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let state = context.state
        guard let x = state.lastInput, let t = state.network.lastTarget, state.hasForwardWithTarget else {
            throw LangError(.value, "gradcheck needs a forward with a target first", at: location, hint: "run forward X, T")
        }
        // Each parameter element costs two forward passes of about (parameters × rows) multiply-adds.
        let total = Double(state.layers.reduce(0) { $0 + NetworkViews.parameterCount($1) })
        guard total * total * Double(x.rows) <= 2e9 else {
            throw LangError(.limit, "gradcheck on \(Int(total)) parameters and \(x.rows) samples would take too long",
                            at: location, hint: "check a smaller network or batch")
        }
        // A copy of the network and the passes of each perturbed parameter.
        try Limits.reserve(elements: state.network.parameterElements &+ 2 &* state.network.passElements(rows: x.rows),
                           for: "gradcheck", in: context.memory, at: location)
        let results: [GradcheckResult]
        do { results = try state.network.gradcheck(x, t) } catch let error as NetCoreError { throw LangError(error, at: location) }
        let rows: [[Cell]] = results.map {
            [.text($0.name), .number($0.maxAbsError), .number($0.relativeError), .text($0.passed ? "pass" : "FAIL")]
        }
        return [.table(Table(title: "gradcheck (central differences, ε = 1e-6)",
                             columns: ["parameter", "max abs error", "relative error", "result"], rows: rows,
                             footer: ["pass: relative error below 1e-6 (or both gradients below 1e-9)"]))]
    }
}
