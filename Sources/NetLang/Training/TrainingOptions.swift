import NetCore

/// The settings of one `train` statement, checked.
///
///     train X, T, epochs: 20, batch: 4, lr: 0.5, shuffle: true
struct TrainingOptions: Equatable {
    var epochs = 1
    /// Samples per step; nil means all of them (full-batch gradient descent, as `step`).
    var batch: Int?
    /// Overrides the optimizer's learning rate for this run.
    var learningRate: Double?
    /// Reorder the samples before each epoch (with the session's seeded generator).
    var shuffle = true
    /// `validation: NAME`: a data set whose loss is measured after every epoch (not trained on).
    var validation: Validation?
    /// `live: decision`: the decision region redrawn with the live progress.
    var liveDecision = false

    struct Validation: Equatable {
        var name: String
        var x: Tensor
        /// Targets in the output's shape, as for training.
        var t: Tensor
    }

    /// The most steps one `train` may take (a typo guard; interrupt stops any run).
    static let maximumSteps = 100_000_000

    func batchSize(samples: Int) -> Int { min(batch ?? samples, samples) }
    func stepsPerEpoch(samples: Int) -> Int {
        let b = batchSize(samples: samples)
        return (samples + b - 1) / b
    }
}
