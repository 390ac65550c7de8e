import NetSupport
import FoundationEssentials
import Dispatch
import Glibc

/// The channels of the messaging spec.
public enum Channel: String, Sendable {
    case shell, control, iopub, stdin
}

/// Where the kernel's messages go (ZeroMQ sockets, or lines of JSON). Must accept
/// messages from any thread and keep their order.
public protocol MessageSink: AnyObject {
    func send(_ message: Message, on channel: Channel)
}

/// The language-independent kernel: answers Jupyter requests by asking an `Interpreter`.
/// Transports hand it messages with `receive`; control messages (interrupt, shutdown,
/// kernel_info on control) are answered at once on the receiving thread, shell requests
/// run one by one on a worker thread.
///
///     let kernel = Kernel(interpreter: MyLanguage(), sink: transport)
///     kernel.onShutdown = { restart in transport.stop() }
///     kernel.start()
///     kernel.receive(message, on: .shell)
public final class Kernel: @unchecked Sendable {
    public let interpreter: Interpreter
    public let session: KernelSessionID
    let sink: MessageSink
    let queue = RequestQueue()
    /// Called (once) after shutdown_reply went out: the transport stops and the process exits.
    public var onShutdown: ((_ restart: Bool) -> Void)?
    public var log: (String) -> Void = { writeAll(Data("[nb-kernel] \($0)\n".utf8), to: STDERR_FILENO) }

    // Worker-thread state.
    var executionCount = 0
    var history = History()

    private let workerDone = DispatchSemaphore(value: 0)
    private let shutdownLock = Lock()
    private var shuttingDown = false

    public init(interpreter: Interpreter, sink: MessageSink, session: KernelSessionID = KernelSessionID()) {
        self.interpreter = interpreter; self.sink = sink; self.session = session
    }

    /// Publishes `starting` once and starts the worker thread.
    public func start() {
        publish("status", ["execution_state": "starting"], parent: nil)
        // Interpreters recurse (parsers): a large stack, not the default.
        KernelThread.start(name: "kernel-worker", stackSize: 64 << 20) { [self] in
            while let request = queue.pop() { handleShell(request) }
            workerDone.signal()
        }
    }

    /// Accepts one verified message from a transport. Thread-safe.
    public func receive(_ message: Message, on channel: Channel) {
        switch (channel, message.msgType) {
        case (_, "interrupt_request"), (_, "shutdown_request"), (.control, _):
            // Served at once even while a cell runs: interrupting must not wait for it.
            withBusy(message, channel: channel) { handleUrgent(message, channel: channel) }
        case (.shell, _):
            queue.push(message)
        default:
            log("ignored \(message.msgType) on \(channel.rawValue)")
        }
    }

    /// Runs the requests already queued, then returns (end of input on stdio).
    public func finishQueuedRequests() {
        queue.finish()
        workerDone.wait()
    }

    /// Stops the running cell at its next safe point (SIGINT, interrupt_request).
    public func interrupt() { interpreter.interrupt() }

    // MARK: sending

    func publish(_ type: String, _ content: JSONObject, parent: Message?) {
        var message = Message(type: type, content: content, parent: parent, session: session, identities: [])
        message.identities = [Data("kernel.\(session.session).\(type)".utf8)]
        sink.send(message, on: .iopub)
    }

    func reply(_ request: Message, type: String? = nil, _ content: JSONObject, on channel: Channel) {
        let replyType = type ?? Self.replyType(of: request.msgType)
        sink.send(Message(type: replyType, content: content, parent: request, session: session), on: channel)
    }

    static func replyType(of requestType: String) -> String {
        requestType.hasSuffix("_request") ? String(requestType.dropLast("_request".count)) + "_reply" : requestType + "_reply"
    }

    /// Every request is wrapped in status busy … idle with the request as parent.
    func withBusy(_ request: Message, channel: Channel, _ body: () -> Void) {
        publish("status", ["execution_state": "busy"], parent: request)
        body()
        publish("status", ["execution_state": "idle"], parent: request)
    }

    // MARK: control

    private func handleUrgent(_ request: Message, channel: Channel) {
        switch request.msgType {
        case "interrupt_request":
            interrupt()
            reply(request, ["status": "ok"], on: channel)
        case "shutdown_request":
            let restart = request.content["restart"]?.bool ?? false
            let content: JSONObject = ["status": "ok", "restart": .bool(restart)]
            reply(request, content, on: channel)
            publish("shutdown_reply", content, parent: request)
            beginShutdown(restart: restart)
        case "kernel_info_request":
            reply(request, kernelInfoContent, on: channel)
        default:
            // debug_request, usage_request, …: not supported; logged, like ipykernel's unknown types.
            log("unsupported control message \(request.msgType)")
        }
    }

    private func beginShutdown(restart: Bool) {
        let first = shutdownLock.withLock { () -> Bool in
            defer { shuttingDown = true }
            return !shuttingDown
        }
        guard first else { return }
        interpreter.interrupt()
        queue.close()
        onShutdown?(restart)
    }

    var kernelInfoContent: JSONObject {
        let info = interpreter.kernelInfo
        return ["status": "ok", "protocol_version": .string(MessageHeader.protocolVersion),
                "implementation": .string(info.implementation), "implementation_version": .string(info.implementationVersion),
                "language_info": .object(info.language.dictionary), "banner": .string(info.banner),
                "help_links": .array(info.helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }), "debugger": false]
    }
}
