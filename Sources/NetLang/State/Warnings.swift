import NetCore
import NetSupport

/// The warnings of the language: a statement ran, but the result deserves a second look.
/// Each is an `Output.warning`: the kernel sends it on stderr, nb-run writes it to
/// standard error, and neither stops the cell (an error would).
enum Warnings {
    /// A second `step` without a `backward` between: the same gradients move the
    /// parameters again, although they no longer point downhill from where they are now.
    static func stepReusesGradients(steps: Int) -> Output {
        .warning("warning: step used the gradients of the last backward again (\(steps + 1) steps on them): "
                 + "they were computed for the parameters before the previous step — run forward X, T and backward before each step")
    }

    /// A share of the memory budget above which the session is told it is close.
    static let nearMemoryShare = 0.9
    /// The warning is given again only after the session fell below this share.
    static let rearmMemoryShare = 0.75

    static func nearMemoryBudget(used: Int, limit: Int) -> Output {
        let share = limit > 0 ? Int((Double(used) / Double(limit) * 100).rounded(.down)) : 100
        return .warning("warning: the session holds \(MemoryBudget.describe(bytes: used)) of its \(MemoryBudget.describe(bytes: limit)) "
                        + "memory budget (\(share)%): larger work will be refused — reset frees everything, memory 4GB raises the budget")
    }

    /// `check y ≈ 0.00005`: with a tolerance as large as every expected value, 0 passes too.
    static func toleranceCoversExpected(tolerance: Double, largest: Double) -> Output {
        .warning("warning: the tolerance \(tolerance, .trimmed(decimals: nil)) is not smaller than the expected "
                 + "value \(largest, .trimmed(decimals: nil)): any value that close to 0 passes, 0 included — give a smaller tol:")
    }

    /// The line `train` used to put under its table when the loss diverged.
    static func diverged(_ text: Phrase) -> Output { .warning("warning: " + text) }
}
