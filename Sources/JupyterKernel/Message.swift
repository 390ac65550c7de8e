import FoundationEssentials
import Glibc
import Synchronization

/// One Jupyter message: routing identities, the four JSON dictionaries, binary buffers.
///
///     let reply = Message(replyTo: request, type: "kernel_info_reply", content: ["status": "ok"],
///                         session: session)
public struct Message: @unchecked Sendable {
    /// ZeroMQ routing identities (ROUTER sockets) or the iopub topic.
    public var identities: [Data]
    public var header: [String: Any]
    public var parentHeader: [String: Any]
    public var metadata: [String: Any]
    public var content: [String: Any]
    public var buffers: [Data]

    public init(identities: [Data] = [], header: [String: Any], parentHeader: [String: Any] = [:],
                metadata: [String: Any] = [:], content: [String: Any] = [:], buffers: [Data] = []) {
        self.identities = identities; self.header = header; self.parentHeader = parentHeader
        self.metadata = metadata; self.content = content; self.buffers = buffers
    }

    /// A new message of `type` in `session`, answering `parent` (nil: no parent).
    public init(type: String, content: [String: Any], parent: Message?, session: KernelSessionID,
                identities: [Data]? = nil, metadata: [String: Any] = [:]) {
        self.init(identities: identities ?? parent?.identities ?? [],
                  header: MessageHeader.make(type: type, session: session),
                  parentHeader: parent?.header ?? [:], metadata: metadata, content: content)
    }

    public var msgType: String { header["msg_type"] as? String ?? "" }
    public var msgID: String { header["msg_id"] as? String ?? "" }

    /// The message as one JSON object (the stdio transport's line; also handy in logs).
    public var jsonObject: [String: Any] {
        ["header": header, "parent_header": parentHeader, "metadata": metadata, "content": content,
         "buffers": buffers.map { $0.base64EncodedString() }]
    }
}

/// Who sends the kernel's messages: the session id and user name every header carries.
public struct KernelSessionID: Sendable {
    public var session: String
    public var username: String
    public init(session: String = UUID().uuidString.lowercased(), username: String = "kernel") {
        self.session = session; self.username = username
    }
}

/// Headers as spec 5.3 wants them: a fresh msg_id, an ISO 8601 date with time zone.
enum MessageHeader {
    static let protocolVersion = "5.3"

    static func make(type: String, session: KernelSessionID) -> [String: Any] {
        ["msg_id": messageID(session: session.session), "msg_type": type, "session": session.session,
         "username": session.username, "date": isoDate(), "version": protocolVersion]
    }

    /// "SESSION_N" with N counting up, as jupyter_client names its messages: unique for
    /// as long as the session, and cheap (a fresh UUID read /dev/urandom for every message,
    /// five times per trivial cell).
    static func messageID(session: String) -> String {
        "\(session)_\(sent.add(1, ordering: .relaxed).newValue)"
    }
    private static let sent = Atomic<Int>(0)

    /// "2026-11-22T21:50:00.123456Z": UTC with microseconds, as jupyter_client writes it.
    static func isoDate() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var seconds = ts.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(Int(parts.tm_year) + 1900, 4))-\(padded(Int(parts.tm_mon) + 1, 2))-\(padded(Int(parts.tm_mday), 2))"
            + "T\(padded(Int(parts.tm_hour), 2)):\(padded(Int(parts.tm_min), 2)):\(padded(Int(parts.tm_sec), 2))"
            + ".\(padded(Int(ts.tv_nsec / 1000), 6))Z"
    }

    /// The fields a header must have before the kernel acts on it.
    static let requiredFields = ["msg_id", "msg_type"]
}
