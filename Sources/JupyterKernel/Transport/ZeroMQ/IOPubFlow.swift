import CZeroMQ
import FoundationEssentials

/// Publishes on iopub so that a subscriber that reads loses nothing, while one that
/// stopped reading (a frozen laptop, a stopped process) costs a bounded amount of memory.
///
/// ZeroMQ queues at most `highWaterMark` messages per subscriber. With XPUB_NODROP a
/// send that would exceed it fails instead of dropping: the message waits here (and the
/// cell producing it waits on the bounded `Outbox`), so a slow but live subscriber slows
/// the cell down instead of losing messages. A subscriber still full after `patience`
/// has stopped reading: that one message is sent lossily, as a plain PUB sends, and
/// ZeroMQ, failing to write to the full subscriber, sets it aside until it has read half
/// its queue; meanwhile it misses what is published and the others get everything.
///
///     if !flow.offer(frames, now: .now) { hold frames, retry after flow.retryMilliseconds }
final class IOPubFlow {
    /// Per subscriber. ZeroMQ tells the sender about reads every half of it (its "low
    /// water mark"), so a small mark also lets a slow reader show sooner that it reads.
    static let highWaterMark: Int32 = 32
    /// How long a subscriber may take to read half the mark before it counts as stopped:
    /// a reader of more than ~5 messages a second with every buffer full is live. The
    /// first time a subscriber stops, the cell waits this long (once), as may an interrupt.
    static let patience: Duration = .seconds(3)
    static let retryMilliseconds: Int32 = 5

    private let socket: ZMQSocket
    var log: (String) -> Void = { _ in }
    /// When the message now held first found a subscriber full; nil when none is held.
    private var waitingSince: ContinuousClock.Instant?
    /// Shutting down: nothing waits.
    private var draining = false

    /// Before the socket binds: ZeroMQ gives each connection the options of bind time.
    init(socket: ZMQSocket) {
        self.socket = socket
        socket.set(ZMQ_SNDHWM, Self.highWaterMark)
        socket.set(ZMQ_XPUB_NODROP, 1)
    }

    /// True when the message went out (to every subscriber with room); false when it must
    /// be offered again later.
    func offer(_ frames: [Data], now: ContinuousClock.Instant) -> Bool {
        if draining || socket.trySend(frames, wait: false) != .full {
            waitingSince = nil
            return true
        }
        let since = waitingSince ?? now
        waitingSince = since
        guard now - since >= Self.patience else { return false }
        log("iopub: a subscriber has taken nothing for \(Self.patience) with \(Self.highWaterMark) messages "
            + "queued; it misses what is published until it reads again, the others get everything")
        waitingSince = nil
        sendLossily(frames)
        return true
    }

    /// At shutdown: what is left goes out to whoever has room, nothing waits.
    func drain() {
        draining = true
        waitingSince = nil
        socket.set(ZMQ_XPUB_NODROP, 0)
    }

    private func sendLossily(_ frames: [Data]) {
        socket.set(ZMQ_XPUB_NODROP, 0)
        _ = socket.trySend(frames, wait: false)
        socket.set(ZMQ_XPUB_NODROP, 1)
    }
}
