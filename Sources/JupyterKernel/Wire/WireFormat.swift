import NetSupport
import FoundationEssentials

/// Jupyter's wire format over ZeroMQ:
/// `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…]`.
///
///     let frames = wire.frames(for: message)
///     let back = try wire.message(from: frames)     // checks shape and signature
public struct WireFormat {
    public static let delimiter = Data("<IDS|MSG>".utf8)
    public let signer: MessageSigner

    public init(signer: MessageSigner) { self.signer = signer }

    /// Why an incoming message was refused (it is logged, never executed).
    public enum Failure: Error, CustomStringConvertible {
        case missingDelimiter
        case tooFewFrames(Int)
        case signature(MessageSigner.Failure)
        case badJSON(String)
        case missingHeaderField(String)
        public var description: String {
            switch self {
            case .missingDelimiter: return "no <IDS|MSG> delimiter"
            case .tooFewFrames(let n): return "\(n) frames after the delimiter, need at least 5"
            case .signature(let f): return f.description
            case .badJSON(let part): return "\(part) is not a JSON object"
            case .missingHeaderField(let f): return "header has no '\(f)'"
            }
        }
    }

    public func frames(for message: Message) -> [Data] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content].map { Data(JSONWriter.bytes(.object($0))) }
        return message.identities + [Self.delimiter, Data(signer.signature(for: parts).utf8)] + parts + message.buffers
    }

    public func message(from frames: [Data]) throws -> Message {
        guard let d = frames.firstIndex(of: Self.delimiter) else { throw Failure.missingDelimiter }
        let rest = frames.count - d - 1
        guard rest >= 5 else { throw Failure.tooFewFrames(rest) }
        let parts = Array(frames[(d + 2)...(d + 5)])
        do { try signer.verify(frames[d + 1], parts: parts) } catch let f as MessageSigner.Failure {
            throw Failure.signature(f)
        }
        let names = ["header", "parent_header", "metadata", "content"]
        var objects: [JSONObject] = []
        for (name, part) in zip(names, parts) {
            guard let object = Self.object(part) else { throw Failure.badJSON(name) }
            objects.append(object)
        }
        try Self.checkHeader(objects[0])
        return Message(identities: Array(frames[..<d]), header: objects[0], parentHeader: objects[1],
                       metadata: objects[2], content: objects[3], buffers: Array(frames[(d + 6)...]))
    }

    /// A JSON object, or nil when the bytes are not one (bad JSON, an array, a string…).
    static func object(_ bytes: Data) -> JSONObject? {
        (try? bytes.withUnsafeBytes { try JSONReader.read($0) })?.object
    }

    static func checkHeader(_ header: JSONObject) throws {
        for field in MessageHeader.requiredFields where header[field]?.string.map({ !$0.isEmpty }) != true {
            throw Failure.missingHeaderField(field)
        }
    }
}
