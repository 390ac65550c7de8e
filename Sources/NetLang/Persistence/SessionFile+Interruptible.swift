import NetCore

/// A tensor's numbers written and read one by one with an interrupt check every
/// `numbersPerCheck` of them, so that `save` and `restore` of a large session stop within
/// ~100 ms of an interrupt (Interruption.swift).
///
/// Why here: nearly all of the time of `save` and `restore` goes into Foundation's
/// JSONEncoder and JSONDecoder turning numbers into their boxed JSON values and back
/// (about 70% and 60% of the whole statement for randn(2000, 1000)), and those call
/// these two functions. The file format is the one the synthesized conformance gave:
/// `{"data": [...], "shape": [rows, cols]}`, and a damaged number is still reported with
/// its coding path (`nodes[0].value.data[5]`).
extension SessionFile.TensorRecord {
    /// About a millisecond of JSON coding in a debug build.
    static let numbersPerCheck = 1 << 12

    private enum CodingKeys: String, CodingKey { case shape, data }

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
