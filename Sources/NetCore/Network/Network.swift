/// Which parameter of which layer: `hidden.W` is `ParameterID(layer: 0, kind: .weights)`.
public struct ParameterID: Hashable, Sendable {
    public var layer: Int
    public var kind: ParameterKind
    public init(layer: Int, kind: ParameterKind) { self.layer = layer; self.kind = kind }
}

/// A layer's weights (W) or biases (b).
public enum ParameterKind: String, Sendable, CaseIterable {
    case weights = "W", biases = "b"
}

/// Dense layers applied in order, with a loss: forward, backward, and a fast training step.
///
/// A value type: copying a network (to undo a failed statement) copies its parameters and
/// the numbers of its last pass lazily, on the first write.
///
///     var net = Network(loss: .halfSSE)
///     try net.append(Dense(name: "hidden", weights: Tensor([[0.30, 0.40], [0.25, 0.35]]), activation: .sigmoid, bias: false))
///     try net.append(Dense(name: "output", weights: Tensor([[0.45, 0.70], [0.40, 0.60]]), activation: .sigmoid, bias: false))
///     let loss = try net.forward(Tensor([[0.1, 0.2]]), target: Tensor([[0.4, 0.6]]))   // 0.0239719…
///     try net.backward()
///     net.layers[1].dW                                                                 // dL/dW of the output layer
///     var sgd = Optimizer(.sgd(lr: 0.5))
///     let updates = try sgd.step(&net)                                                 // before / gradient / after
public struct Network {
    public internal(set) var layers: [Dense] = []
    public var loss: LossKind
    /// The target of the last `forward(_:target:)` in the output's shape, and its loss.
    public internal(set) var lastTarget: Tensor?
    public internal(set) var lastLoss: Double?

    public init(loss: LossKind = .mse) { self.loss = loss }

    /// Appends a layer; its IN must equal the previous layer's OUT.
    public mutating func append(_ layer: Dense) throws {
        guard layer.inputs >= 1, layer.outputs >= 1 else {
            throw ValueError("layer '\(layer.name)' must have at least 1 input and 1 output, got \(layer.inputs) -> \(layer.outputs)")
        }
        if let previous = layers.last, previous.outputs != layer.inputs {
            throw ShapeError("layer '\(layer.name)' takes \(layer.inputs) input\(layer.inputs == 1 ? "" : "s") but the previous layer '\(previous.name)' gives \(previous.outputs) (IN must equal the previous OUT)")
        }
        if layers.contains(where: { $0.name == layer.name }) {
            throw ValueError("there is already a layer named '\(layer.name)'")
        }
        layers.append(layer)
        lastTarget = nil; lastLoss = nil
    }

    /// Removes every layer.
    public mutating func removeAll() { layers.removeAll(); lastTarget = nil; lastLoss = nil }

    /// The index of the layer with this name.
    public func index(of name: String) -> Int? { layers.firstIndex { $0.name == name } }

    public mutating func setWeights(layer: Int, _ w: Tensor) throws {
        try checkLayer(layer); try layers[layer].setWeights(w)
    }
    public mutating func setBiases(layer: Int, _ b: Tensor) throws {
        try checkLayer(layer); try layers[layer].setBiases(b)
    }

    func checkLayer(_ i: Int) throws {
        guard layers.indices.contains(i) else {
            throw ValueError("there is no layer \(i + 1) (the network has \(layers.count))")
        }
    }

    /// Every parameter in order: each layer's W, then its b if it has one.
    public var parameters: [ParameterID] {
        layers.indices.flatMap { i in
            layers[i].hasBias ? [ParameterID(layer: i, kind: .weights), ParameterID(layer: i, kind: .biases)]
                              : [ParameterID(layer: i, kind: .weights)]
        }
    }

    /// "hidden.W".
    public func name(of id: ParameterID) -> String { "\(layers[id.layer].name).\(id.kind.rawValue)" }

    public func value(of id: ParameterID) -> Tensor {
        id.kind == .weights ? layers[id.layer].W : layers[id.layer].b
    }

