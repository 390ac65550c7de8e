import FoundationEssentials

/// Parses JSON into the `[String: Any]` trees messages are made of: String, Bool, Int
/// (an integer literal that fits), Double (any other number), `[Any]`, `[String: Any]`
/// and `JSONNull.value`.
///
///     JSONReader.object(Data(#"{"a":[1,0.5,true,null]}"#.utf8))   // ["a": [1, 0.5, true, nil]]
///     JSONReader.object(Data("{nope".utf8))                        // nil
///
/// FoundationEssentials' `JSONDecoder` does the parsing (strict RFC 8259, nesting limit,
/// no crash on bad input); `JSONSerialization`, which built these trees before, is only in
/// the full Foundation, which costs a kernel 2.7 MB of memory at idle.
enum JSONReader {
    /// A JSON object, or nil when the bytes are not one (bad JSON, or an array, string…).
    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONDecoder().decode(JSONTree.self, from: data))?.value as? [String: Any]
    }
}

/// Any JSON value, decoded into plain Swift values (`value`).
struct JSONTree: Decodable {
    let value: Any

    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        // Most common first (header and content values are mostly strings); each miss
        // is a thrown type mismatch, so the containers, which need every other try to
        // fail, come last.
        if single.decodeNil() {
            value = JSONNull.value
        } else if let s = try? single.decode(String.self) {
            value = s
        } else if let b = try? single.decode(Bool.self) {
            value = b
        } else if let i = try? single.decode(Int.self) {
            value = i
        } else if let x = try? single.decode(Double.self) {
            value = x
        } else if let array = try? single.decode([JSONTree].self) {
            value = array.map(\.value)
        } else {
            value = try single.decode([String: JSONTree].self).mapValues(\.value)
        }
    }
}
