/// What a network holds in memory beyond its parameters, for the session's memory budget.
///
///     net.cacheElements        // x, z, a, dL/da, dL/dz of the last pass and dL/dW, dL/db
///     net.passElements(rows: 60000)   // what a forward pass of 60000 samples allocates
extension Network {
    /// Doubles held by the layers' buffers of the last forward and backward pass.
    public var cacheElements: Int { layers.reduce(0) { $0 + $1.cache.heldElements } }

    /// Doubles a dense layer holds: W and dL/dW (IN×OUT), b and dL/db (1×OUT).
    public static func layerElements(inputs: Int, outputs: Int) -> Int {
        let (w, overflow) = inputs.multipliedReportingOverflow(by: outputs)
        return overflow || w > Int.max / 4 ? Int.max : 2 * w + 2 * outputs
    }

    /// Doubles `backward` keeps as tensors: dL/da, dL/dz (rows×OUT), dL/dW, dL/db per layer.
    public func gradientElements(rows: Int) -> Int {
        layers.reduce(0) { $0 &+ 2 &* rows &* $1.outputs &+ $1.inputs &* $1.outputs &+ $1.outputs }
    }

    /// Samples (rows) of the last pass, 0 before one.
    public var passRows: Int { layers.first?.cache.rows ?? 0 }

    /// Doubles of all parameters (W and b of every layer).
    public var parameterElements: Int { layers.reduce(0) { $0 + $1.W.count + $1.b.count } }

    /// Doubles a pass of `rows` samples allocates in fresh buffers: x, z, a, dL/da and
    /// dL/dz per layer, and the gradients of W and b (overflow-safe: Int.max when huge).
    public func passElements(rows: Int) -> Int {
        var total = 0
        for layer in layers {
            let (perRow, o1) = layer.inputs.addingReportingOverflow(4 * layer.outputs)
            let (n, o2) = max(0, rows).multipliedReportingOverflow(by: perRow)
            let (sum, o3) = total.addingReportingOverflow(n + layer.inputs * layer.outputs + layer.outputs)
            if o1 || o2 || o3 { return Int.max }
            total = sum
        }
        return total
    }
}
