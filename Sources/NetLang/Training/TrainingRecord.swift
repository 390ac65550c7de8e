/// What `train` remembers beyond the per-step loss in `SessionState.history`: the loss
/// of every epoch, and where each `train` run started, for `show history` and `plot loss`.
///
///     train X, T, epochs: 3        // history gets 3·steps values, epochLosses 3
struct TrainingRecord: Equatable {
    /// Mean loss of each epoch (over its samples), across every `train` so far; bounded as
    /// the step history is (a full-batch run has one epoch per step).
    var epochHistory = LossHistory()
    var epochLosses: [Double] { epochHistory.values }
    /// The validation loss after each epoch of runs with `validation:`.
    var validation = ValidationHistory()
    /// How many `train` statements have run (names their live display: "train-1", …).
    var runs = 0
}
