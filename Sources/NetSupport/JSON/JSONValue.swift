
/// One JSON value: what every module reads and writes (kernel messages, session files,
/// notebooks, MIME bundles), instead of `[String: Any]` trees and Foundation's coders.
///
///     let reply: JSONValue = ["status": "ok", "execution_count": .integer(3), "payload": []]
///     reply["status"]?.string                          // "ok"
///     String(decoding: JSONWriter.bytes(reply), as: UTF8.self)
///     // {"status":"ok","execution_count":3,"payload":[]}
///
/// Numbers are `.number(Double)`, except integer literals that fit an `Int`, which are
/// `.integer` so that counts and step numbers near 2^63 keep every digit; `double` reads
/// either. There is one null, `.null`. Objects keep their keys in order (`JSONObject`).
public enum JSONValue: Equatable, Sendable {
    indirect case object(JSONObject)   // boxed: keeps a value at 17 bytes (an array of 2M numbers is 48 MB)
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    public var object: JSONObject? { if case .object(let o) = self { return o }; return nil }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var isNull: Bool { self == .null }

    /// Any number as a Double (an `.integer` beyond 2^53 is rounded).
    public var double: Double? {
        switch self {
        case .number(let x): return x
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    /// A number that is a whole `Int` (`.integer`, or a `.number` such as 3.0 or 1e3).
    public var int: Int? {
        switch self {
        case .integer(let i): return i
        case .number(let x): return Int(exactly: x)
        default: return nil
        }
    }

    /// A member of an object (nil for a missing key or a value that is not an object).
    public subscript(key: String) -> JSONValue? {
        object?[key]
    }

    /// An element of an array (nil out of range or for a value that is not an array).
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// What kind of value this is, for messages ("expected a string, found an array").
    public var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number, .integer: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A JSON object: members in the order they were added or read (so that a message or a
/// notebook is written back as it came), with an index for lookups by key. A key added
/// again replaces the value in its first place (a file with a duplicate key reads as the
/// last value, as most JSON readers do).
public struct JSONObject: Equatable, Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []
    private var index: [String: Int] = [:]

    public init() {}

    public init(_ members: [(String, JSONValue)]) {
        keys.reserveCapacity(members.count)
        values.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { index[key].map { values[$0] } }
        set {
            if let i = index[key] {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                index[key] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    private mutating func remove(at i: Int) {
        index[keys[i]] = nil
        keys.remove(at: i)
        values.remove(at: i)
        for j in i..<keys.count { index[keys[j]] = j }
    }

    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    /// The members with keys in Unicode order (for files that are compared or diffed).
    public func sortedByKey() -> JSONObject {
        JSONObject(zip(keys, values).sorted { $0.0 < $1.0 })
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
                     ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
                     ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}

extension JSONValue {
    /// A string, or null for nil: `.init(optional)` for optional fields of messages.
    public init(_ string: String?) { self = string.map(JSONValue.string) ?? .null }
    /// An array of strings.
    public init(_ strings: [String]) { self = .array(strings.map(JSONValue.string)) }
}
