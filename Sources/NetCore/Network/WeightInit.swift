/// How a dense layer's IN×OUT weights are drawn (biases always start at zero).
///
/// - `xavier` (default): Glorot uniform, U[−√(6/(IN+OUT)), √(6/(IN+OUT))), PyTorch's xavier_uniform_.
/// - `he`: Kaiming normal, N(0, 2/IN), PyTorch's kaiming_normal_ (fan_in, ReLU gain).
/// - `uniform`: U[0, 1), like R's `runif` in the lessons.
/// - `normal`: N(0, 1).
/// - `zeros`.
/// Numbers are drawn row by row from the session's `SeededGenerator`.
///
///     var g = SeededGenerator(seed: 1)
///     let w = WeightInit.he.weights(inputs: 784, outputs: 128, using: &g)
public enum WeightInit: String, CaseIterable, Sendable {
    case xavier, he, uniform, normal, zeros

    public func weights(inputs: Int, outputs: Int, using g: inout SeededGenerator) -> Tensor {
        var w = Tensor(rows: inputs, cols: outputs)
        switch self {
        case .xavier:
            let limit = (6.0 / Double(Swift.max(inputs + outputs, 1))).squareRoot()
            for k in w.data.indices { w.data[k] = g.nextUniform(-limit, limit) }
        case .he:
            let std = (2.0 / Double(Swift.max(inputs, 1))).squareRoot()
            for k in w.data.indices { w.data[k] = std * g.nextNormal() }
        case .uniform:
            for k in w.data.indices { w.data[k] = g.nextUniform() }
        case .normal:
            for k in w.data.indices { w.data[k] = g.nextNormal() }
        case .zeros:
            break
        }
        return w
    }
}
