import Foundation
import NetCore

/// The optimizer of `step` and `train`, with PyTorch's conventions, and its per-parameter state.
///
///     optimizer momentum(lr: 0.1, beta: 0.9)   →  OptimizerState(kind: .momentum, lr: 0.1, beta: 0.9)
struct OptimizerState {
    enum Kind: String, CaseIterable { case sgd, momentum, adam }
    var kind: Kind = .sgd
    var lr = 0.1
    var beta = 0.9
    var beta1 = 0.9
    var beta2 = 0.999
    var eps = 1e-8
    /// Velocity (momentum) or first moment (adam), by parameter name.
    var first: [String: Tensor] = [:]
    /// Second moment (adam).
    var second: [String: Tensor] = [:]
    /// Steps taken per parameter (adam's bias correction).
    var steps: [String: Int] = [:]

    static func defaults(for kind: Kind) -> OptimizerState {
        var s = OptimizerState()
        s.kind = kind
        if kind == .adam { s.lr = 0.001 }
        return s
    }

    /// The options each kind takes.
    static func options(for kind: Kind) -> [String] {
        switch kind {
        case .sgd: return ["lr"]
        case .momentum: return ["lr", "beta"]
        case .adam: return ["lr", "beta1", "beta2", "eps"]
        }
    }

    var summary: String {
        switch kind {
        case .sgd: return "sgd(lr: \(lr))   p ← p − lr·g"
        case .momentum: return "momentum(lr: \(lr), beta: \(beta))   v ← βv + g; p ← p − lr·v"
        case .adam: return "adam(lr: \(lr), beta1: \(beta1), beta2: \(beta2), eps: \(eps))"
        }
    }

    /// The new value of parameter `name` after one step with gradient `g` (PyTorch's update rules).
    mutating func update(_ name: String, _ p: Tensor, _ g: Tensor, lr override: Double?) -> Tensor {
        let lr = override ?? self.lr
        var out = p
        switch kind {
        case .sgd:
            for k in out.data.indices { out.data[k] -= lr * g.data[k] }
        case .momentum:
            var v = first[name] ?? Tensor(rows: p.rows, cols: p.cols)
            if first[name] == nil { v = g } else { for k in v.data.indices { v.data[k] = beta * v.data[k] + g.data[k] } }
            first[name] = v
            for k in out.data.indices { out.data[k] -= lr * v.data[k] }
        case .adam:
            var m = first[name] ?? Tensor(rows: p.rows, cols: p.cols)
            var v = second[name] ?? Tensor(rows: p.rows, cols: p.cols)
            let t = (steps[name] ?? 0) + 1
            steps[name] = t
            let correction1 = 1 - Foundation.pow(beta1, Double(t))
            let correction2 = 1 - Foundation.pow(beta2, Double(t))
            let stepSize = lr / correction1
            for k in out.data.indices {
                m.data[k] = beta1 * m.data[k] + (1 - beta1) * g.data[k]
                v.data[k] = beta2 * v.data[k] + (1 - beta2) * g.data[k] * g.data[k]
                let denominator = (v.data[k].squareRoot() / correction2.squareRoot()) + eps
                out.data[k] -= stepSize * m.data[k] / denominator
            }
            first[name] = m
            second[name] = v
        }
        return out
    }
}
