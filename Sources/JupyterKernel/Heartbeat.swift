import CZeroMQ
import Foundation

/// The heartbeat: a REP socket that echoes every ping on its own thread, so it answers
/// while a cell computes. It shares the server's ZeroMQ context (one I/O thread and one
/// reaper for all sockets, instead of two more threads with a context of its own): when
/// the server terminates the context, the blocked receive fails with ETERM and the thread
/// closes its socket, which lets the termination finish.
final class Heartbeat {
    private let socket: ZMQSocket

    init(context: UnsafeMutableRawPointer, endpoint: String) throws {
        socket = try ZMQSocket(context: context, type: ZMQ_REP)
        socket.set(ZMQ_LINGER, 0)
        try socket.bind(endpoint)
    }

    func start() {
        let thread = Thread { [socket] in
            while let frames = socket.receiveMultipart() { socket.sendMultipart(frames) }
            socket.close(linger: 0)
        }
        thread.name = "kernel-heartbeat"
        thread.start()
    }
}
