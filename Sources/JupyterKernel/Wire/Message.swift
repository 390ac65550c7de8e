import NetSupport
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
    public var header: JSONObject
    public var parentHeader: JSONObject
    public var metadata: JSONObject
    public var content: JSONObject
    public var buffers: [Data]

    public init(identities: [Data] = [], header: JSONObject, parentHeader: JSONObject = [:],
                metadata: JSONObject = [:], content: JSONObject = [:], buffers: [Data] = []) {
        self.identities = identities; self.header = header; self.parentHeader = parentHeader
        self.metadata = metadata; self.content = content; self.buffers = buffers
    }

    /// A new message of `type` in `session`, answering `parent` (nil: no parent).
    public init(type: String, content: JSONObject, parent: Message?, session: KernelSessionID,
                identities: [Data]? = nil, metadata: JSONObject = [:]) {
        self.init(identities: identities ?? parent?.identities ?? [],
                  header: MessageHeader.make(type: type, session: session),
                  parentHeader: parent?.header ?? [:], metadata: metadata, content: content)
    }

    public var msgType: String { header["msg_type"]?.string ?? "" }
    public var msgID: String { header["msg_id"]?.string ?? "" }

    /// The message as one JSON object (the stdio transport's line; also handy in logs).
    public var jsonObject: JSONObject {
        ["header": .object(header), "parent_header": .object(parentHeader), "metadata": .object(metadata),
         "content": .object(content), "buffers": JSONValue(buffers.map { $0.base64EncodedString() })]
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

    static func make(type: String, session: KernelSessionID) -> JSONObject {
        ["msg_id": .string(messageID(session: session.session)), "msg_type": .string(type), "session": .string(session.session),
         "username": .string(session.username), "date": .string(isoDate()), "version": .string(protocolVersion)]
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
