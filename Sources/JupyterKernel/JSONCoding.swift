import Foundation

/// Foundation JSON with the two guards a kernel needs: a value JSON cannot carry
/// (NaN, infinity, an arbitrary object) becomes null instead of stopping the process,
/// and bad input is a thrown error, never a crash.
///
/// What the kernel builds itself, and what it parsed from JSON, is valid by construction;
/// what an interpreter hands over (MIME bundles, metadata) goes through `sanitize` where it
/// enters (ExecutionContext, inspect, user expressions). Checking every outgoing message
/// again cost a quarter of a cell's time (`isValidJSONObject` bridges each dictionary).
enum JSONCoding {
    static func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    /// An interpreter's dictionary, made safe to encode.
    static func sanitized(_ object: [String: Any]) -> [String: Any] {
        object.mapValues(sanitize)
    }

    static func encodeLine(_ object: [String: Any]) -> Data {
        var data = encode(object)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A JSON object, or nil when the bytes are not one.
    static func decodeObject(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Replaces what JSONSerialization refuses with null (NaN, ±inf, non-JSON types).
    static func sanitize(_ value: Any) -> Any {
        switch value {
        case let d as [String: Any]: return d.mapValues(sanitize)
        case let a as [Any]: return a.map(sanitize)
        case let s as String: return s
        case let b as Bool: return b
        case let i as Int: return i
        case let x as Double: return x.isFinite ? x : NSNull()
        case let x as Float: return x.isFinite ? Double(x) : NSNull()
        case let n as NSNumber: return n.doubleValue.isFinite ? n : NSNull()
        case is NSNull: return NSNull()
        default: return "\(value)"
        }
    }
}
