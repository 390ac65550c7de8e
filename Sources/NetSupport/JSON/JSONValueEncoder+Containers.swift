/// The containers of `JSONValueEncoder`. Every typed `encode` goes through the one
/// generic `encode<T>`, which writes scalars directly.
struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { encoder.node.set(key.stringValue, .value(.null)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.node.set(key.stringValue, try encoder.item(value, path: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        child(key).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { child(nil) }
    mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }

    private func child(_ key: Key?) -> ValueEncoder {
        let node = EncodedNode()
        encoder.node.set(key?.stringValue ?? "super", .node(node))
        return ValueEncoder(node, path: codingPath + (key.map { [$0] } ?? []), options: encoder.options)
    }
}

struct UnkeyedEncoder: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    private(set) var count = 0

    init(encoder: ValueEncoder) { self.encoder = encoder }

    mutating func encodeNil() throws {
        encoder.node.append(.value(.null))
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node.append(try encoder.item(value, path: codingPath + [JSONIndexKey(count)]))
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { child().unkeyedContainer() }

    mutating func superEncoder() -> Encoder { child() }

    private mutating func child() -> ValueEncoder {
        let node = EncodedNode()
        encoder.node.append(.node(node))
        count += 1
        return ValueEncoder(node, path: codingPath + [JSONIndexKey(count - 1)], options: encoder.options)
    }
}

struct SingleEncoder: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node.kind = .single(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.box(value, into: encoder.node)
    }
}