    /// dL/d(parameter) of the last backward pass; nil before one.
    public func gradient(of id: ParameterID) -> Tensor? {
        id.kind == .weights ? layers[id.layer].dW : layers[id.layer].dB
    }

    /// The output's width, or nil without layers.
    public var outputs: Int? { layers.last?.outputs }

    // MARK: - Checks

    func checkInput(_ x: Tensor) throws {
        guard let first = layers.first else { throw ValueError("the network has no layers yet") }
        guard x.cols == first.inputs else {
            throw ShapeError("shape mismatch in forward: x is \(x.shapeDescription) but layer '\(first.name)' takes \(first.inputs) input\(first.inputs == 1 ? "" : "s") per row")
        }
        guard x.rows >= 1 else { throw ValueError("forward needs at least one sample (row) in x") }
    }

    /// The target in the output's shape: checked, and for cross_entropy a column of
    /// 1-based classes made one-hot. Preparing once keeps `trainStep` free of allocation.
    public func preparedTarget(_ t: Tensor, rows: Int) throws -> Tensor {
        guard let out = layers.last else { throw ValueError("the network has no layers yet") }
        return try loss.target(t, for: Tensor(rows: rows, cols: out.outputs))
    }

    // MARK: - Passes

    /// Runs the network on x (rows = samples), keeping x, z and a of every layer.
    @discardableResult
    public mutating func forward(_ x: Tensor) throws -> Tensor {
        try checkInput(x)
        try x.data.withUnsafeBufferPointer { try runForward($0, rows: x.rows) }
        lastTarget = nil; lastLoss = nil
        return layers[layers.count - 1].a ?? Tensor(rows: 0, cols: 0)
    }

    /// Runs the network on x and returns the loss against t (remembered for `backward()`).
    @discardableResult
    public mutating func forward(_ x: Tensor, target t: Tensor) throws -> Double {
        try checkInput(x)
        let target = try preparedTarget(t, rows: x.rows)
        try x.data.withUnsafeBufferPointer { try runForward($0, rows: x.rows) }
        let value = outputLoss(target)
        lastTarget = target; lastLoss = value
        return value
    }

    /// Backpropagates the loss of the last `forward(_:target:)`, replacing every layer's
    /// dL/da, dL/dz, dL/dW and dL/db.
    public mutating func backward() throws {
        guard let target = lastTarget, let last = layers.last, last.cache.hasForward,
              last.cache.rows == target.rows else {
            throw ValueError("backward needs a forward pass with a target first (forward x, t)")
        }
        try target.data.withUnsafeBufferPointer { try runBackward(target: $0) }
    }

    /// One training step — forward, loss, backward, optimizer update — on reused buffers.
    /// Returns the loss before the update. Give t as `preparedTarget` returns it to avoid
    /// any allocation (cross_entropy with class columns otherwise converts each call).
    @discardableResult
    public mutating func trainStep(_ x: Tensor, _ t: Tensor, optimizer: inout Optimizer) throws -> Double {
        try checkInput(x)
        let target: Tensor
        if let out = layers.last, t.rows == x.rows && t.cols == out.outputs {
            target = t
        } else {
            target = try preparedTarget(t, rows: x.rows)
        }
        // An interrupt inside a large product throws before the update: the parameters
        // stay those of the previous step, and the half-done pass is forgotten.
        let value: Double
        do {
            try x.data.withUnsafeBufferPointer { try runForward($0, rows: x.rows) }
            value = try target.data.withUnsafeBufferPointer { t -> Double in
                try runBackward(target: t)
                return outputLoss(t)
            }
        } catch {
            for i in layers.indices { layers[i].clearPass() }
            lastTarget = nil; lastLoss = nil
            throw error
        }
        lastTarget = target; lastLoss = value
        optimizer.update(&self, learningRate: nil, report: false)
        return value
    }

    /// The output for x without touching the network's cached pass (for plots and checks).
    public func predict(_ x: Tensor) throws -> Tensor {
        try checkInput(x)
        var a = x
        for layer in layers {
            var z = try Tensor.product(a, layer.W)
            if layer.hasBias { z = try z + layer.b }
            a = layer.activation.apply(z)
        }
        return a
    }

