#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which update rule, with its settings.
///
///     Optimizer(.momentum(lr: 0.1))                 // beta 0.9
///     Optimizer(.adam(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8))
public enum OptimizerKind: Equatable, Sendable {
    /// p ← p − lr·g
    case sgd(lr: Double)
    /// v ← βv + g; p ← p − lr·v (v starts at 0, so the first v is g), as torch.optim.SGD
    /// with momentum, dampening 0, no Nesterov.
    case momentum(lr: Double, beta: Double)
    /// torch.optim.Adam: m ← β₁m + (1−β₁)g (computed as torch's lerp, m + (1−β₁)(g − m)); v ← β₂v + (1−β₂)g²;
    /// p ← p − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε), t counted per parameter from 1.
    case adam(lr: Double, beta1: Double, beta2: Double, eps: Double)

    public static let defaultSGD = OptimizerKind.sgd(lr: 0.1)
    public static func momentum(lr: Double) -> OptimizerKind { .momentum(lr: lr, beta: 0.9) }
    public static func adam(lr: Double = 0.001) -> OptimizerKind { .adam(lr: lr, beta1: 0.9, beta2: 0.999, eps: 1e-8) }

    public var name: String {
        switch self {
        case .sgd: return "sgd"
        case .momentum: return "momentum"
        case .adam: return "adam"
        }
    }

    public var learningRate: Double {
        get {
            switch self {
            case .sgd(let lr), .momentum(let lr, _), .adam(let lr, _, _, _): return lr
            }
        }
        set {
            switch self {
            case .sgd: self = .sgd(lr: newValue)
            case .momentum(_, let b): self = .momentum(lr: newValue, beta: b)
            case .adam(_, let b1, let b2, let e): self = .adam(lr: newValue, beta1: b1, beta2: b2, eps: e)
            }
        }
    }
}

/// One parameter's update, for `step` to show.
public struct ParameterUpdate: Sendable, Equatable {
    public var id: ParameterID
    /// "hidden.W".
    public var name: String
    public var before: Tensor
    public var gradient: Tensor
    public var after: Tensor
}

/// An optimizer with its state per parameter (momentum's velocity, Adam's moments and
/// step count), following PyTorch's conventions so results match it to 1e-12.
///
///     var opt = Optimizer(.adam())
///     try net.forward(x, target: t); try net.backward()
///     for u in try opt.step(&net) { print(u.name, u.before, u.gradient, u.after) }
public struct Optimizer {
    public var kind: OptimizerKind
    private var slots: [Slot] = []

    /// State of one parameter; matched by position and identity, reset if either changes.
    struct Slot {
        var id: ParameterID
        var count: Int
        var steps = 0
        /// momentum: v (count); adam: m then v (2·count).
        var buffer: [Double]
    }

    public init(_ kind: OptimizerKind = .defaultSGD) { self.kind = kind }

    /// Forgets all state (velocities, moments, step counts).
    public mutating func reset() { slots.removeAll() }

    /// Doubles held as state (velocities, moments), for the session's memory budget.
    public var heldElements: Int { slots.reduce(0) { $0 + $1.buffer.count } }

    /// Doubles `step` would add as new state for parameters of `count` numbers in all.
    public func stateElements(forParameters count: Int) -> Int {
        switch kind {
        case .sgd: return 0
        case .momentum: return count
        case .adam: return 2 * count
        }
    }

    /// Steps taken so far by a parameter (Adam's t); 0 if none.
    public func steps(of id: ParameterID) -> Int { slots.first { $0.id == id }?.steps ?? 0 }

    /// One parameter's optimizer state, to show, save or carry over from elsewhere:
    /// momentum's velocity or Adam's first moment in `first`, Adam's second moment in `second`.
    public struct ParameterState: Equatable, Sendable {
        public var steps: Int
        public var first: [Double]?
        public var second: [Double]?
        public init(steps: Int, first: [Double]? = nil, second: [Double]? = nil) {
            self.steps = steps; self.first = first; self.second = second
        }
    }

    /// The state of a parameter, nil before its first step.
    public func state(of id: ParameterID) -> ParameterState? {
        guard let slot = slots.first(where: { $0.id == id && $0.count >= 0 }) else { return nil }
        switch kind {
        case .sgd: return ParameterState(steps: slot.steps)
        case .momentum: return ParameterState(steps: slot.steps, first: slot.buffer)
        case .adam: return ParameterState(steps: slot.steps, first: Array(slot.buffer[..<slot.count]),
                                          second: Array(slot.buffer[slot.count...]))
        }
    }

