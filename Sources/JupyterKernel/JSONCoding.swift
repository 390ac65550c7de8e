import FoundationEssentials

/// JSON in and out of messages with the two guards a kernel needs: a value JSON cannot
/// carry (NaN, infinity, an arbitrary object) becomes null or text instead of stopping
/// the process (`JSONWriter`), and bad input is nil, never a crash (`JSONReader`).
enum JSONCoding {
    static func encode(_ object: [String: Any]) -> Data {
        JSONWriter.data(object)
    }

    static func encodeLine(_ object: [String: Any]) -> Data {
        var data = encode(object)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A JSON object, or nil when the bytes are not one.
    static func decodeObject(_ data: Data) -> [String: Any]? {
        JSONReader.object(data)
    }
}
