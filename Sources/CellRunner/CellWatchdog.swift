import Dispatch
import NetCore

/// A cell's timeout: raises the session's interrupt flag (the same flag as Jupyter's
/// interrupt and Ctrl-C in the REPL) when the cell runs too long, and calls `stuck` if
/// it is still running `grace` seconds after that (a loop that does not check the flag).
final class CellWatchdog: @unchecked Sendable {
    /// Whether the timeout fired (an InterruptFlag is a locked Bool that any thread may set).
    private let fired: InterruptFlag
    private let interruptItem: DispatchWorkItem
    private let stuckItem: DispatchWorkItem?

    init?(after seconds: Double, interrupt: InterruptFlag,
          stuck: (grace: Double, action: @Sendable (Int) -> Void)?, cell: Int) {
        guard seconds > 0 else { return nil }
        let fired = InterruptFlag()
        self.fired = fired
        interruptItem = DispatchWorkItem {
            fired.raise()
            interrupt.raise()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: interruptItem)
        if let stuck {
            let item = DispatchWorkItem { stuck.action(cell) }
            stuckItem = item
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds + stuck.grace, execute: item)
        } else {
            stuckItem = nil
        }
    }

    /// Cancels the timers; returns whether the timeout had fired.
    func stop() -> Bool {
        interruptItem.cancel()
        stuckItem?.cancel()
        return fired.isRaised
    }
}
