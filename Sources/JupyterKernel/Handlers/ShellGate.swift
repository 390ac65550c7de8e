/// Holds shell requests, for a bounded time, while no one subscribes to iopub.
///
/// A client connects its sockets at once, but ZeroMQ connects each in its own time: when
/// the kernel was not listening yet, every socket retries after 100 ms plus a random
/// jitter of up to 100 ms. Its shell connection can therefore be up well before its iopub
/// subscription, and a request answered in between publishes its busy, outputs and idle
/// to no one. `jupyter console` (which, unlike jupyter_client's `wait_for_ready`, does not
/// wait for iopub) then waits forever for the idle of its first cell: on a loaded machine
/// `exit` as the first line hung the console. Waiting for a subscriber before serving
/// shell closes that window; the patience bounds the wait for a client that never
/// subscribes (it is served after `patience`, with its outputs lost).
///
///     if gate.mayServeShell(now: .now) { drain(shell) }
///     zmq_poll(…, gate.pollTimeout(now: .now) ?? -1)
struct ShellGate {
    static let patience: Duration = .seconds(2)

    /// Subscriptions minus unsubscriptions seen on iopub (XPUB_VERBOSER reports both,
    /// including the unsubscriptions of a client that disconnects).
    private(set) var subscriptions = 0
    /// When a shell request first waited for a subscriber; nil when none waits.
    private var heldSince: ContinuousClock.Instant?
    /// The patience ran out with no subscriber: serve shell until one arrives again.
    private(set) var gaveUp = false

    mutating func subscribed() {
        subscriptions += 1
        heldSince = nil
        gaveUp = false
    }

    mutating func unsubscribed() {
        subscriptions = max(0, subscriptions - 1)
    }

    /// Called when shell requests are waiting: true to serve them now.
    mutating func mayServeShell(now: ContinuousClock.Instant) -> Bool {
        if subscriptions > 0 || gaveUp { return true }
        let since = heldSince ?? now
        heldSince = since
        if now - since >= Self.patience {
            gaveUp = true
            heldSince = nil
            return true
        }
        return false
    }

    /// Whether shell requests are being held (the poll leaves the shell socket out).
    var isHolding: Bool { heldSince != nil }

    /// While holding, the milliseconds until the patience runs out; nil otherwise.
    func pollTimeout(now: ContinuousClock.Instant) -> Int32? {
        guard let heldSince else { return nil }
        let left = Self.patience - (now - heldSince)
        let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds) + 1)
    }
}
