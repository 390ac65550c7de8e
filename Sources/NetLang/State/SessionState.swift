import NetCore

/// Everything a session remembers between cells. A value type: statements run on a
/// copy and the session keeps it only if they succeed, so a failing statement changes
/// nothing.
///
///     var draft = state
///     draft.define("x", node)      // then: state = draft
struct SessionState {
    /// Named tensors with the graph that computed them.
    var tensors: [String: Node] = [:]
    /// Names in the order they were first defined (for show and completion).
    var tensorOrder: [String] = []
    var network = NetworkState()
    /// Gradients of the last backward, by name ("apple", "hidden.W", "hidden.z").
    var gradients: [String: Tensor] = [:]
    /// What the last backward differentiated ("price", or "loss").
    var gradientRoot: String?
    /// The last `forward`: input, target, per-layer z and a, loss.
    var lastForward: ForwardRecord?
    /// Loss after each step (and each train epoch).
    var history: [Double] = []
    var settings = RenderSettings()
    var random = RandomSource(seed: 0)
    /// Per-epoch losses and run count of `train` (Training/TrainingRecord.swift).
    var training = TrainingRecord()
    /// The notebook's directory for relative file paths (Files/FilePaths.swift).
    var baseDirectory: String?
    /// Data sets (`dataset`, `load`): NAME → members ("x", "y").
    var datasets: [String: [String: Tensor]] = [:]

    var tensorNames: [String] { tensorOrder.filter { tensors[$0] != nil } }
    var layerNames: [String] { network.layers.map(\.name) }
    var datasetNames: [String] { datasets.keys.sorted() }

    func layerIndex(named name: String) -> Int? { network.layers.firstIndex { $0.name == name } }

    /// Defines or replaces a tensor.
    mutating func define(_ name: String, _ node: Node) {
        if tensors[name] == nil { tensorOrder.append(name) }
        tensors[name] = node
    }

    /// Members after `base.` for completion.
    func members(of base: String) -> [String] {
        if layerIndex(named: base) != nil { return ["W", "b", "z", "a", "T"] }
        if let set = datasets[base] { return set.keys.sorted() }
        if tensors[base] != nil { return ["T"] }
        return []
    }
}

/// The last `forward`: what went in and what each layer computed.
struct ForwardRecord {
    var input: Tensor
    var target: Tensor?
    /// Per layer, in order.
    var layers: [LayerRecord]
    var output: Tensor { layers.last?.a ?? input }
    var loss: Double?

    struct LayerRecord {
        var z: Tensor
        var a: Tensor
    }
}

/// The session's generator, seeded by `seed N`.
struct RandomSource {
    var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func uniform(rows: Int, cols: Int) -> Tensor { Tensor.rand(rows, cols, using: &generator) }
    mutating func normal(rows: Int, cols: Int) -> Tensor { Tensor.randn(rows, cols, using: &generator) }

    static let description = """
    The generator is xoshiro256** (Blackman & Vigna, 2018) seeded through splitmix64;
    uniforms take the top 53 bits, normals use the Box–Muller transform. Without `seed`
    a session starts from seed 0.
    """
}
