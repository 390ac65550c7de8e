import CZeroMQ
import FoundationEssentials
import Glibc
import NetSupport

/// Outgoing messages on their way to the I/O thread, which alone owns the sockets.
///
/// Any thread may `put`; the queue is bounded (an in-process ZeroMQ pipe with a
/// high-water mark), so a cell that produces outputs faster than they leave waits instead
/// of growing the kernel. The I/O thread's own messages (control replies, welcomes) skip
/// the pipe into a local list: it must never wait for room only it can make.
///
///     outbox.put(frames)                  // any thread; waits while full
///     while let frames = outbox.next() { … }   // the I/O thread
final class Outbox {
    /// Messages on each end of the pipe (ZeroMQ's inproc pipe holds both ends' worth).
    static let capacity: Int32 = 32
    /// How long a waiting `put` holds the lock at a time, so `close` is never stuck behind it.
    static let waitSlice: Int32 = 50

    private let pushSocket, pullSocket: ZMQSocket
    private let lock = Lock()
    /// Set under `lock` when the I/O thread stops: later messages are dropped.
    private var closed = false
    private var ioThread: pthread_t?
    /// I/O thread only: messages it produced itself, delivered before the pipe's.
    private var local: [[Data]] = []

    init(context: UnsafeMutableRawPointer) throws {
        pullSocket = try ZMQSocket(context: context, type: ZMQ_PULL)
        pushSocket = try ZMQSocket(context: context, type: ZMQ_PUSH)
        pullSocket.set(ZMQ_RCVHWM, Self.capacity)
        pushSocket.set(ZMQ_SNDHWM, Self.capacity)
        pushSocket.set(ZMQ_SNDTIMEO, Self.waitSlice)
        let name = "inproc://kernel-outbox-\(UUID().uuidString)"
        try pullSocket.bind(name)
        try pushSocket.connect(name)
    }

    /// What the I/O thread polls for incoming messages.
    var pollHandle: UnsafeMutableRawPointer { pullSocket.handle }

    /// Called on the I/O thread before it serves: its own `put`s go to the local list.
    func attachIOThread() { ioThread = pthread_self() }

    /// Queues a message; waits while the pipe is full. Dropped once closed.
    func put(_ frames: [Data]) {
        if let ioThread, pthread_equal(ioThread, pthread_self()) != 0 {
            local.append(frames)
            return
        }
        while true {
            let outcome = lock.withLock { () -> ZMQSocket.SendOutcome in
                closed ? .sent : pushSocket.trySend(frames, wait: true)
            }
            if outcome != .full { return }
        }
    }

    /// I/O thread: the next message to deliver, its own first; nil when none waits.
    func next() -> [Data]? {
        if !local.isEmpty { return local.removeFirst() }
        return pullSocket.receiveMultipart(wait: false)
    }

    /// I/O thread, when it stops: no more `put`s get through; `next` still drains.
    func close() {
        lock.withLock {
            closed = true
            pushSocket.close(linger: 0)
        }
    }

    func closeReceiver(linger: Int32) { pullSocket.close(linger: linger) }
}
