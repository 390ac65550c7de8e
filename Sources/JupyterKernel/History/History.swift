import NetSupport
import Glibc

/// The cells run with store_history, numbered by execution count, answering
/// history_request's three kinds (tail, range, search) as IPython's history does.
///
///     var history = History()
///     history.record(line: 1, input: "tensor x = 1", output: "x = 1")
///     history.tail(1, output: false)      // [[1, 1, "tensor x = 1"]]
public struct History {
    /// The current session's number in replies; requests may also name it 0 (current) .
    public static let currentSession = 1

    public struct Entry {
        public var line: Int
        public var input: String
        public var output: String?
    }
    public private(set) var entries: [Entry] = []
    /// Bytes of input and output text held (UTF-8).
    public private(set) var storedBytes = 0

    /// Bounds, so a long session cannot grow the kernel without limit (600 cells of 100 KB
    /// grew it by 60 MB): the oldest cells are forgotten first, and one cell's text is
    /// cut at `maximumEntryBytes`. IPython keeps its history on disk; this kernel keeps it
    /// in memory only, so it keeps the recent part.
    public let maximumEntries: Int
    public let maximumBytes: Int
    public let maximumEntryBytes: Int

    public init(maximumEntries: Int = 10_000, maximumBytes: Int = 16 << 20, maximumEntryBytes: Int = 1 << 20) {
        self.maximumEntries = maximumEntries
        self.maximumBytes = maximumBytes
        self.maximumEntryBytes = min(maximumEntryBytes, maximumBytes / 2)
    }

    public mutating func record(line: Int, input: String, output: String?) {
        let entry = Entry(line: line, input: clipped(input), output: output.map(clipped))
        entries.append(entry)
        storedBytes += Self.size(of: entry)
        var forget = 0
        var bytes = storedBytes
        while entries.count - forget > maximumEntries || bytes > maximumBytes {
            bytes -= Self.size(of: entries[forget])
            forget += 1
        }
        if forget > 0 {
            entries.removeFirst(forget)
            storedBytes = bytes
        }
    }

    private static func size(of entry: Entry) -> Int {
        entry.input.utf8.count + (entry.output?.utf8.count ?? 0)
    }

    /// The text, or its first `maximumEntryBytes` (at a character boundary) and a note.
    private func clipped(_ text: String) -> String {
        guard text.utf8.count > maximumEntryBytes else { return text }
        let note = "\n… (cut: \(text.utf8.count) bytes, history keeps \(maximumEntryBytes))"
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: maximumEntryBytes - note.utf8.count)
        while end > text.startIndex, !text.unicodeScalars.indices.contains(end) { end = text.utf8.index(before: end) }
        return String(text[..<end]) + note
    }

    /// The last `n` cells.
    public func tail(_ n: Int, output: Bool) -> [JSONValue] {
        entries.suffix(max(0, n)).map { row($0, session: Self.currentSession, output: output) }
    }

    /// Lines start..<stop of `session` (0 or negative: relative to the current one; stop 0 or
    /// missing: to the end). The session is echoed as asked.
    public func range(session: Int, start: Int, stop: Int?, output: Bool) -> [JSONValue] {
        // Earlier sessions (negative numbers, other ids) are not kept by this kernel.
        guard session == 0 || session == Self.currentSession else { return [] }
        let end = stop.flatMap { $0 > 0 ? $0 : nil } ?? Int.max
        return entries.filter { $0.line >= start && $0.line < end }
            .map { row($0, session: session, output: output) }
    }

    /// Cells whose input matches a glob (`*`, `?`, `[…]`, whole input); the last `n`;
    /// with `unique`, each input once (its latest run).
    public func search(pattern: String, n: Int?, unique: Bool, output: Bool) -> [JSONValue] {
        var found = entries.filter { fnmatch(pattern, $0.input, 0) == 0 }
        if unique {
            var seen = Set<String>()
            found = found.reversed().filter { seen.insert($0.input).inserted }.reversed()
        }
        if let n, n > 0 { found = Array(found.suffix(n)) }
        return found.map { row($0, session: Self.currentSession, output: output) }
    }

    /// [session, line, input], or with output [session, line, [input, output or null]].
    private func row(_ e: Entry, session: Int, output: Bool) -> JSONValue {
        output ? [.integer(session), .integer(e.line), [.string(e.input), JSONValue(e.output)]]
            : [.integer(session), .integer(e.line), .string(e.input)]
    }
}
