/// Splits a byte stream into lines as Python's universal newlines do: "\n", "\r\n" and a
/// lone "\r" (old Mac files) each end a line. Bytes arrive in chunks of any size (a "\r\n"
/// may be split between two), and no line may be longer than `maximumLineBytes`: a
/// 1 GB file without a line break is refused after its first megabyte, not read whole.
///
///     var lines = CSVLines(fileName: "f.csv") { number, bytes in … }
///     try lines.feed(chunk); try lines.finish()
struct CSVLines {
    /// Longer than any real CSV row (MNIST's is about 3 KB; 100000 columns of 9 digits fit).
    static let maximumLineBytes = 1_000_000

    let fileName: String
    /// Called with each line's 1-based number and its bytes, without the line end.
    let body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    private var pending: [UInt8] = []
    private var lineNumber = 0
    /// The last chunk ended in "\r": a "\n" starting the next one belongs to it.
    private var afterCR = false

    init(fileName: String, body: @escaping (Int, UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.fileName = fileName
        self.body = body
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        if afterCR, bytes.first == ASCII.newline { start = 1 }
        afterCR = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == ASCII.newline || b == ASCII.carriageReturn {
                try emit(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if b == ASCII.carriageReturn {
                    if i + 1 < bytes.count { if bytes[i + 1] == ASCII.newline { i += 1 } } else { afterCR = true }
                }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count {
            try checkLength(pending.count + bytes.count - start, line: lineNumber + 1)
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// The last line, when the file does not end with a line break.
    mutating func finish() throws {
        if !pending.isEmpty { try emit(UnsafeBufferPointer(start: nil, count: 0)) }
    }

    private mutating func emit(_ tail: UnsafeBufferPointer<UInt8>) throws {
        lineNumber += 1
        // Blank lines too: a file of a billion line breaks must stop at an interrupt.
        try Interruption.check(item: lineNumber, every: CSVLoader.checkEveryLines)
        if pending.isEmpty {
            try checkLength(tail.count, line: lineNumber)
            try body(lineNumber, tail)
        } else {
            try checkLength(pending.count + tail.count, line: lineNumber)
            pending.append(contentsOf: tail)
            try pending.withUnsafeBufferPointer { try body(lineNumber, $0) }
            pending.removeAll(keepingCapacity: true)
        }
    }

    private func checkLength(_ n: Int, line: Int) throws {
        guard n <= Self.maximumLineBytes else {
            throw DataError("line \(line) of \(fileName) is longer than \(MemoryBudget.describe(bytes: Self.maximumLineBytes)) (the limit for one row); is it a CSV file with one row per line?")
        }
    }
}

/// The bytes the CSV reader looks for, as constants: `UInt8(ascii:)` is a call in
/// unoptimised (debug and test) builds, and these are compared once per byte.
enum ASCII {
    static let comma: UInt8 = 0x2C, space: UInt8 = 0x20, tab: UInt8 = 0x09, quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E
    static let lowerE: UInt8 = 0x65, upperE: UInt8 = 0x45, zero: UInt8 = 0x30, nine: UInt8 = 0x39
    static let newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
}
