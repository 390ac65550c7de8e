/// The loss on a validation set after each epoch of `train …, validation: NAME`, with the
/// step it was measured at (the session's step count, the x of `plot loss`). Bounded: past
/// `maxPoints` every other point is dropped, so a run of millions of epochs keeps the shape
/// of its curve in 64k points.
///
///     var v = ValidationHistory()
///     v.append(step: 4, loss: 0.25)      // after the first epoch of 4 steps
struct ValidationHistory: Equatable {
    static let maxPoints = 1 << 16

    private(set) var steps: [Int] = []
    private(set) var losses: [Double] = []
    private var limit = ValidationHistory.maxPoints

    init() {}

    /// A smaller limit, for tests of the thinning.
    init(limit: Int) { self.limit = max(2, limit) }

    var isEmpty: Bool { losses.isEmpty }
    var last: Double? { losses.last }

    mutating func append(step: Int, loss: Double) {
        if losses.count >= limit {
            // Keep the first point and every other one after it.
            steps = steps.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            losses = losses.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        }
        steps.append(step)
        losses.append(loss)
    }
}
