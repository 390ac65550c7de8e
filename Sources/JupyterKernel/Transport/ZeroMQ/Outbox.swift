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
/// A message travels unserialized (the pipe carries a reference to it): the I/O thread
/// writes its JSON and signs it while the thread that published it goes on. A train
/// cell's curve is ~30 kB of JSON; serializing it on the worker kept the cell's next
/// output and its reply waiting ~0.5 ms on a 10 ms cell (bench/live_train.py).
///
///     outbox.put(Outbox.Letter(message, on: .iopub))   // any thread; waits while full
///     while let letter = outbox.next() { … }           // the I/O thread
final class Outbox {
    /// A message and the channel it goes out on.
    final class Letter: @unchecked Sendable {   // immutable; handed from one thread to one other
        let message: Message
        let channel: Channel
        init(_ message: Message, on channel: Channel) { self.message = message; self.channel = channel }
    }

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
    private var local: [Letter] = []

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
    func put(_ letter: Letter) {
        if let ioThread, pthread_equal(ioThread, pthread_self()) != 0 {
            local.append(letter)
            return
        }
        // The pipe carries the letter's address; the reference it holds is taken back by
        // `next` (or here, when the letter does not go in). Letters still in the pipe when
        // the kernel exits are not freed: the process is ending.
        let reference = Unmanaged.passRetained(letter)
        var address = UInt(bitPattern: reference.toOpaque())
        let frame = Data(bytes: &address, count: MemoryLayout<UInt>.size)
        while true {
            let outcome = lock.withLock { () -> ZMQSocket.SendOutcome? in
                closed ? nil : pushSocket.trySend([frame], wait: true)
            }
            if outcome == .full { continue }
            if outcome != .sent { reference.release() }
            return
        }
    }

    /// I/O thread: the next message to deliver, its own first; nil when none waits.
    func next() -> Letter? {
        if !local.isEmpty { return local.removeFirst() }
        guard let frames = pullSocket.receiveMultipart(wait: false) else { return nil }
        guard frames.count == 1, frames[0].count == MemoryLayout<UInt>.size else { return nil }   // only `put` writes here
        let address = frames[0].withUnsafeBytes { $0.loadUnaligned(as: UInt.self) }
        guard let pointer = UnsafeRawPointer(bitPattern: address) else { return nil }
        return Unmanaged<Letter>.fromOpaque(pointer).takeRetainedValue()
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
