import Foundation

/// Foundation JSON with the two guards a kernel needs: a value JSON cannot carry
/// (NaN, infinity, an arbitrary object) becomes null or text instead of stopping the
/// process (`JSONValue`), and bad input is nil, never a crash.
enum JSONCoding {
    static func encode(_ object: [String: Any]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(JSONValue(object))) ?? Data("{}".utf8)
    }

    static func encodeLine(_ object: [String: Any]) -> Data {
        var data = encode(object)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A JSON object, or nil when the bytes are not one.
    static func decodeObject(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
