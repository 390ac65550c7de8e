import Foundation

/// Foundation JSON with the two guards a kernel needs: a value JSON cannot carry
/// (NaN, infinity, an arbitrary object) becomes null instead of stopping the process,
/// and bad input is a thrown error, never a crash.
enum JSONCoding {
    static func encode(_ object: [String: Any]) -> Data {
        let safe = JSONSerialization.isValidJSONObject(object) ? object : (sanitize(object) as? [String: Any] ?? [:])
        return (try? JSONSerialization.data(withJSONObject: safe, options: [.withoutEscapingSlashes])) ?? Data("{}".utf8)
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
        case let n as NSNumber: return n.doubleValue.isFinite ? n : NSNull()
        case is NSNull: return NSNull()
        default: return "\(value)"
        }
    }
}
