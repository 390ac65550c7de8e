import CZeroMQ
import FoundationEssentials

/// A thin owner of one libzmq socket: options, bind, multipart send and receive.
/// Like every ZeroMQ socket it belongs to one thread at a time.
///
///     let socket = try ZMQSocket(context: ctx, type: ZMQ_ROUTER)
///     try socket.bind("tcp://127.0.0.1:5555")
///     let frames = socket.receiveMultipart()
final class ZMQSocket {
    let handle: UnsafeMutableRawPointer

    init(context: UnsafeMutableRawPointer, type: Int32) throws {
        guard let handle = zmq_socket(context, type) else { throw KernelError.zmq(Self.lastError("zmq_socket")) }
        self.handle = handle
    }

    static func lastError(_ call: String) -> String {
        "\(call): \(String(cString: zmq_strerror(zmq_errno())))"
    }

    func set(_ option: Int32, _ value: Int32) {
        var v = value
        zmq_setsockopt(handle, option, &v, MemoryLayout<Int32>.size)
    }

    func set(_ option: Int32, bytes: Data) {
        _ = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, bytes.count) }
    }

    func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw KernelError.zmq(Self.lastError("bind \(endpoint)")) }
    }

    func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw KernelError.zmq(Self.lastError("connect \(endpoint)")) }
    }

    /// Sends all frames as one message. False if it could not be queued.
    @discardableResult
    func sendMultipart(_ frames: [Data]) -> Bool {
        trySend(frames, wait: true) == .sent
    }

    enum SendOutcome: Equatable {
        case sent
        /// EAGAIN: a high-water mark is reached (at once, or after ZMQ_SNDTIMEO); nothing was sent.
        case full
        case failed
    }

    /// Sends all frames as one message, waiting (up to ZMQ_SNDTIMEO) only if `wait`.
    /// ZeroMQ checks the high-water mark on the first frame only, so `.full` means none went out.
    func trySend(_ frames: [Data], wait: Bool) -> SendOutcome {
        for (i, frame) in frames.enumerated() {
            var flags: Int32 = i < frames.count - 1 ? ZMQ_SNDMORE : 0
            if !wait { flags |= ZMQ_DONTWAIT }
            while true {
                let rc = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, frame.count, flags) }
                if rc >= 0 { break }
                switch zmq_errno() {
                case EINTR: continue
                case EAGAIN where i == 0: return .full
                default: return .failed
                }
            }
        }
        return .sent
    }

    /// The frames of the next message; nil when none is waiting (with `wait: false`)
    /// or the socket failed.
    func receiveMultipart(wait: Bool = true) -> [Data]? {
        var frames: [Data] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            let rc = zmq_msg_recv(&message, handle, wait || !frames.isEmpty ? 0 : ZMQ_DONTWAIT)
            if rc < 0 {
                if zmq_errno() == EINTR { continue }
                return nil
            }
            let size = zmq_msg_size(&message)
            if let data = zmq_msg_data(&message), size > 0 {
                frames.append(Data(bytes: data, count: size))
            } else {
                frames.append(Data())
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    func close(linger: Int32) {
        set(ZMQ_LINGER, linger)
        zmq_close(handle)
    }
}
