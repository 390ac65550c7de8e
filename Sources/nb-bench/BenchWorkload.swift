/// One bench workload as NetBook cells (GFLOP/s are computed by bench/run_bench.py): a setup cell and the `train` statement that
/// is timed. The same problems as bench/workloads.py gives the numpy and PyTorch peers.
struct BenchWorkload {
    var name: String
    var setup: String
    /// Samples per epoch and batch size: steps = epochs × ⌈samples / batch⌉.
    var samples: Int
    var batch: Int
    var learningRate: Double

    func trainStatement(epochs: Int) -> String {
        "train X, T, epochs: \(epochs), batch: \(batch), lr: \(learningRate), shuffle: false;"
    }

    func steps(epochs: Int) -> Int { epochs * ((samples + batch - 1) / batch) }

    static let all: [BenchWorkload] = [
        BenchWorkload(name: "W1", setup: """
            tensor X = [0.1, 0.2]
            tensor T = [0.4, 0.6]
            layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
            layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
            loss half_sse
            optimizer sgd(lr: 0.5)
            """, samples: 1, batch: 1, learningRate: 0.5),
        BenchWorkload(name: "W2", setup: """
            seed 0
            tensor X = [[0, 0], [0, 1], [1, 0], [1, 1]]
            tensor T = [[0], [1], [1], [0]]
            layer hidden = dense(2 -> 4, sigmoid, init: normal)
            layer output = dense(4 -> 1, sigmoid, init: normal)
            loss mse
            optimizer sgd(lr: 0.5)
            """, samples: 4, batch: 4, learningRate: 0.5),
        mlp("W3", sizes: [784, 128, 10], batch: 128),
        mlp("W4", sizes: [784, 512, 512, 10], batch: 256),
    ]

    /// An MLP with ReLU hidden layers and a softmax output under cross-entropy, on one
    /// batch of uniform random inputs with random classes.
    static func mlp(_ name: String, sizes: [Int], batch: Int) -> BenchWorkload {
        var lines = ["seed 0", "tensor X = rand(\(batch), \(sizes[0]))",
                     "tensor T = argmax(rand(\(batch), \(sizes.last!)))"]
        for (i, (a, b)) in zip(sizes, sizes.dropFirst()).enumerated() {
            let last = i == sizes.count - 2
            lines.append("layer l\(i + 1) = dense(\(a) -> \(b), \(last ? "softmax" : "relu"), init: he)")
        }
        lines += ["loss cross_entropy", "optimizer sgd(lr: 0.1)"]
        return BenchWorkload(name: name, setup: lines.joined(separator: "\n"), samples: batch, batch: batch,
                             learningRate: 0.1)
    }
}
