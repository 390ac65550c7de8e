/// Reads JSON text (RFC 8259, strict) into a `JSONValue`.
///
///     let value = try JSONReader.read(Array(#"{"a": [1, 0.5, true, null]}"#.utf8))
///     try JSONReader.read(Array("{nope".utf8))
///     // JSONReader.Failure: line 1, column 2 (byte 1): expected a string key in quotes
///
/// Bad input of any kind is a `Failure` that says where (byte offset, line and column)
/// and what; nothing crashes: nesting is limited (`maximumDepth`, the recursion's bound),
/// numbers that do not fit a Double are refused, strings must be valid UTF-8.
///
/// `check` is called every `valuesPerCheck` values (a few thousand: well under a
/// millisecond) and may throw to stop the read: the caller passes its interrupt check, so
/// reading a 40 MB session file stops within ~100 ms of Ctrl-C. Its error comes out as it is.
public struct JSONReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// 0-based byte offset, 1-based line and column (column counts bytes).
        public var offset: Int, line: Int, column: Int
        public var reason: String
        public var description: String { "line \(line), column \(column) (byte \(offset)): \(reason)" }
    }

    public static let defaultMaximumDepth = 256
    public static let valuesPerCheck = 1 << 12

    /// The value of `bytes`, which must hold exactly one JSON value (and white space).
    public static func read(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int = defaultMaximumDepth,
                            check: (() throws -> Void)? = nil) throws -> JSONValue {
        var reader = JSONReader(bytes.bindMemory(to: UInt8.self), maximumDepth: maximumDepth, check: check)
        reader.skipSpace()
        let value = try reader.readValue(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }

    public static func read(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth,
                            check: (() throws -> Void)? = nil) throws -> JSONValue {
        try bytes.withUnsafeBytes { try read($0, maximumDepth: maximumDepth, check: check) }
    }

    public static func read(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws -> JSONValue {
        try read(Array(text.utf8), maximumDepth: maximumDepth)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private let check: (() throws -> Void)?
    private var position = 0
    private var valuesRead = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, check: (() throws -> Void)?) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.check = check
    }

    // MARK: values

    private mutating func readValue(depth: Int) throws -> JSONValue {
        valuesRead += 1
        if valuesRead % Self.valuesPerCheck == 0, let check { try check() }
        guard position < bytes.count else { throw failure("unexpected end of the text (is it truncated?)") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw failure("expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func readObject(depth: Int) throws -> JSONValue {
        guard depth <= maximumDepth else { throw failure("nested more than \(maximumDepth) levels deep") }
        position += 1
        var object = JSONObject()
        skipSpace()
        if try consume(UInt8(ascii: "}")) { return .object(object) }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure(position < bytes.count ? "expected a string key in quotes" : "unexpected end of the text (is it truncated?)")
            }
            let key = try readString()
            skipSpace()
            guard try consume(UInt8(ascii: ":")) else { throw failure("expected ':' after the key") }
            skipSpace()
            object[key] = try readValue(depth: depth)
            skipSpace()
            if try consume(UInt8(ascii: "}")) { return .object(object) }
            guard try consume(UInt8(ascii: ",")) else { throw failure("expected ',' or '}' in an object") }
            skipSpace()
        }
    }

    private mutating func readArray(depth: Int) throws -> JSONValue {
        guard depth <= maximumDepth else { throw failure("nested more than \(maximumDepth) levels deep") }
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if try consume(UInt8(ascii: "]")) { return .array(items) }
        while true {
            items.append(try readValue(depth: depth))
            skipSpace()
            if try consume(UInt8(ascii: "]")) { return .array(items) }
            guard try consume(UInt8(ascii: ",")) else { throw failure("expected ',' or ']' in an array") }
            skipSpace()
        }
    }

    private mutating func expectWord(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] }) else {
            throw failure("expected a value (object, array, string, number, true, false or null)")
        }
        position += count
    }

    // MARK: numbers

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?: an `.integer` when there is no
    /// fraction or exponent and it fits an Int, else a `.number`.
    private mutating func readNumber() throws -> JSONValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("expected a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw failure("a number cannot start with 0") }
        } else {
            skipDigits()
        }
        var whole = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            whole = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            whole = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        // "-0" is a Double: an integer would lose its sign, which a saved -0.0 must keep.
        if whole, text != "-0", let integer = Int(text) { return .integer(integer) }
        guard let x = Double(text), x.isFinite else {
            throw failure("the number \(text.prefix(40)) is too large for a Double", at: start)
        }
        return .number(x)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    // MARK: strings

    /// A quoted string; `position` is at its opening quote. Runs without escapes are
    /// copied whole (a 10 MB HTML output is one string).
    private mutating func readString() throws -> String {
        let start = position
        position += 1
        var utf8: [UInt8] = []
        var run = position
        while true {
            guard position < bytes.count else { throw failure("a string is not closed (is the text truncated?)") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                position += 1
                break
            } else if byte == UInt8(ascii: "\\") {
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                try readEscape(into: &utf8)
                run = position
            } else if byte < 0x20 {
                throw failure("a control character (byte \(byte)) in a string must be escaped")
            } else {
                position += 1
            }
        }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw failure("a string is not valid UTF-8", at: start)
        }
        return text
    }

    /// One escape (\n, \", \u00e9, a surrogate pair \ud83d\ude00) as UTF-8.
    private mutating func readEscape(into utf8: inout [UInt8]) throws {
        position += 1
        guard position < bytes.count else { throw failure("a string is not closed (is the text truncated?)") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(letter)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var code = try readHex4()
            if (0xD800..<0xDC00).contains(code) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("a \\u escape of a high surrogate is not followed by a low one")
                }
                position += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a \\u escape of a high surrogate is not followed by a low one") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw failure("a \\u escape of a low surrogate without a high one")
            }
            utf8.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
        default:
            position -= 1
            throw failure("unknown escape '\\\(Unicode.Scalar(letter))' in a string")
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else { throw failure("expected 4 hex digits after \\u") }
            code = code << 4 | digit
            position += 1
        }
        return code
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: white space, errors

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) throws -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// A failure at the current position; at the end of the text, the text was cut short.
    private func failure(_ reason: String, at offset: Int? = nil) -> Failure {
        let offset = offset ?? position
        let reason = offset < bytes.count ? reason : "unexpected end of the text (is it truncated?)"
        return Failure(offset: offset, line: 0, column: 0, reason: "").located(in: bytes, reason: reason)
    }
}

extension JSONReader.Failure {
    /// This failure with the line and column of its offset (counted only when there is an error).
    fileprivate func located(in bytes: UnsafeBufferPointer<UInt8>, reason: String) -> Self {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return .init(offset: offset, line: line, column: offset - lineStart + 1, reason: reason)
    }
}
