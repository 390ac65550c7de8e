/// The keyed (object) and unkeyed (array) containers of `JSONValueDecoder`. Every typed
/// `decode` goes through the one generic `decode<T>`, which reads scalars directly.
struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let decoder: ValueDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    init(_ object: JSONObject, decoder: ValueDecoder) {
        self.object = object
        self.decoder = decoder
    }

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                                                       debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.unbox(try member(key), as: T.self, path: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(try member(key), path: codingPath + [key], options: decoder.options).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try ValueDecoder(try member(key), path: codingPath + [key], options: decoder.options).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        ValueDecoder(object["super"] ?? .null, path: codingPath, options: decoder.options)
    }

    func superDecoder(forKey key: Key) throws -> Decoder {
        ValueDecoder(object[key.stringValue] ?? .null, path: codingPath + [key], options: decoder.options)
    }
}

struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: ValueDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(_ items: [JSONValue], decoder: ValueDecoder) {
        self.items = items
        self.decoder = decoder
    }

    private func current<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [JSONIndexKey(currentIndex)],
                                                          debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Never.self) == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decoder.unbox(try current(T.self), as: T.self, path: codingPath + [JSONIndexKey(currentIndex)])
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try ValueDecoder(try current(JSONObject.self), path: codingPath + [JSONIndexKey(currentIndex)],
                                         options: decoder.options).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let container = try ValueDecoder(try current([JSONValue].self), path: codingPath + [JSONIndexKey(currentIndex)],
                                         options: decoder.options).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> Decoder {
        let sub = ValueDecoder(try current(JSONValue.self), path: codingPath + [JSONIndexKey(currentIndex)], options: decoder.options)
        currentIndex += 1
        return sub
    }
}
