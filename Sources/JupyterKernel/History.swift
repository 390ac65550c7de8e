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

    public init() {}

    public mutating func record(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    /// The last `n` cells.
    public func tail(_ n: Int, output: Bool) -> [[Any]] {
        entries.suffix(max(0, n)).map { row($0, session: Self.currentSession, output: output) }
    }

    /// Lines start..<stop of `session` (0 or negative: relative to the current one; stop 0 or
    /// missing: to the end). The session is echoed as asked.
    public func range(session: Int, start: Int, stop: Int?, output: Bool) -> [[Any]] {
        // Earlier sessions (negative numbers, other ids) are not kept by this kernel.
        guard session == 0 || session == Self.currentSession else { return [] }
        let end = stop.flatMap { $0 > 0 ? $0 : nil } ?? Int.max
        return entries.filter { $0.line >= start && $0.line < end }
            .map { row($0, session: session, output: output) }
    }

    /// Cells whose input matches a glob (`*`, `?`, `[…]`, whole input); the last `n`;
    /// with `unique`, each input once (its latest run).
    public func search(pattern: String, n: Int?, unique: Bool, output: Bool) -> [[Any]] {
        var found = entries.filter { fnmatch(pattern, $0.input, 0) == 0 }
        if unique {
            var seen = Set<String>()
            found = found.reversed().filter { seen.insert($0.input).inserted }.reversed()
        }
        if let n, n > 0 { found = Array(found.suffix(n)) }
        return found.map { row($0, session: Self.currentSession, output: output) }
    }

    private func row(_ e: Entry, session: Int, output: Bool) -> [Any] {
        output ? [session, e.line, [e.input, e.output.map { $0 as Any } ?? JSONNull.value]] : [session, e.line, e.input]
    }
}
