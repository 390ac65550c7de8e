/// Putting back the numbers of a pass (for `restore` of a saved session): the cached
/// forward pass (x, z, a per layer, the target and loss) and optionally the backward pass,
/// so `backward`, `step` and `explain` continue exactly where the saved session stopped.
///
///     try net.restorePass(layers: [.init(x: x, z: z1, a: a1), .init(x: a1, z: z2, a: a2)], target: t, loss: 0.02)
extension Network {
    /// One layer's numbers of a pass; the gradients are nil when there was no backward.
    public struct LayerPass: Sendable, Equatable {
        public var x: Tensor, z: Tensor, a: Tensor
        public var dA: Tensor?, dZ: Tensor?, dW: Tensor?, dB: Tensor?
        public init(x: Tensor, z: Tensor, a: Tensor, dA: Tensor? = nil, dZ: Tensor? = nil, dW: Tensor? = nil, dB: Tensor? = nil) {
            self.x = x; self.z = z; self.a = a; self.dA = dA; self.dZ = dZ; self.dW = dW; self.dB = dB
        }
    }

    /// Writes a pass into the layers' caches after checking every shape; a backward pass
    /// is restored only when every layer has all four gradients.
    public mutating func restorePass(layers passes: [LayerPass], target: Tensor?, loss: Double?) throws {
        guard passes.count == layers.count, let rows = passes.first?.x.rows, rows >= 1 else {
            throw ShapeError("a saved pass has \(passes.count) layers, the network \(layers.count)")
        }
        // A layer without bias has no dL/db (Dense.dB is nil there), so it is not required.
        let withBackward = zip(layers, passes).allSatisfy { layer, p in
            p.dA != nil && p.dZ != nil && p.dW != nil && (p.dB != nil || !layer.hasBias)
        }
        for (layer, p) in zip(layers, passes) {
            func check(_ t: Tensor?, _ r: Int, _ c: Int, _ what: String) throws {
                guard let t else { return }
                guard t.rows == r && t.cols == c else {
                    throw ShapeError("saved \(what) of layer '\(layer.name)' is \(t.shapeDescription), expected \(r)×\(c)")
                }
            }
            try check(p.x, rows, layer.inputs, "x"); try check(p.z, rows, layer.outputs, "z"); try check(p.a, rows, layer.outputs, "a")
            try check(p.dA, rows, layer.outputs, "dL/da"); try check(p.dZ, rows, layer.outputs, "dL/dz")
            try check(p.dW, layer.inputs, layer.outputs, "dL/dW"); try check(p.dB, 1, layer.outputs, "dL/db")
        }
        if let target, let out = layers.last, target.rows != rows || target.cols != out.outputs {
            throw ShapeError("the saved target is \(target.shapeDescription), expected \(rows)×\(out.outputs)")
        }
        for (i, p) in passes.enumerated() {
            let c = layers[i].uniqueCache()
            c.prepare(rows: rows)
            c.x.update(from: p.x.data, count: p.x.count)
            c.z.update(from: p.z.data, count: p.z.count)
            c.a.update(from: p.a.data, count: p.a.count)
            c.hasForward = true
            c.hasBackward = false
            if withBackward, let dA = p.dA, let dZ = p.dZ, let dW = p.dW {
                c.dA.update(from: dA.data, count: dA.count)
                c.dZ.update(from: dZ.data, count: dZ.count)
                c.dW.update(from: dW.data, count: dW.count)
                if let dB = p.dB { c.dB.update(from: dB.data, count: dB.count) } else { c.dB.update(repeating: 0, count: c.outputs) }
                c.hasBackward = true
            }
        }
        lastTarget = target
        lastLoss = loss
    }
}
