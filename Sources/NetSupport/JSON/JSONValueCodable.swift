/// Types that turn themselves into a `JSONValue` and back directly, skipping the Codable
/// containers: a tensor's million numbers go through one loop instead of a million
/// generic calls (a session of 2M numbers took 15 s to save in a debug build the Codable
/// way, against 3 s for Foundation's compiled JSONEncoder). `JSONValueEncoder` and
/// `JSONValueDecoder` use these conformances wherever such a type appears in a value.
public protocol JSONValueEncodable: Encodable {
    func jsonValue(using encoder: JSONValueEncoder) throws -> JSONValue
}

public protocol JSONValueDecodable: Decodable {
    /// `codingPath` is where the value is, for the errors (DecodingError) it throws.
    init(jsonValue: JSONValue, using decoder: JSONValueDecoder, codingPath: [CodingKey]) throws
}

extension JSONValueEncoder {
    /// A Double as JSON: a number, or for ±infinity and NaN the string named for it
    /// (`nonConformingFloats`); without names those are an `EncodingError`.
    public func number(_ x: Double, codingPath: [CodingKey] = []) throws -> JSONValue {
        if x.isFinite { return .number(x) }
        guard let names = nonConformingFloats else {
            throw EncodingError.invalidValue(x, .init(codingPath: codingPath, debugDescription: "Unable to encode Double.\(x) directly in JSON."))
        }
        return .string(x.isNaN ? names.nan : x > 0 ? names.positiveInfinity : names.negativeInfinity)
    }
}

extension JSONValueDecoder {
    /// `value` as a `T` at `codingPath` (errors name that path).
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [CodingKey]) throws -> T {
        try ValueDecoder(value, path: codingPath, options: self).unbox(value, as: T.self, path: codingPath)
    }

    /// A number, or a string `nonConformingFloats` names; nil for anything else (decode
    /// `Double.self` then, for the error).
    public func double(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let x): return x
        case .integer(let i): return Double(i)
        case .string(let s):
            guard let names = nonConformingFloats else { return nil }
            return s == names.positiveInfinity ? .infinity : s == names.negativeInfinity ? -.infinity : s == names.nan ? .nan : nil
        default: return nil
        }
    }
}

/// The coding key of an array element: its index (`data[5]`).
public struct JSONIndexKey: CodingKey {
    public var intValue: Int?
    public var stringValue: String { "Index \(intValue ?? 0)" }
    public init(_ index: Int) { intValue = index }
    public init?(intValue: Int) { self.intValue = intValue }
    public init?(stringValue: String) { nil }
}

/// The coding key of an object member.
public struct JSONMemberKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
