/// A dense layer: z = x @ W + b, a = f(z), with W stored IN×OUT and b 1×OUT.
///
/// After a forward pass it holds that pass's x, z and a per sample; after a backward pass
/// dL/da, dL/dz, dL/dW and dL/db (replaced by each pass, never accumulated).
///
///     var g = SeededGenerator(seed: 0)
///     let hidden = try Dense(name: "hidden", weights: Tensor([[0.30, 0.40], [0.25, 0.35]]),
///                            activation: .sigmoid, bias: false)
///     let out = Dense(name: "output", inputs: 2, outputs: 2, activation: .softmax, using: &g)
public struct Dense {
    public var name: String
    public let inputs: Int
    public let outputs: Int
    public var activation: Activation
    /// Without bias, `b` stays zero and is neither shown as a parameter nor updated.
    public let hasBias: Bool
    /// IN×OUT weights.
    public internal(set) var W: Tensor
    /// 1×OUT biases.
    public internal(set) var b: Tensor
    var cache: LayerCache

    /// A layer with weights drawn by `initializer` and zero biases. Sizes must be at least 1
    /// and IN·OUT within `limit` elements.
    public init(name: String, inputs: Int, outputs: Int, activation: Activation, bias: Bool = true,
                initializer: WeightInit = .xavier, using g: inout SeededGenerator,
                limit: Int = Tensor.defaultElementLimit) throws {
        guard inputs >= 1, outputs >= 1 else {
            throw ValueError("layer '\(name)' must have at least 1 input and 1 output, got \(inputs) -> \(outputs)")
        }
        try Tensor.checkSize(rows: inputs, cols: outputs, limit: limit, what: "the weights of layer '\(name)'")
        self.name = name; self.inputs = inputs; self.outputs = outputs
        self.activation = activation; self.hasBias = bias
        W = initializer.weights(inputs: inputs, outputs: outputs, using: &g)
        b = Tensor(rows: 1, cols: outputs)
        cache = LayerCache(inputs: inputs, outputs: outputs)
    }

    /// A layer with given IN×OUT weights and optional 1×OUT biases (zero when nil).
    public init(name: String, weights: Tensor, biases: Tensor? = nil, activation: Activation, bias: Bool = true) throws {
        self.name = name; inputs = weights.rows; outputs = weights.cols
        self.activation = activation; hasBias = bias
        W = weights
        b = Tensor(rows: 1, cols: weights.cols)
        cache = LayerCache(inputs: weights.rows, outputs: weights.cols)
        if let biases {
            guard bias else { throw ValueError("layer '\(name)' has bias: false but was given biases") }
            try setBiases(biases)
        }
    }

    /// Replaces W; the shape must stay IN×OUT.
    public mutating func setWeights(_ w: Tensor) throws {
        guard w.rows == inputs && w.cols == outputs else {
            throw ShapeError("weights of layer '\(name)' must be \(inputs)×\(outputs), got \(w.shapeDescription)")
        }
        W = w
    }

    /// Replaces b; the shape must stay 1×OUT.
    public mutating func setBiases(_ bias: Tensor) throws {
        guard bias.rows == 1 && bias.cols == outputs else {
            throw ShapeError("biases of layer '\(name)' must be 1×\(outputs), got \(bias.shapeDescription)")
        }
        guard hasBias else { throw ValueError("layer '\(name)' has no bias (bias: false)") }
        b = bias
    }

    /// "2 -> 2, sigmoid, bias: false".
    public var summary: String { "\(inputs) -> \(outputs), \(activation.name)\(hasBias ? "" : ", bias: false")" }

    // The numbers of the last pass; nil before there was one.
    public var x: Tensor? { cache.hasForward ? cache.tensor(cache.x, rows: cache.rows, cols: inputs) : nil }
    public var z: Tensor? { cache.hasForward ? cache.tensor(cache.z, rows: cache.rows, cols: outputs) : nil }
    public var a: Tensor? { cache.hasForward ? cache.tensor(cache.a, rows: cache.rows, cols: outputs) : nil }
    /// dL/da of the last backward pass.
    public var dA: Tensor? { cache.hasBackward ? cache.tensor(cache.dA, rows: cache.rows, cols: outputs) : nil }
    /// dL/dz of the last backward pass.
    public var dZ: Tensor? { cache.hasBackward ? cache.tensor(cache.dZ, rows: cache.rows, cols: outputs) : nil }
    /// dL/dW of the last backward pass (IN×OUT).
    public var dW: Tensor? { cache.hasBackward ? cache.tensor(cache.dW, rows: inputs, cols: outputs) : nil }
    /// dL/db of the last backward pass (1×OUT); nil without bias.
    public var dB: Tensor? { cache.hasBackward && hasBias ? cache.tensor(cache.dB, rows: 1, cols: outputs) : nil }

    /// Makes the cache this copy's own before writing to it.
    mutating func uniqueCache() -> LayerCache {
        if !isKnownUniquelyReferenced(&cache) { cache = cache.copy() }
        return cache
    }

    /// The cache a new forward pass of `rows` samples writes into. When another copy of
    /// the network (the session's undo state, kept until the statement succeeds) still
    /// holds the old cache, this one gets fresh buffers instead of a copy: a forward pass
    /// overwrites x, z and a and voids the gradients, so copying them would be wasted —
    /// megabytes per `train` cell for the bench's 784-512-512-10 network.
    mutating func cacheForForward(rows: Int) -> LayerCache {
        if !isKnownUniquelyReferenced(&cache) { cache = LayerCache(inputs: cache.inputs, outputs: cache.outputs) }
        cache.prepare(rows: rows)
        return cache
    }

    /// Forgets the last pass's numbers (after the parameters changed under them).
    mutating func clearPass() {
        if cache.hasForward || cache.hasBackward {
            let c = uniqueCache(); c.hasForward = false; c.hasBackward = false
        }
    }
}
