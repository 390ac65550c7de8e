import Foundation

/// A JSON value, built from the `[String: Any]` dictionaries messages are made of and
/// written by Foundation's `JSONEncoder` — three times faster than `JSONSerialization`
/// on Linux, which bridges every dictionary to NSDictionary first.
///
///     let data = try JSONEncoder().encode(JSONValue(["status": "ok", "count": 1]))
///
/// Anything JSON cannot carry becomes null (NaN, ±infinity) or its description (an
/// arbitrary object), so an interpreter's odd value never stops the kernel.
enum JSONValue: Encodable {
    case string(String), int(Int), double(Double), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    init(_ any: Any) {
        switch any {
        case let s as String: self = .string(s)
        case let d as [String: Any]: self = .object(d.mapValues(JSONValue.init))
        case let a as [Any]: self = .array(a.map(JSONValue.init))
        case let b as Bool where type(of: any) == Bool.self: self = .bool(b)
        case let i as Int where type(of: any) == Int.self: self = .int(i)
        case let x as Double where type(of: any) == Double.self: self = x.isFinite ? .double(x) : .null
        case let n as NSNumber:
            // Numbers parsed by JSONSerialization: booleans have type code "c".
            switch String(cString: n.objCType) {
            case "c": self = .bool(n.boolValue)
            case "d", "f": self = n.doubleValue.isFinite ? .double(n.doubleValue) : .null
            default: self = .int(n.intValue)
            }
        case is NSNull: self = .null
        case let f as Float: self = f.isFinite ? .double(Double(f)) : .null
        default: self = .string("\(any)")
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .int(let i): try container.encode(i)
        case .double(let x): try container.encode(x)
        case .bool(let b): try container.encode(b)
        case .null: try container.encodeNil()
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}
