import NetCore

/// One training step of the session's network on a batch: forward, loss, backward and an
/// optimizer update, through the same math as `forward`, `backward` and `step`.
///
///     var stepper = try NetworkStepper(network: state.network, learningRate: 0.5)
///     let loss = try stepper.step(x, t)      // the batch's loss before the update
struct NetworkStepper {
    private(set) var network: NetworkState
    let learningRate: Double?

    init(network: NetworkState, learningRate: Double?) throws {
        self.network = network
        self.learningRate = learningRate
    }

    /// `t` must already have the output's shape.
    mutating func step(_ x: Tensor, _ t: Tensor) throws -> Double {
        let layers = network.layers
        let records = try NetworkMath.forward(layers, x)
        let y = records.last?.a ?? x
        let loss = NetworkMath.loss(network.loss, y: y, t: t)
        let grads = try NetworkMath.backward(layers, input: x, records: records, target: t, loss: network.loss)
        for (l, g) in zip(layers.indices, grads) {
            let name = layers[l].name
            network.layers[l].weights = network.optimizer.update(name + ".W", layers[l].weights, g.dW, lr: learningRate)
            if let b = layers[l].biases, let db = g.db {
                network.layers[l].biases = network.optimizer.update(name + ".b", b, db, lr: learningRate)
            }
        }
        return loss
    }
}
