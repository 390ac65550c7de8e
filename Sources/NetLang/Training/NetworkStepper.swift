import NetCore

/// Training steps of the session's network on NetCore's fast path (`Network.trainStep`:
/// forward, loss, backward and the optimizer update on reused buffers, BLAS products).
///
/// The session keeps its network as `NetworkState` (layers as tensors, optimizer state by
/// parameter name); a stepper converts it once, runs any number of steps, and gives it
/// back with `network`, so each `train` pays the conversion once, not per step.
///
///     var stepper = try NetworkStepper(network: state.network, learningRate: 0.5)
///     let loss = try stepper.step(x, t)      // the batch's loss before the update
///     state.network = stepper.network
struct NetworkStepper {
    private var core: Network
    private var optimizer: Optimizer
    private let original: NetworkState

    init(network: NetworkState, learningRate: Double?) throws {
        original = network
        guard let loss = LossKind(rawValue: network.loss) else {
            throw ValueError("unknown loss '\(network.loss)'")
        }
        core = Network(loss: loss)
        for layer in network.layers {
            try core.append(Dense(name: layer.name, weights: layer.weights, biases: layer.biases,
                                  activation: layer.activation, bias: layer.biases != nil))
        }
        let o = network.optimizer
        let lr = learningRate ?? o.lr
        switch o.kind {
        case .sgd: optimizer = Optimizer(.sgd(lr: lr))
        case .momentum: optimizer = Optimizer(.momentum(lr: lr, beta: o.beta))
        case .adam: optimizer = Optimizer(.adam(lr: lr, beta1: o.beta1, beta2: o.beta2, eps: o.eps))
        }
        for id in core.parameters {
            let name = core.name(of: id)
            guard o.first[name] != nil || o.second[name] != nil || o.steps[name] != nil else { continue }
            try optimizer.setState(.init(steps: o.steps[name] ?? 0, first: o.first[name]?.data,
                                         second: o.second[name]?.data), for: id, in: core)
        }
    }

    /// One step on a batch; `t` must already have the output's shape (class columns one-hot).
    mutating func step(_ x: Tensor, _ t: Tensor) throws -> Double {
        try core.trainStep(x, t, optimizer: &optimizer)
    }

    /// The session's network with the trained parameters and optimizer state.
    var network: NetworkState {
        var out = original
        for id in core.parameters {
            let name = core.name(of: id)
            let value = core.value(of: id)
            if id.kind == .weights { out.layers[id.layer].weights = value } else { out.layers[id.layer].biases = value }
            guard let state = optimizer.state(of: id) else { continue }
            let tensor = { (data: [Double]?) in data.map { Tensor(rows: value.rows, cols: value.cols, data: $0) } }
            switch out.optimizer.kind {
            case .sgd:
                break
            case .momentum:
                out.optimizer.first[name] = tensor(state.first)
            case .adam:
                out.optimizer.first[name] = tensor(state.first)
                out.optimizer.second[name] = tensor(state.second)
                out.optimizer.steps[name] = state.steps
            }
        }
        return out
    }
}
