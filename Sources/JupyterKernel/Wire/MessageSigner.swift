import Crypto
import FoundationEssentials
import NetSupport

/// Signs outgoing messages and checks incoming ones with HMAC-SHA256 over the four JSON
/// parts; an empty key means no signing (and no checking), as the spec says.
///
///     let signer = MessageSigner(key: "a0436f6c-1916-498b-8eb9-e81ab9368e84")
///     let signature = signer.signature(for: parts)     // lower-case hex
///     try signer.verify(signature, parts: parts)       // throws on a bad or replayed signature
public final class MessageSigner {
    private let key: SymmetricKey?
    /// Signatures already accepted: a replayed message is refused (bounded memory).
    private var seen = Set<String>()
    /// The accepted signatures in arrival order, a ring: the oldest is forgotten first.
    private var seenOrder: [String] = []
    private var nextSlot = 0
    private let seenLimit: Int
    private let lock = Lock()

    public init(key: String, seenLimit: Int = 100_000) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
        self.seenLimit = seenLimit
    }

    public var isSigning: Bool { key != nil }

    /// The hex HMAC of header, parent header, metadata and content (empty when unsigned).
    public func signature(for parts: [Data]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: key)
        for part in parts { hmac.update(data: part) }
        return Self.hex(Data(hmac.finalize()))
    }

    public enum Failure: Error, CustomStringConvertible {
        case badSignature, replayed
        public var description: String {
            self == .badSignature ? "signature does not match" : "signature already seen (replayed message)"
        }
    }

    /// Accepts a signature once: it must be the HMAC of `parts` and never seen before.
    public func verify(_ signature: Data, parts: [Data]) throws {
        guard let key else { return }
        // 64 hex digits for SHA-256: anything else cannot match; checked before decoding.
        guard signature.count == SHA256.byteCount * 2, let digest = Self.bytes(fromHex: signature) else {
            throw Failure.badSignature
        }
        // Crypto's isValidAuthenticationCode compares in constant time.
        guard HMAC<SHA256>.isValidAuthenticationCode(digest, authenticating: parts.reduce(into: Data(), { $0.append($1) }),
                                                     using: key) else {
            throw Failure.badSignature
        }
        let text = String(decoding: signature, as: UTF8.self).lowercased()
        try lock.withLock {
            guard seen.insert(text).inserted else { throw Failure.replayed }
            if seenOrder.count < seenLimit {
                seenOrder.append(text)
            } else {
                seen.remove(seenOrder[nextSlot])
                seenOrder[nextSlot] = text
                nextSlot = (nextSlot + 1) % seenLimit
            }
        }
    }

    /// Lower-case hex digits (no String(format:): it pulls in locale machinery per byte).
    static func hex(_ bytes: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(fromHex hex: Data) -> Data? {
        var out = Data(capacity: hex.count / 2)
        var high: UInt8?
        for c in hex {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}
