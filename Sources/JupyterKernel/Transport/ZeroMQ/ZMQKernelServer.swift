import NetSupport
import CZeroMQ
import FoundationEssentials
import Glibc

/// Serves a `Kernel` over the five ZeroMQ sockets of a connection file.
///
/// One I/O thread owns shell, control, stdin (ROUTER, with ROUTER_HANDOVER), iopub (XPUB,
/// answering each subscription with `iopub_welcome`, spec 5.5) and the receiving end of
/// the `Outbox`: any thread hands outgoing messages to `send`, which puts them in that
/// bounded queue, and the I/O thread serializes and signs them and writes them to the
/// right socket, iopub through `IOPubFlow` (no loss for a subscriber that reads, bounded
/// for one that does not). Shell requests wait (boundedly) for a first iopub subscriber (`ShellGate`).
/// The heartbeat echoes on its own thread.
///
///     let server = try ZMQKernelServer(connection: try ConnectionInfo(contentsOf: path),
///                                      interpreter: MyLanguage())
///     server.run()        // returns after shutdown_request
public final class ZMQKernelServer: MessageSink, @unchecked Sendable {
    public private(set) var kernel: Kernel!
    private let connection: ConnectionInfo
    private let wire: WireFormat
    private let context: UnsafeMutableRawPointer
    private let shell, control, stdin, iopub: ZMQSocket
    private let outbox: Outbox
    private let heartbeat: Heartbeat
    private var stopping = false
    // I/O thread only.
    private var gate = ShellGate()
    private let flow: IOPubFlow
    /// The next message to deliver, taken from the outbox and waiting for an iopub
    /// subscriber with room (`IOPubFlow`); nil when none waits.
    private var held: (Channel, [Data])?
    public private(set) var restartRequested = false
    /// Milliseconds the closing sockets keep trying to deliver what is queued (the
    /// shutdown_reply, a cell's last outputs): a client that stopped reading delays the
    /// exit by at most this, so shutdown stays under a second.
    static let flushLinger: Int32 = 500

    public init(connection: ConnectionInfo, interpreter: Interpreter) throws {
        self.connection = connection
        wire = WireFormat(signer: MessageSigner(key: connection.key))
        guard let context = zmq_ctx_new() else { throw KernelError.zmq("zmq_ctx_new") }
        self.context = context
        shell = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        control = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        stdin = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        iopub = try ZMQSocket(context: context, type: ZMQ_XPUB)
        outbox = try Outbox(context: context)
        for router in [shell, control, stdin] {
            // A restarted front end reconnects with the same identity: hand it the route.
            router.set(ZMQ_ROUTER_HANDOVER, 1)
        }
        // Every subscription and unsubscription (also a disconnecting client's), so the
        // gate knows whether anyone listens.
        iopub.set(ZMQ_XPUB_VERBOSER, 1)
        flow = IOPubFlow(socket: iopub)
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        heartbeat = try Heartbeat(endpoint: connection.endpoint(connection.heartbeatPort))
        kernel = Kernel(interpreter: interpreter, sink: self)
        flow.log = kernel.log
        if connection.key.isEmpty {
            // As jupyter_client's Session says for an empty key: any local process that can
            // reach the ports may run code in this kernel.
            kernel.log("message signing is disabled (the connection file has no key): "
                       + "this is insecure and not recommended")
        }
        kernel.onShutdown = { [unowned self] restart in
            restartRequested = restart
            stopping = true
        }
    }

    /// Thread-safe: queues the message for the I/O thread, which serializes and signs it
    /// (waiting while the outbox is full).
    public func send(_ message: Message, on channel: Channel) {
        outbox.put(Outbox.Letter(message, on: channel))
    }

    /// Serves until shutdown_request, then flushes what is queued and closes the sockets.
    public func run() {
        outbox.attachIOThread()
        heartbeat.start()
        kernel.start()
        let handles = [control, shell, stdin, iopub].map(\.handle) + [outbox.pollHandle]
        var items = handles.map { zmq_pollitem_t(socket: $0, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        while !stopping {
            forwardOutbox()
            // While shell requests wait for a subscriber, the shell socket is left out of the
            // poll (its requests stay queued in it) and the poll wakes when patience runs out;
            // while a message waits for iopub, the outbox is left out and retried soon.
            items[1].events = gate.isHolding ? 0 : Int16(ZMQ_POLLIN)
            items[4].events = held != nil ? 0 : Int16(ZMQ_POLLIN)
            let timeouts = [gate.pollTimeout(now: .now), held != nil ? IOPubFlow.retryMilliseconds : nil]
            let rc = zmq_poll(&items, Int32(items.count), Int(timeouts.compactMap { $0 }.min() ?? -1))
            if rc < 0 { if zmq_errno() == EINTR { continue } else { kernel.log(ZMQSocket.lastError("zmq_poll")); break } }
            // Subscriptions first: a request arriving with its client's subscription is served.
            if items[3].revents != 0 { welcomeSubscribers() }
            // Control before shell, so an interrupt is never stuck behind other traffic.
            if items[0].revents != 0 { drain(control, as: .control) }
            if items[1].revents != 0 || gate.isHolding { serveShell() }
            if items[2].revents != 0 { drain(stdin, as: .stdin) }
        }
        // What is queued goes out (to subscribers with room), then the sockets close.
        outbox.close()
        flow.drain()
        forwardOutbox()
        outbox.closeReceiver(linger: 0)
        for socket in [shell, control, stdin, iopub] { socket.close(linger: Self.flushLinger) }
        zmq_ctx_term(context)
    }

    /// Shell requests are served once iopub has a subscriber, or the gate's patience ran out.
    private func serveShell() {
        let wasHolding = gate.isHolding
        guard gate.mayServeShell(now: .now) else { return }
        if wasHolding && gate.gaveUp {
            kernel.log("no iopub subscriber after \(ShellGate.patience): serving shell requests, their outputs reach no one")
        }
        drain(shell, as: .shell)
    }

    private func drain(_ socket: ZMQSocket, as channel: Channel) {
        while !stopping, let frames = socket.receiveMultipart(wait: false) {
            do {
                kernel.receive(try wire.message(from: frames), on: channel)
            } catch {
                kernel.log("refused a message on \(channel.rawValue): \(error)")
            }
        }
    }

    /// Writes queued messages to their sockets in order, until none is left or an iopub
    /// subscriber has no room (the message is then `held` and offered again).
    private func forwardOutbox() {
        while let (channel, frames) = held ?? outbox.next().map({ ($0.channel, wire.frames(for: $0.message)) }) {
            held = (channel, frames)
            switch channel {
            case .shell: shell.sendMultipart(frames)
            case .control: control.sendMultipart(frames)
            case .stdin: stdin.sendMultipart(frames)
            case .iopub: guard flow.offer(frames, now: .now) else { return }
            }
            held = nil
        }
    }

    /// XPUB reports "\u{1}topic" for each new subscription (and "\u{0}topic" when one ends);
    /// the subscriber gets a welcome so it knows it will see everything from now on.
    private func welcomeSubscribers() {
        while let frames = iopub.receiveMultipart(wait: false) {
            for frame in frames where frame.first == 0 { gate.unsubscribed() }
            for frame in frames where frame.first == 1 {
                gate.subscribed()
                let topic = frame.dropFirst()
                var welcome = Message(type: "iopub_welcome", content: ["subscription": .string(String(decoding: topic, as: UTF8.self))],
                                      parent: nil, session: kernel.session)
                welcome.identities = topic.isEmpty ? [] : [Data(topic)]
                send(welcome, on: .iopub)
            }
        }
    }
}
