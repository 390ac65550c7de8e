/// JSON laid out for people and for diffs: the layout of the .ipynb files nb-run writes,
/// which is what Foundation's JSONSerialization wrote with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (the stored notebooks keep their bytes):
///
///     JSONWriter.prettyText(["b": [1, 2], "a": [:], "c": []])
///     // {
///     //   "a" : {
///     //
///     //   },
///     //   "b" : [
///     //     1,
///     //     2
///     //   ],
///     //   "c" : [
///     //
///     //   ]
///     // }
///
/// Two spaces per level, `"key" : value`, every member and element on its own line, an
/// empty object or array as an empty line between its brackets, and the keys of every
/// object in Unicode order (Python's `sort_keys`: "cell_type" before "cells", "Z" before
/// "a"). Numbers and strings are written as the compact form writes them; no final newline.
extension JSONWriter {
    public static func prettyBytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.writePretty(value, depth: 0)
        return writer.buffer
    }

    public static func prettyText(_ value: JSONValue) -> String {
        String(decoding: prettyBytes(value), as: UTF8.self)
    }

    /// Recursion as deep as the value (a value read by JSONReader is at most
    /// `JSONReader.defaultMaximumDepth` deep; nb-run's own values are a few levels).
    private mutating func writePretty(_ value: JSONValue, depth: Int) {
        switch value {
        case .object(let object):
            let members = object.sortedByKey()
            open(UInt8(ascii: "{"), count: members.count, depth: depth) { writer, i in
                writer.writeString(members.keys[i])
                writer.buffer.append(contentsOf: " : ".utf8)
                writer.writePretty(members.values[i], depth: depth + 1)
            }
            append(UInt8(ascii: "}"))
        case .array(let items):
            open(UInt8(ascii: "["), count: items.count, depth: depth) { writer, i in
                writer.writePretty(items[i], depth: depth + 1)
            }
            append(UInt8(ascii: "]"))
        default:
            try! write(value)   // a scalar: no check, no sink, nothing can throw
        }
    }

    /// The opening bracket, the `count` members each on its own line one level in
    /// (separated by commas), and the indentation of the closing bracket.
    private mutating func open(_ bracket: UInt8, count: Int, depth: Int,
                               member: (inout JSONWriter, Int) -> Void) {
        append(bracket)
        append(UInt8(ascii: "\n"))
        for i in 0..<count {
            if i > 0 { buffer.append(contentsOf: ",\n".utf8) }
            indent(depth + 1)
            member(&self, i)
        }
        append(UInt8(ascii: "\n"))
        indent(depth)
    }

    private mutating func indent(_ depth: Int) {
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}
