/// Name, arguments with defaults and help of the optimizers (the computation lives in Optimizer.swift).
/// The parser, completion, `help` and error messages read these entries.
enum OptimizerTable {
    static let entries: [OperationInfo] = [
        OperationInfo("sgd", .optimizer, arguments: [.init("lr", default: 0.1)], summary: "p ← p − lr·g", help: "optimizer sgd(lr: 0.1)"),
        OperationInfo("momentum", .optimizer, arguments: [.init("lr", default: 0.1), .init("beta", default: 0.9)], summary: "v ← βv + g; p ← p − lr·v (PyTorch's SGD with momentum)",
                  help: "optimizer momentum(lr: 0.1, beta: 0.9)"),
        OperationInfo("adam", .optimizer, arguments: [.init("lr", default: 0.001), .init("beta1", default: 0.9), .init("beta2", default: 0.999), .init("eps", default: 1e-8)], summary: "Adam with bias correction (PyTorch's conventions)",
                  help: "optimizer adam(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8)"),
    ]
}
