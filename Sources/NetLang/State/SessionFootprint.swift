import NetCore

/// What a session holds in memory, by kind: the figure the memory budget starts each
/// statement from (`MemoryBudget`), and the rows of `show memory`.
///
///     SessionFootprint(state).total        // bytes of every live number in the session
///
/// Tensors that share storage (a tensor and the layer whose weights it gave, a data
/// set's member kept as a tensor) are counted once, by the address of their storage.
struct SessionFootprint {
    /// Named tensors and every value of the graphs that computed them.
    var tensors = 0
    /// Weights and biases of the layers.
    var parameters = 0
    /// The numbers of the last forward and backward pass (x, z, a and gradients per layer).
    var passes = 0
    /// Momentum's velocities, Adam's moments.
    var optimizer = 0
    /// Gradients kept by the last backward (`grad(NAME)`).
    var gradients = 0
    var datasets = 0
    /// Loss history and per-epoch losses.
    var history = 0

    var total: Int { tensors + parameters + passes + optimizer + gradients + datasets + history }

    private static let double = MemoryLayout<Double>.stride

    /// Bytes of the values of the graph that computed `root`.
    static func graphBytes(_ root: Node) -> Int {
        var visited = Set<ObjectIdentifier>()
        var stack = [root], total = 0
        while let node = stack.popLast() {
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            total += node.value.count * double
            stack.append(contentsOf: node.inputs)
        }
        return total
    }

    init(_ state: SessionState) {
        var seen = Set<UnsafeRawPointer>()
        func bytes(_ t: Tensor) -> Int {
            t.data.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress, seen.insert(UnsafeRawPointer(base)).inserted else { return 0 }
                return p.count * Self.double
            }
        }
        var visited = Set<ObjectIdentifier>()
        var stack = Array(state.tensors.values)
        while let node = stack.popLast() {
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            tensors += bytes(node.value)
            stack.append(contentsOf: node.inputs)
        }
        // After the tensors, so that weights given as a tensor count as the tensor.
        for layer in state.network.layers { parameters += bytes(layer.W) + bytes(layer.b) }
        passes = state.network.cacheElements * Self.double
            + [state.lastInput, state.network.lastTarget].compactMap { $0 }.reduce(0) { $0 + bytes($1) }
        optimizer = state.optimizer.heldElements * Self.double
        gradients = state.gradients.values.reduce(0) { $0 + bytes($1) }
        datasets = state.datasets.values.reduce(0) { sum, set in set.values.reduce(sum) { $0 + bytes($1) } }
        history = (state.lossHistory.count + state.training.epochHistory.count) * Self.double   // counts: `history` would build the arrays
            + state.training.validation.losses.count * 2 * Self.double   // each with its step
    }
}
