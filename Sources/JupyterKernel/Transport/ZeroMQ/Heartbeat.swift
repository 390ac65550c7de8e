import CZeroMQ
import FoundationEssentials

/// The heartbeat: a REP socket that echoes every ping, on its own thread and its own
/// ZeroMQ context, so it answers while a cell computes and never delays shutdown.
final class Heartbeat {
    private let context: UnsafeMutableRawPointer
    private let socket: ZMQSocket

    init(endpoint: String) throws {
        guard let context = zmq_ctx_new() else { throw KernelError.zmq("zmq_ctx_new") }
        self.context = context
        socket = try ZMQSocket(context: context, type: ZMQ_REP)
        socket.set(ZMQ_LINGER, 0)
        try socket.bind(endpoint)
    }

    func start() {
        KernelThread.start(name: "kernel-heartbeat") { [socket] in
            while let frames = socket.receiveMultipart() { socket.sendMultipart(frames) }
        }
    }
}
