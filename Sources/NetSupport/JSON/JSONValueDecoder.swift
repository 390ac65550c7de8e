/// Decodes a `Decodable` type from a `JSONValue` already read (by `JSONReader`, whose
/// reading can be interrupted), with the errors Foundation's JSONDecoder gives:
/// `DecodingError` with the coding path of the field (`network.layers[0].activation`).
///
///     let value = try JSONReader.read(bytes, check: { try Interruption.check() })
///     let file = try JSONValueDecoder().decode(SessionFile.self, from: value)
///
/// A whole number is read as an integer type when it fits (3, 3.0, 3e0); with
/// `nonConformingFloats` set, the strings it names are read as ±infinity and NaN.
public struct JSONValueDecoder {
    public struct NonConformingFloats: Sendable {
        public var positiveInfinity: String, negativeInfinity: String, nan: String
        public init(positiveInfinity: String, negativeInfinity: String, nan: String) {
            (self.positiveInfinity, self.negativeInfinity, self.nan) = (positiveInfinity, negativeInfinity, nan)
        }
    }

    public var nonConformingFloats: NonConformingFloats?

    public init(nonConformingFloats: NonConformingFloats? = nil) {
        self.nonConformingFloats = nonConformingFloats
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try ValueDecoder(value, path: [], options: self).unbox(value, as: T.self, path: [])
    }
}

/// The decoder handed to a type's `init(from:)`: one value and where it is.
final class ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [CodingKey]
    let options: JSONValueDecoder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, path: [CodingKey], options: JSONValueDecoder) {
        self.value = value
        self.codingPath = path
        self.options = options
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(object, decoder: self))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, value, codingPath) }
        return UnkeyedValueContainer(items, decoder: self)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    /// `value` as a `T`: scalars directly, anything else through its `init(from:)`.
    func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, path: [CodingKey]) throws -> T {
        if let scalar = T.self as? JSONScalar.Type {
            return try scalar.init(json: value, path: path, options: options) as! T
        }
        if let direct = T.self as? JSONValueDecodable.Type {
            return try direct.init(jsonValue: value, using: options, codingPath: path) as! T
        }
        return try T(from: ValueDecoder(value, path: path, options: options))
    }

    func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(value.kindName) instead."))
    }
}

/// Types read from one JSON scalar without a nested decoder (numbers, strings, booleans).
protocol JSONScalar {
    init(json: JSONValue, path: [CodingKey], options: JSONValueDecoder) throws
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [CodingKey]) -> DecodingError {
    if value == .null {
        return .valueNotFound(type, .init(codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
    }
    return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(value.kindName) instead."))
}

extension String: JSONScalar {
    init(json: JSONValue, path: [CodingKey], options: JSONValueDecoder) throws {
        guard case .string(let s) = json else { throw mismatch(String.self, json, path) }
        self = s
    }
}

extension Bool: JSONScalar {
    init(json: JSONValue, path: [CodingKey], options: JSONValueDecoder) throws {
        guard case .bool(let b) = json else { throw mismatch(Bool.self, json, path) }
        self = b
    }
}

extension Double: JSONScalar {
    init(json: JSONValue, path: [CodingKey], options: JSONValueDecoder) throws {
        if let x = json.double { self = x; return }
        if case .string(let s) = json, let names = options.nonConformingFloats {
            switch s {
            case names.positiveInfinity: self = .infinity; return
            case names.negativeInfinity: self = -.infinity; return
            case names.nan: self = .nan; return
            default: break
            }
        }
        throw mismatch(Double.self, json, path)
    }
}

extension Float: JSONScalar {
    init(json: JSONValue, path: [CodingKey], options: JSONValueDecoder) throws {
        self = Float(try Double(json: json, path: path, options: options))
    }
}

/// Every integer type: a whole number that fits, else the error JSONDecoder gives.
protocol JSONInteger: JSONScalar, FixedWidthInteger {}

extension JSONInteger {
    init(json: JSONValue, path: [CodingKey], options: JSONValueDecoder) throws {
        let fitted: Self?
        switch json {
        case .integer(let i): fitted = Self(exactly: i)
        case .number(let x): fitted = x.isFinite ? Self(exactly: x) : nil
        default: throw mismatch(Self.self, json, path)
        }
        guard let fitted else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "Parsed JSON number <\(json.integerText)> does not fit in \(Self.self)."))
        }
        self = fitted
    }
}

extension Int: JSONInteger {}
extension Int8: JSONInteger {}
extension Int16: JSONInteger {}
extension Int32: JSONInteger {}
extension Int64: JSONInteger {}
extension UInt: JSONInteger {}
extension UInt8: JSONInteger {}
extension UInt16: JSONInteger {}
extension UInt32: JSONInteger {}
extension UInt64: JSONInteger {}

extension JSONValue {
    /// A number as it is usually written: 3, 2.5, 1e+308.
    var integerText: String {
        switch self {
        case .integer(let i): return String(i)
        case .number(let x): return "\(x)"
        default: return kindName
        }
    }
}

struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.unbox(decoder.value, as: T.self, path: codingPath)
    }
}
