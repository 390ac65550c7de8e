import NetCore

/// The language's side of NetCore's optimizers: names, options, defaults.
enum OptimizerSettings {
    static let kinds = ["sgd", "momentum", "adam"]

    static func options(for kind: String) -> [String] {
        switch kind {
        case "momentum": return ["lr", "beta"]
        case "adam": return ["lr", "beta1", "beta2", "eps"]
        default: return ["lr"]
        }
    }

    /// The kind with defaults (sgd lr 0.1, momentum beta 0.9, adam lr 0.001…) and `values` applied.
    static func make(_ kind: String, _ values: [String: Double]) -> OptimizerKind {
        switch kind {
        case "momentum": return .momentum(lr: values["lr"] ?? 0.1, beta: values["beta"] ?? 0.9)
        case "adam": return .adam(lr: values["lr"] ?? 0.001, beta1: values["beta1"] ?? 0.9,
                                  beta2: values["beta2"] ?? 0.999, eps: values["eps"] ?? 1e-8)
        default: return .sgd(lr: values["lr"] ?? 0.1)
        }
    }

    /// The value a setting has when a kind does not use it (kept in saved files).
    static func fallback(_ name: String) -> Double {
        switch name {
        case "lr": return 0.1
        case "beta", "beta1": return 0.9
        case "beta2": return 0.999
        default: return 1e-8
        }
    }

    static func settings(_ kind: OptimizerKind) -> [(String, Double)] {
        switch kind {
        case .sgd(let lr): return [("lr", lr)]
        case .momentum(let lr, let beta): return [("lr", lr), ("beta", beta)]
        case .adam(let lr, let b1, let b2, let eps): return [("lr", lr), ("beta1", b1), ("beta2", b2), ("eps", eps)]
        }
    }

    /// Lines a table footer shows under the optimizer: the call and its update rule, on one
    /// line while that fits `summaryWidth`, else the rule on its own, indented.
    static func summary(_ kind: OptimizerKind) -> [String] {
        // "%g": as a person writes them (lr: 2, eps: 1e-08), not as Double prints them (2.0).
        let args = settings(kind).map { "\($0.0): \(NumberFormat.significant($0.1, digits: 6))" }.joined(separator: ", ")
        let rule: String
        switch kind {
        case .sgd: rule = "p ← p − lr·g"
        case .momentum: rule = "v ← βv + g; p ← p − lr·v"
        case .adam: rule = "m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·m̂/(√v̂ + ε)"
        }
        let call = "\(kind.name)(\(args))"
        let line = "\(call)   \(rule)"
        return line.count <= summaryWidth ? [line] : [call, "  " + rule]
    }

    /// 80 columns: a footer line wider than that no longer fits JupyterLab's output area
    /// beside the file browser on a laptop (tests-python/test_lab_browser.py) and scrolls.
    static let summaryWidth = 80
}
