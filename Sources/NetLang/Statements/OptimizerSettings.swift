import NetCore
import NetSupport

/// The language's side of NetCore's optimizers: names, options and defaults come from
/// OperationTable (OptimizerTable.swift); this file builds the OptimizerKind.
enum OptimizerSettings {
    static let kinds = OperationTable.names(of: .optimizer)

    static func options(for kind: String) -> [String] {
        (OperationTable.entry(kind, .optimizer) ?? OperationTable.entry("sgd", .optimizer))?.arguments.map(\.name) ?? ["lr"]
    }

    /// The kind with the table's defaults (sgd lr 0.1, momentum beta 0.9, adam lr 0.001…) and `values` applied.
    static func make(_ kind: String, _ values: [String: Double]) -> OptimizerKind {
        let entry = OperationTable.entry(kind, .optimizer)
        func value(_ name: String) -> Double { values[name] ?? entry?.defaultValue(of: name) ?? fallback(name) }
        switch kind {
        case "momentum": return .momentum(lr: value("lr"), beta: value("beta"))
        case "adam": return .adam(lr: value("lr"), beta1: value("beta1"), beta2: value("beta2"), eps: value("eps"))
        default: return .sgd(lr: values["lr"] ?? OperationTable.entry("sgd", .optimizer)?.defaultValue(of: "lr") ?? 0.1)
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
    static func summary(_ kind: OptimizerKind) -> [Phrase] {
        // "%g": as a person writes them (lr: 2, eps: 1e-08), not as Double prints them (2.0).
        let args = settings(kind).enumerated().reduce(Phrase("")) { phrase, setting in
            phrase + "\(setting.offset > 0 ? ", " : "")\(setting.element.0): \(setting.element.1, .significant(6))"
        }
        let rule: String
        switch kind {
        case .sgd: rule = "p ← p − lr·g"
        case .momentum: rule = "v ← βv + g; p ← p − lr·v"
        case .adam: rule = "m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·m̂/(√v̂ + ε)"
        }
        let call: Phrase = "\(kind.name)(\(args))"
        let line: Phrase = "\(call)   \(rule)"
        // Its numbers are sentence forms, whatever the precision: the width is known here.
        let width = line.written(session: { _ in "" }).count
        return width <= summaryWidth ? [line] : [call, Phrase("  " + rule)]
    }

    /// 80 columns: a footer line wider than that no longer fits JupyterLab's output area
    /// beside the file browser on a laptop (tests-python/test_lab_browser.py) and scrolls.
    static let summaryWidth = 80
}