    // MARK: - Raw passes on the layers' buffers

    func outputLoss(_ target: Tensor) -> Double {
        target.data.withUnsafeBufferPointer { outputLoss($0) }
    }

    func outputLoss(_ t: UnsafeBufferPointer<Double>) -> Double {
        let c = layers[layers.count - 1].cache
        return loss.valueUnchecked(UnsafeBufferPointer(start: c.a, count: c.rows * c.outputs), t, rows: c.rows)
    }

    mutating func runForward(_ x: UnsafeBufferPointer<Double>, rows: Int) throws {
        guard var input = UnsafePointer(x.baseAddress) else { return }
        for i in layers.indices {
            let c = layers[i].cacheForForward(rows: rows)
            let (nIn, nOut) = (c.inputs, c.outputs)
            c.x.update(from: input, count: rows * nIn)
            try layers[i].W.data.withUnsafeBufferPointer { w in
                try MatrixProduct.multiplyInterruptibly(m: rows, n: nOut, k: nIn, a: c.x, b: w.baseAddress!, c: c.z)
            }
            if layers[i].hasBias {
                layers[i].b.data.withUnsafeBufferPointer { b in
                    for r in 0..<rows {
                        let zr = c.z + r * nOut
                        for j in 0..<nOut { zr[j] += b[j] }
                    }
                }
            }
            layers[i].activation.apply(rows: rows, cols: nOut, from: c.z, into: c.a)
            c.hasForward = true
            c.hasBackward = false
            input = UnsafePointer(c.a)
        }
    }

    mutating func runBackward(target t: UnsafeBufferPointer<Double>) throws {
        let lastIndex = layers.count - 1
        let rows = layers[lastIndex].cache.rows
        // Scoped so that `last` is released before the loop below asks for the same cache
        // again: a second reference would make uniqueCache() copy it on every step.
        do {
            let last = layers[lastIndex].uniqueCache()
            let n = rows * last.outputs
            let a = UnsafeBufferPointer(start: last.a, count: n)
            loss.gradientUnchecked(a, t, rows: rows, into: UnsafeMutableBufferPointer(start: last.dA, count: n))
            if loss == .crossEntropy && layers[lastIndex].activation == .softmax {
                // Softmax-with-Loss: dL/dz = (y − t)/N, stable even where y underflows.
                let scale = 1 / Double(rows)
                for k in 0..<n { last.dZ[k] = (a[k] - t[k]) * scale }
            } else {
                layers[lastIndex].activation.backwardInPlace(
                    rows: rows, cols: last.outputs, z: UnsafeBufferPointer(start: last.z, count: n), a: a,
                    gradA: UnsafeBufferPointer(start: last.dA, count: n), into: UnsafeMutableBufferPointer(start: last.dZ, count: n))
            }
        }
        for i in stride(from: lastIndex, through: 0, by: -1) {
            let c = layers[i].uniqueCache()
            let (nIn, nOut) = (c.inputs, c.outputs)
            try MatrixProduct.multiplyInterruptibly(m: nIn, n: nOut, k: rows, a: c.x, transposeA: true, b: c.dZ, c: c.dW)
            c.dB.update(repeating: 0, count: nOut)
            if layers[i].hasBias {
                for r in 0..<rows {
                    let dz = c.dZ + r * nOut
                    for j in 0..<nOut { c.dB[j] += dz[j] }
                }
            }
            c.hasBackward = true
            if i > 0 {
                let p = layers[i - 1].uniqueCache()
                try layers[i].W.data.withUnsafeBufferPointer { w in
                    try MatrixProduct.multiplyInterruptibly(m: rows, n: nIn, k: nOut, a: c.dZ, b: w.baseAddress!, transposeB: true, c: p.dA)
                }
                let m = rows * nIn
                layers[i - 1].activation.backwardInPlace(
                    rows: rows, cols: nIn, z: UnsafeBufferPointer(start: p.z, count: m), a: UnsafeBufferPointer(start: p.a, count: m),
                    gradA: UnsafeBufferPointer(start: p.dA, count: m), into: UnsafeMutableBufferPointer(start: p.dZ, count: m))
            }
        }
    }
}

