import NetCore

/// `gradcheck`: backprop gradients against central differences, parameter by parameter.
struct GradcheckStatement: Statement {
    var location: SourceLocation
    static let step = 1e-5
    static let tolerance = 1e-6

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let state = context.state
        let layers = state.network.layers
        guard let record = state.lastForward, let t = record.target, record.layers.count == layers.count else {
            throw LangError(.value, "gradcheck needs a forward with a target first", at: location, hint: "run forward X, T")
        }
        let loss = state.network.loss
        let x = record.input
        let grads = try NetworkMath.backward(layers, input: x, records: record.layers, target: t, loss: loss)
        let total = layers.reduce(0) { $0 + $1.weights.count + ($1.biases?.count ?? 0) }
        // Each parameter costs two forward passes of about total × rows multiply-adds.
        let work = Double(total) * Double(total) * Double(max(1, x.rows))
        guard work <= 2e9 else {
            throw LangError(.limit, "gradcheck on \(total) parameters would take too long", at: location,
                            hint: "check a smaller network or batch")
        }
        func lossAt(_ candidate: [LayerState]) throws -> Double {
            let out = try NetworkMath.forward(candidate, x)
            return NetworkMath.loss(loss, y: out.last?.a ?? x, t: t)
        }
        var rows: [[Cell]] = []
        for (l, layer) in layers.enumerated() {
            for member in ["W", "b"] {
                guard let p = member == "W" ? layer.weights : layer.biases,
                      let analytic = member == "W" ? grads[l].dW : grads[l].db else { continue }
                var maxAbs = 0.0, maxRel = 0.0
                for k in p.data.indices {
                    var plus = layers, minus = layers
                    if member == "W" { plus[l].weights.data[k] += Self.step; minus[l].weights.data[k] -= Self.step }
                    else { plus[l].biases?.data[k] += Self.step; minus[l].biases?.data[k] -= Self.step }
                    let numeric = (try lossAt(plus) - lossAt(minus)) / (2 * Self.step)
                    let diff = abs(numeric - analytic.data[k])
                    maxAbs = max(maxAbs, diff)
                    maxRel = max(maxRel, diff / max(1e-12, abs(numeric) + abs(analytic.data[k])))
                }
                let pass = maxRel < Self.tolerance || maxAbs < 1e-9
                rows.append([.text("\(layer.name).\(member)"), .number(maxAbs), .number(maxRel), .text(pass ? "pass" : "FAIL")])
            }
        }
        return [.table(Table(title: "gradcheck (central differences, h = 1e-5)",
                             columns: ["parameter", "max abs error", "max rel error", "result"], rows: rows))]
    }
}
