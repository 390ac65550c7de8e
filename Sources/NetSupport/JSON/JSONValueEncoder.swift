/// Encodes an `Encodable` value as a `JSONValue`, which `JSONWriter` then streams to a
/// file with interrupt checks (Foundation's JSONEncoder writes its whole text in one step
/// that cannot be stopped: 0.4 s for 2 million numbers).
///
///     let value = try JSONValueEncoder(sortedKeys: true).encode(file)
///
/// The structure is what JSONEncoder gives for the same type (synthesized conformances
/// leave out nil optionals); `sortedKeys` orders each object's keys as JSONEncoder's
/// `.sortedKeys` did; with `nonConformingFloats`, ±infinity and NaN become those strings,
/// else they are an `EncodingError`.
public struct JSONValueEncoder {
    public var sortedKeys: Bool
    public var nonConformingFloats: JSONValueDecoder.NonConformingFloats?

    public init(sortedKeys: Bool = false, nonConformingFloats: JSONValueDecoder.NonConformingFloats? = nil) {
        self.sortedKeys = sortedKeys
        self.nonConformingFloats = nonConformingFloats
    }

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = EncodedNode()
        try ValueEncoder(node, path: [], options: self).box(value, into: node)
        return node.value(sortedKeys: sortedKeys)
    }

    /// The order of JSONEncoder's `.sortedKeys` (on Linux): by UTF-8 bytes, so "B" < "a"
    /// and "x10" < "x9".
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// What a container wrote: one value, an object's members or an array's items. Scalars go
/// in as values; nested containers as nodes, finished into values at the end.
final class EncodedNode {
    enum Item { case value(JSONValue), node(EncodedNode) }
    enum Kind { case empty, single(JSONValue), object([String], [String: Item]), array([Item]) }
    var kind = Kind.empty

    func value(sortedKeys: Bool) -> JSONValue {
        switch kind {
        case .empty: return .object(JSONObject())
        case .single(let v): return v
        case .object(let keys, let members):
            let order = sortedKeys ? keys.sorted(by: JSONValueEncoder.precedes) : keys
            var object = JSONObject()
            for key in order { object[key] = Self.value(members[key]!, sortedKeys: sortedKeys) }
            return .object(object)
        case .array(let items):
            return .array(items.map { Self.value($0, sortedKeys: sortedKeys) })
        }
    }

    private static func value(_ item: Item, sortedKeys: Bool) -> JSONValue {
        switch item {
        case .value(let v): return v
        case .node(let n): return n.value(sortedKeys: sortedKeys)
        }
    }

    func set(_ key: String, _ item: Item) {
        guard case .object(var keys, var members) = kind else { kind = .object([key], [key: item]); return }
        kind = .empty   // the arrays are uniquely referenced while they grow
        if members.updateValue(item, forKey: key) == nil { keys.append(key) }
        kind = .object(keys, members)
    }

    func append(_ item: Item) {
        guard case .array(var items) = kind else { kind = .array([item]); return }
        kind = .empty
        items.append(item)
        kind = .array(items)
    }
}

final class ValueEncoder: Encoder {
    let node: EncodedNode
    let codingPath: [CodingKey]
    let options: JSONValueEncoder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ node: EncodedNode, path: [CodingKey], options: JSONValueEncoder) {
        self.node = node
        self.codingPath = path
        self.options = options
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([], [:]) }
        return KeyedEncodingContainer(KeyedEncoder<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return UnkeyedEncoder(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleEncoder(encoder: self) }

    /// `value` as an item: scalars directly, anything else through its `encode(to:)`.
    func item<T: Encodable>(_ value: T, path: [CodingKey]) throws -> EncodedNode.Item {
        switch value {
        case let x as Double: return .value(try options.number(x, codingPath: path))
        case let s as String: return .value(.string(s))
        case let b as Bool: return .value(.bool(b))
        case let direct as JSONValueEncodable: return .value(try direct.jsonValue(using: options))
        case let x as Float: return .value(try options.number(Double(x), codingPath: path))
        case let i as Int: return .value(.integer(i))
        case let i as any FixedWidthInteger:
            return .value(Int(exactly: i).map(JSONValue.integer) ?? .number(Double(i)))
        default:
            let child = EncodedNode()
            try value.encode(to: ValueEncoder(child, path: path, options: options))
            return .node(child)
        }
    }

    func box<T: Encodable>(_ value: T, into node: EncodedNode) throws {
        switch try item(value, path: codingPath) {
        case .value(let v): node.kind = .single(v)
        case .node(let n): node.kind = n.kind
        }
    }
}
