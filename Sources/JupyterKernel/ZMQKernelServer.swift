import CZeroMQ
import FoundationEssentials
import Glibc

/// Serves a `Kernel` over the five ZeroMQ sockets of a connection file.
///
/// One I/O thread owns shell, control, stdin (ROUTER, with ROUTER_HANDOVER), iopub (XPUB,
/// answering each subscription with `iopub_welcome`, spec 5.5) and the inbound end of an
/// in-process queue: any thread hands outgoing messages to `send`, which signs them and
/// pushes them through that queue, and the I/O thread writes them to the right socket.
/// Shell requests wait (boundedly) for a first iopub subscriber (`ShellGate`).
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
    private let shell, control, stdin, iopub, outboxIn: ZMQSocket
    /// Written by any thread under `outboxLock`; read by the I/O thread through `outboxIn`.
    private let outboxOut: ZMQSocket
    private let outboxLock = Lock()
    /// Set under `outboxLock` once the sockets close: a cell still finishing after
    /// shutdown_request must not write to a closed socket.
    private var outboxClosed = false
    private let heartbeat: Heartbeat
    private var stopping = false
    /// I/O thread only.
    private var gate = ShellGate()
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
        outboxIn = try ZMQSocket(context: context, type: ZMQ_PULL)
        outboxOut = try ZMQSocket(context: context, type: ZMQ_PUSH)
        for router in [shell, control, stdin] {
            // A restarted front end reconnects with the same identity: hand it the route.
            router.set(ZMQ_ROUTER_HANDOVER, 1)
        }
        // Every subscription and unsubscription (also a disconnecting client's), so the
        // gate knows whether anyone listens.
        iopub.set(ZMQ_XPUB_VERBOSER, 1)
        for socket in [outboxIn, outboxOut, iopub] { socket.set(ZMQ_SNDHWM, 0); socket.set(ZMQ_RCVHWM, 0) }
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        let inbox = "inproc://kernel-outbox-\(UUID().uuidString)"
        try outboxIn.bind(inbox)
        try outboxOut.connect(inbox)
        heartbeat = try Heartbeat(endpoint: connection.endpoint(connection.heartbeatPort))
        kernel = Kernel(interpreter: interpreter, sink: self)
        kernel.onShutdown = { [unowned self] restart in
            restartRequested = restart
            stopping = true
        }
    }

    /// Thread-safe: signs the message and queues it for the I/O thread.
    public func send(_ message: Message, on channel: Channel) {
        let frames = [Data(channel.rawValue.utf8)] + wire.frames(for: message)
        outboxLock.withLock {
            if !outboxClosed { outboxOut.sendMultipart(frames) }
        }
    }

    /// Serves until shutdown_request, then flushes what is queued and closes the sockets.
    public func run() {
        heartbeat.start()
        kernel.start()
        let sockets = [control, shell, stdin, iopub, outboxIn]
        var items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        while !stopping {
            // While shell requests wait for a subscriber, the shell socket is left out of the
            // poll (its requests stay queued in it) and the poll wakes when patience runs out.
            items[1].events = gate.isHolding ? 0 : Int16(ZMQ_POLLIN)
            let rc = zmq_poll(&items, Int32(items.count), Int(gate.pollTimeout(now: .now) ?? -1))
            if rc < 0 { if zmq_errno() == EINTR { continue } else { kernel.log(ZMQSocket.lastError("zmq_poll")); break } }
            // Subscriptions first: a request arriving with its client's subscription is served.
            if items[3].revents != 0 { welcomeSubscribers() }
            // Control before shell, so an interrupt is never stuck behind other traffic.
            if items[0].revents != 0 { drain(control, as: .control) }
            if items[1].revents != 0 || gate.isHolding { serveShell() }
            if items[2].revents != 0 { drain(stdin, as: .stdin) }
            if items[4].revents != 0 { forwardOutbox() }
        }
        outboxLock.withLock {
            outboxClosed = true
            outboxOut.close(linger: Self.flushLinger)
        }
        forwardOutbox()
        for socket in [shell, control, stdin, iopub, outboxIn] { socket.close(linger: Self.flushLinger) }
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

    private func forwardOutbox() {
        while let frames = outboxIn.receiveMultipart(wait: false), let first = frames.first {
            let socket: ZMQSocket
            switch Channel(rawValue: String(decoding: first, as: UTF8.self)) {
            case .shell: socket = shell
            case .control: socket = control
            case .stdin: socket = stdin
            default: socket = iopub
            }
            socket.sendMultipart(Array(frames.dropFirst()))
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
                var welcome = Message(type: "iopub_welcome", content: ["subscription": String(decoding: topic, as: UTF8.self)],
                                      parent: nil, session: kernel.session)
                welcome.identities = topic.isEmpty ? [] : [Data(topic)]
                iopub.sendMultipart(wire.frames(for: welcome))
            }
        }
    }
}
