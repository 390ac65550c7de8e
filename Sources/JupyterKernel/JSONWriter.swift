import FoundationEssentials

/// Writes the `[String: Any]` dictionaries messages are made of as JSON bytes.
///
///     JSONWriter.data(["status": "ok", "count": 1])    // {"status":"ok","count":1}
///
/// Why not Foundation's encoders: every trivial cell sends five messages, and writing
/// them through `JSONEncoder` (generic Codable containers, a dynamic cast per value)
/// took half of the kernel's time for the cell, `JSONSerialization` (NSDictionary
/// bridging) even more. This writer covers only what messages hold and is checked
/// against Foundation's parser (JupyterKernelTests/JSONWriterTests). Reading is
/// `JSONReader`'s.
///
/// Null is `JSONNull.value` (a boxed nil). Anything JSON cannot carry becomes null
/// (NaN, ±infinity) or its description (an arbitrary object), so an interpreter's odd
/// value never stops the kernel.
enum JSONWriter {
    static func data(_ object: [String: Any]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        write(object, to: &bytes)
        return Data(bytes)
    }

    static func write(_ value: Any, to out: inout [UInt8]) {
        switch value {
        case let s as String: writeString(s, to: &out)
        case let d as [String: Any]:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, item) in d {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let a as [Any]:
            out.append(UInt8(ascii: "["))
            for (i, item) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let b as Bool: writeBool(b, to: &out)
        case let i as Int: out.append(contentsOf: String(i).utf8)
        case let x as Double: writeDouble(x, to: &out)
        case let f as Float: writeDouble(Double(f), to: &out)
        case let i as any FixedWidthInteger: out.append(contentsOf: "\(i)".utf8)   // Int32, UInt8, …
        case _ where JSONNull.isNull(value): out.append(contentsOf: "null".utf8)
        default: writeString("\(value)", to: &out)
        }
    }

    static func writeBool(_ b: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: (b ? "true" : "false").utf8)
    }

    /// Whole numbers as integers (1.0 -> 1, as Foundation writes them); others in Swift's
    /// shortest form that reads back to the same Double (0.1, 1e-07, 2.5e+20).
    static func writeDouble(_ x: Double, to out: inout [UInt8]) {
        guard x.isFinite else { out.append(contentsOf: "null".utf8); return }
        if x == x.rounded(.towardZero) && abs(x) < 1e15 {
            out.append(contentsOf: String(Int64(x)).utf8)
        } else {
            out.append(contentsOf: x.description.utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 8259 string: quote, backslash and control characters escaped, the rest as UTF-8.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // A native string's bytes are one buffer: the runs between escapes are copied whole.
        // (Byte by byte, the 10 MB of HTML of `show x full`, whose attributes have quotes,
        // took 3.6 s in a debug build before the message could go out.)
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var run = 0
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                writeEscaped(byte, to: &out)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        if copied == nil {
            for byte in s.utf8 { writeEscaped(byte, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// One byte of a string: escaped if JSON needs it, else as it is.
    private static func writeEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0..<0x20:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        default: out.append(byte)
        }
    }
}
