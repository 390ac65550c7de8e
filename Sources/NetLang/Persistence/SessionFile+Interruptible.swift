import NetCore
import NetSupport

/// A tensor's numbers written and read one by one with an interrupt check every
/// `numbersPerCheck` of them, so that `save` and `restore` of a large session stop within
/// ~100 ms of an interrupt (Interruption.swift).
///
/// Why here: most of the time of `save` and `restore` goes into turning numbers into JSON
/// values and back, and JSONValueEncoder and JSONValueDecoder call these conversions for
/// every tensor of the file (one loop per tensor, not a generic call per number); the
/// text itself is written and read with checks too (JSONWriter, JSONReader). The file
/// format is the one the synthesized conformance gave: `{"data": [...], "shape": [rows,
/// cols]}`, and a damaged number is still reported with its coding path
/// (`nodes[0].value.data[5]`).
extension SessionFile.TensorRecord: JSONValueEncodable, JSONValueDecodable {
    /// About a millisecond of JSON coding in a debug build.
    static let numbersPerCheck = 1 << 12

    private enum CodingKeys: String, CodingKey { case shape, data }

    func jsonValue(using encoder: JSONValueEncoder) throws -> JSONValue {
        var numbers: [JSONValue] = []
        numbers.reserveCapacity(data.count)
        for (i, value) in data.enumerated() {
            try Interruption.check(item: i, every: Self.numbersPerCheck)
            numbers.append(value.isFinite ? .number(value) : try encoder.number(value))
        }
        // The keys in the order the sorted encoder gives them.
        return ["data": .array(numbers), "shape": .array(shape.map(JSONValue.integer))]
    }

    init(jsonValue: JSONValue, using decoder: JSONValueDecoder, codingPath: [CodingKey]) throws {
        guard case .object(let members) = jsonValue else {
            throw DecodingError.typeMismatch(Self.self, .init(codingPath: codingPath,
                                                              debugDescription: "Expected to decode a tensor but found \(jsonValue.kindName) instead."))
        }
        func member(_ key: CodingKeys) throws -> JSONValue {
            guard let value = members[key.rawValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.rawValue)."))
            }
            return value
        }
        let shape = try decoder.decode([Int].self, from: try member(.shape), codingPath: codingPath + [CodingKeys.shape])
        guard case .array(let numbers) = try member(.data) else {
            throw DecodingError.typeMismatch([Double].self, .init(codingPath: codingPath + [CodingKeys.data],
                                                                  debugDescription: "Expected to decode Array<Double> but found \(try member(.data).kindName) instead."))
        }
        var data: [Double] = []
        data.reserveCapacity(numbers.count)
        for (i, item) in numbers.enumerated() {
            try Interruption.check(item: i, every: Self.numbersPerCheck)
            guard let x = decoder.double(item) else {
                // The error the decoder gives for this value, at its place.
                _ = try decoder.decode(Double.self, from: item, codingPath: codingPath + [CodingKeys.data, JSONIndexKey(i)])
                continue
            }
            data.append(x)
        }
        self.init(shape: shape, data: data)
    }

    // The Codable conformance (for any other coder) writes the same structure.

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shape, forKey: .shape)
        var numbers = container.nestedUnkeyedContainer(forKey: .data)
        for (i, value) in data.enumerated() {
            try Interruption.check(item: i, every: Self.numbersPerCheck)
            try numbers.encode(value)
        }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode([Int].self, forKey: .shape)
        var numbers = try container.nestedUnkeyedContainer(forKey: .data)
        var data: [Double] = []
        // The count comes from the file: a reservation no larger than what the file holds.
        if let count = numbers.count { data.reserveCapacity(count) }
        while !numbers.isAtEnd {
            try Interruption.check(item: data.count, every: Self.numbersPerCheck)
            data.append(try numbers.decode(Double.self))
        }
        self.init(shape: shape, data: data)
    }
}