    /// Sets a parameter's state (e.g. restored from a saved session). Buffers must have
    /// the parameter's element count; a missing buffer starts at zero.
    public mutating func setState(_ state: ParameterState, for id: ParameterID, in network: Network) throws {
        guard let ordinal = network.parameters.firstIndex(of: id) else {
            throw ValueError("the network has no parameter \(id.kind.rawValue) in layer \(id.layer + 1)")
        }
        let count = network.value(of: id).count
        for buffer in [state.first, state.second].compactMap({ $0 }) where buffer.count != count {
            throw ShapeError("optimizer state for \(network.name(of: id)) has \(buffer.count) numbers, the parameter \(count)")
        }
        prepareSlot(ordinal, id: id, count: count)
        slots[ordinal].steps = state.steps
        let zeros = [Double](repeating: 0, count: count)
        switch kind {
        case .sgd: break
        case .momentum: slots[ordinal].buffer = state.first ?? zeros
        case .adam: slots[ordinal].buffer = (state.first ?? zeros) + (state.second ?? zeros)
        }
    }

    /// Updates every parameter that has a gradient from the last backward pass and reports
    /// each one. `learningRate` overrides the kind's for this step only (`step lr: 0.5`).
    public mutating func step(_ network: inout Network, learningRate: Double? = nil) throws -> [ParameterUpdate] {
        guard network.layers.contains(where: { $0.cache.hasBackward }) else {
            throw ValueError("no gradients to step with: run forward x, t and backward first")
        }
        return update(&network, learningRate: learningRate, report: true)
    }

    @discardableResult
    mutating func update(_ network: inout Network, learningRate: Double?, report: Bool) -> [ParameterUpdate] {
        var updates: [ParameterUpdate] = []
        var ordinal = 0
        for i in network.layers.indices {
            let cache = network.layers[i].cache
            for kind in ParameterKind.allCases where kind == .weights || network.layers[i].hasBias {
                defer { ordinal += 1 }
                guard cache.hasBackward else { continue }
                let id = ParameterID(layer: i, kind: kind)
                let gradient = kind == .weights ? cache.dW : cache.dB
                let count = kind == .weights ? cache.inputs * cache.outputs : cache.outputs
                let before = report ? network.value(of: id) : Tensor(rows: 0, cols: 0)
                prepareSlot(ordinal, id: id, count: count)
                if kind == .weights {
                    network.layers[i].W.data.withUnsafeMutableBufferPointer { p in
                        apply(slot: ordinal, parameter: p, gradient: gradient, learningRate: learningRate)
                    }
                } else {
                    network.layers[i].b.data.withUnsafeMutableBufferPointer { p in
                        apply(slot: ordinal, parameter: p, gradient: gradient, learningRate: learningRate)
                    }
                }
                if report {
                    let g = Tensor(rows: before.rows, cols: before.cols,
                                   data: Array(UnsafeBufferPointer(start: gradient, count: count)))
                    updates.append(ParameterUpdate(id: id, name: network.name(of: id), before: before,
                                                   gradient: g, after: network.value(of: id)))
                }
            }
        }
        return updates
    }

    private mutating func prepareSlot(_ ordinal: Int, id: ParameterID, count: Int) {
        let size: Int
        switch kind {
        case .sgd: size = 0
        case .momentum: size = count
        case .adam: size = 2 * count
        }
        while slots.count <= ordinal { slots.append(Slot(id: id, count: -1, buffer: [])) }
        if slots[ordinal].id != id || slots[ordinal].count != count || slots[ordinal].buffer.count != size {
            slots[ordinal] = Slot(id: id, count: count, buffer: [Double](repeating: 0, count: size))
        }
    }

    private mutating func apply(slot s: Int, parameter p: UnsafeMutableBufferPointer<Double>,
                                gradient g: UnsafeMutablePointer<Double>, learningRate: Double?) {
        slots[s].steps += 1
        let t = slots[s].steps
        let n = p.count
        switch kind {
        case .sgd(let lr0):
            let lr = learningRate ?? lr0
            for k in 0..<n { p[k] -= lr * g[k] }
        case .momentum(let lr0, let beta):
            let lr = learningRate ?? lr0
            slots[s].buffer.withUnsafeMutableBufferPointer { v in
                for k in 0..<n {
                    v[k] = beta * v[k] + g[k]
                    p[k] -= lr * v[k]
                }
            }
        case .adam(let lr0, let beta1, let beta2, let eps):
            let lr = learningRate ?? lr0
            // The order of operations is torch.optim.Adam's (single-tensor, non-amsgrad path).
            let biasCorrection1 = 1 - pow(beta1, Double(t))
            let biasCorrection2 = 1 - pow(beta2, Double(t))
            let stepSize = lr / biasCorrection1
            let biasCorrection2Sqrt = biasCorrection2.squareRoot()
            slots[s].buffer.withUnsafeMutableBufferPointer { mv in
                for k in 0..<n {
                    // torch's exp_avg.lerp_(grad, 1 − β₁): m + (1 − β₁)(g − m)
                    mv[k] += (1 - beta1) * (g[k] - mv[k])
                    mv[n + k] = beta2 * mv[n + k] + (1 - beta2) * g[k] * g[k]
                    let denom = mv[n + k].squareRoot() / biasCorrection2Sqrt + eps
                    p[k] -= stepSize * (mv[k] / denom)
                }
            }
        }
    }
}
