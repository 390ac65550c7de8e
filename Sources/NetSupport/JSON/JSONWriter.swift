/// Writes a `JSONValue` as compact JSON text, either into memory or streamed in chunks.
///
///     JSONWriter.bytes(["status": "ok", "count": 1])      // {"status":"ok","count":1}
///
///     var writer = JSONWriter(check: { try Interruption.check() }) { chunk in try file.write(chunk) }
///     try writer.write(session)       // chunks of ~64 KB go to the closure as they fill
///     try writer.finish()             // the last chunk
///
/// Numbers are written in Swift's shortest form that reads back to the same Double, with
/// a whole number's ".0" dropped (1.0 -> 1, 0.1, 1e-07, 2.5e+20), as Foundation's
/// JSONEncoder wrote them; NaN and infinities, which JSON lacks, become null (a caller
/// that must keep them, as session files do, writes them as strings first). Strings are
/// UTF-8 with quote, backslash and control characters escaped.
///
/// `check` is called every `valuesPerCheck` values and may throw to stop the writing
/// (an interrupt): its error comes out of `write`, and the caller discards what it had.
public struct JSONWriter {
    public static let valuesPerCheck = 1 << 12
    public static let defaultChunkSize = 1 << 16

    /// Bytes written so far (those handed to the sink and those still buffered).
    public private(set) var count = 0

    var buffer: [UInt8] = []   // internal: JSONWriter+Pretty.swift writes into it too
    private let chunkSize: Int
    private let check: (() throws -> Void)?
    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    private var valuesWritten = 0
    private let escapesSlashes: Bool

    /// A writer that hands its text to `sink` in chunks of about `chunkSize` bytes.
    /// `escapesSlashes`: "/" as `\/`, as Foundation's JSONEncoder writes it by default
    /// (session files keep the bytes they had).
    public init(chunkSize: Int = defaultChunkSize, escapesSlashes: Bool = false, check: (() throws -> Void)? = nil,
                sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.chunkSize = chunkSize
        self.escapesSlashes = escapesSlashes
        self.check = check
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 1024)
    }

    /// A writer that keeps all its text (`text` when done).
    init() {
        chunkSize = .max
        escapesSlashes = false
        check = nil
        sink = nil
        buffer.reserveCapacity(256)
    }

    /// The JSON text of `value`, in memory (messages, small files).
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        try! writer.write(value)   // no check, no sink: nothing can throw
        return writer.buffer
    }

    public static func text(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// Appends `value`'s text. Throws what `check` or the sink throws.
    public mutating func write(_ value: JSONValue) throws {
        valuesWritten += 1
        if valuesWritten % Self.valuesPerCheck == 0, let check { try check() }
        switch value {
        case .object(let object):
            append(UInt8(ascii: "{"))
            var first = true
            for (key, item) in object {
                if !first { append(UInt8(ascii: ",")) }
                first = false
                writeString(key)
                append(UInt8(ascii: ":"))
                try write(item)
            }
            append(UInt8(ascii: "}"))
        case .array(let items):
            append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { append(UInt8(ascii: ",")) }
                try write(item)
            }
            append(UInt8(ascii: "]"))
        case .string(let s): writeString(s)
        case .number(let x): writeDouble(x)
        case .integer(let i): buffer.append(contentsOf: String(i).utf8)
        case .bool(let b): buffer.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: buffer.append(contentsOf: "null".utf8)
        }
        if buffer.count >= chunkSize { try flush() }
    }

    /// Hands the rest of the text to the sink.
    public mutating func finish() throws {
        try flush()
    }

    private mutating func flush() throws {
        guard let sink, !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink($0) }
        count += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) { buffer.append(byte) }

    mutating func writeDouble(_ x: Double) {
        guard x.isFinite else { buffer.append(contentsOf: "null".utf8); return }
        var text = x.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        buffer.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 8259 string: quote, backslash and control characters escaped, the rest as UTF-8.
    mutating func writeString(_ s: String) {
        buffer.append(UInt8(ascii: "\""))
        var s = s
        // The runs between escapes are copied whole (byte by byte, the 10 MB of HTML of
        // `show x full` took seconds in a debug build).
        s.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                        || (byte == UInt8(ascii: "/") && escapesSlashes) else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                writeEscaped(byte)
                run = i + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "\n"): buffer.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): buffer.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): buffer.append(UInt8(ascii: "t"))
        default:
            buffer.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                       Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
        }
    }
}
