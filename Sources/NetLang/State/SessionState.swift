import NetCore

/// Everything a session remembers between cells. A value type (NetCore's `Network` and
/// `Optimizer` copy on write): statements run on a copy and the session keeps it only if
/// they succeed, so a failing statement changes nothing.
///
///     var draft = state
///     draft.define("x", node)      // then: state = draft
struct SessionState {
    /// The name `backward` records as the root of the network's gradients.
    static let networkLoss = "loss"

    /// Named tensors with the graph that computed them.
    var tensors: [String: Node] = [:]
    /// Names in the order they were first defined (for show and completion).
    var tensorOrder: [String] = []
    /// The dense layers, their loss, and the numbers of the last forward and backward pass.
    var network = Network()
    var optimizer = Optimizer()
    /// How each layer's weights were made ("given", "xavier"…), for `show network`.
    var layerOrigins: [String: String] = [:]
    /// The input of the last `forward` (the network keeps z and a, and the target).
    var lastInput: Tensor?
    /// Gradients of the last backward, by name ("apple", "hidden.W", "hidden.z").
    var gradients: [String: Tensor] = [:]
    /// What the last backward differentiated ("price", or `networkLoss`).
    var gradientRoot: String?
    /// How many `step`s have used the network's gradients since the last backward: from
    /// the second on, a step warns that it reuses them (Warnings.stepReusesGradients).
    var stepsOnNetworkGradients = 0
    /// Loss after each step (`step` and every step of `train`), bounded (LossHistory.swift).
    var lossHistory = LossHistory()
    /// Its entries: one per step up to `LossHistory.maxEntries` steps, then means of neighbours.
    var history: [Double] { lossHistory.values }
    var settings = RenderSettings()
    var random = RandomSource(seed: 0)
    /// Per-epoch losses and run count of `train` (Training/TrainingRecord.swift).
    var training = TrainingRecord()
    /// The notebook's directory for relative file paths (Files/FilePaths.swift).
    var baseDirectory: String?
    /// The bytes of numbers the session may hold (`memory 4GB`); like `baseDirectory` it
    /// belongs to the machine, so `reset` and `restore` keep it.
    var memoryLimit = MemoryBudget.defaultLimit
    /// Data sets (`dataset`, `load`): NAME → members ("x", "y").
    var datasets: [String: [String: Tensor]] = [:]
    /// For data sets whose y holds classes: the file's label of class 1 (0 for digits
    /// 0–9), so pictures can be captioned "label 7". Not saved: after `restore` the
    /// captions fall back to the row alone.
    var datasetFirstLabels: [String: Int] = [:]

    var tensorNames: [String] { tensorOrder.filter { tensors[$0] != nil } }
    var layerNames: [String] { network.layers.map(\.name) }
    var datasetNames: [String] { datasets.keys.sorted() }
    var layers: [Dense] { network.layers }

    func layerIndex(named name: String) -> Int? { network.index(of: name) }

    /// True when the network's caches hold a forward pass of `lastInput` with a target.
    var hasForwardWithTarget: Bool { lastInput != nil && network.lastTarget != nil && network.layers.last?.a != nil }

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

    /// Forgets the network's gradients (after its layers change).
    mutating func dropNetworkGradients() {
        if gradientRoot == Self.networkLoss {
            gradients = [:]
            gradientRoot = nil
        }
    }
}

/// The session's generator, seeded by `seed N`.
struct RandomSource {
    var generator: SeededGenerator
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func uniform(rows: Int, cols: Int) throws -> Tensor { try Tensor.rand(rows, cols, using: &generator) }
    mutating func normal(rows: Int, cols: Int) throws -> Tensor { try Tensor.randn(rows, cols, using: &generator) }

    static let description = """
    The generator is xoshiro256** (Blackman & Vigna, 2018) seeded through splitmix64;
    uniforms take the top 53 bits, normals use the Box–Muller transform. Without `seed`
    a session starts from seed 0.
    """
}
