/// The per-layer numbers of the last forward and backward pass, in buffers that are
/// reused from step to step (training allocates nothing once the batch size is known).
/// Shared between copies of a `Network` until one of them writes (copy on write).
final class LayerCache {
    let inputs: Int
    let outputs: Int
    /// Rows (samples) of the last pass.
    private(set) var rows = 0
    private(set) var capacity = 0
    /// rows×IN input, rows×OUT z, a, dL/da, dL/dz.
    private(set) var x: UnsafeMutablePointer<Double>
    private(set) var z: UnsafeMutablePointer<Double>
    private(set) var a: UnsafeMutablePointer<Double>
    private(set) var dA: UnsafeMutablePointer<Double>
    private(set) var dZ: UnsafeMutablePointer<Double>
    /// IN×OUT and 1×OUT gradients.
    let dW: UnsafeMutablePointer<Double>
    let dB: UnsafeMutablePointer<Double>
    var hasForward = false
    var hasBackward = false

    init(inputs: Int, outputs: Int) {
        self.inputs = inputs; self.outputs = outputs
        x = .allocate(capacity: 0); z = .allocate(capacity: 0); a = .allocate(capacity: 0)
        dA = .allocate(capacity: 0); dZ = .allocate(capacity: 0)
        dW = .allocate(capacity: inputs * outputs); dW.initialize(repeating: 0, count: inputs * outputs)
        dB = .allocate(capacity: outputs); dB.initialize(repeating: 0, count: outputs)
    }

    deinit {
        for p in [x, z, a, dA, dZ, dW, dB] { p.deallocate() }
    }

    /// Makes room for `rows` samples; reallocates only when the batch grows.
    func prepare(rows: Int) {
        self.rows = rows
        guard rows > capacity else { return }
        for p in [x, z, a, dA, dZ] { p.deallocate() }
        capacity = rows
        x = .allocate(capacity: rows * inputs); x.initialize(repeating: 0, count: rows * inputs)
        func make() -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: rows * outputs)
            p.initialize(repeating: 0, count: rows * outputs)
            return p
        }
        z = make(); a = make(); dA = make(); dZ = make()
    }

    /// Doubles held in the buffers (for the session's memory budget).
    var heldElements: Int { capacity * (inputs + 4 * outputs) + inputs * outputs + outputs }

    func copy() -> LayerCache {
        let c = LayerCache(inputs: inputs, outputs: outputs)
        c.prepare(rows: rows)
        c.x.update(from: x, count: rows * inputs)
        for (to, from) in [(c.z, z), (c.a, a), (c.dA, dA), (c.dZ, dZ)] { to.update(from: from, count: rows * outputs) }
        c.dW.update(from: dW, count: inputs * outputs)
        c.dB.update(from: dB, count: outputs)
        c.hasForward = hasForward; c.hasBackward = hasBackward
        return c
    }

    func tensor(_ p: UnsafeMutablePointer<Double>, rows: Int, cols: Int) -> Tensor {
        Tensor(rows: rows, cols: cols, data: Array(UnsafeBufferPointer(start: p, count: rows * cols)))
    }
}
