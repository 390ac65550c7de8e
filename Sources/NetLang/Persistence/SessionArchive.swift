import FoundationEssentials
import NetCore
import NetSupport

/// Turns a session's state into a `SessionFile` and back, checking everything it reads.
///
///     let data = try SessionArchive.encode(state)        // save streams value(of:) with write(_:to:)
///     let restored = try SessionArchive.decode(data)     // throws ArchiveError, never crashes
///
/// Decoding builds a complete new state before anything is replaced, so a refused file
/// leaves the session as it was.
enum SessionArchive {
    struct ArchiveError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// "inf", "-inf", "nan": the numbers JSON lacks, as strings.
    static let nonFiniteNames = JSONValueDecoder.NonConformingFloats(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// The session as a JSON value, keys sorted as Foundation's JSONEncoder sorted them (the
    /// files written before read the same and compare equal byte for byte). The tensors'
    /// numbers are converted with interrupt checks (SessionFile+Interruptible.swift).
    static func value(of state: SessionState) throws -> JSONValue {
        try JSONValueEncoder(sortedKeys: true, nonConformingFloats: nonFiniteNames).encode(file(from: state))
    }

    /// Streams `value`'s text to `sink` in chunks, checking the interrupt every few
    /// thousand values; returns the number of bytes.
    static func write(_ value: JSONValue, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var writer = JSONWriter(escapesSlashes: true, check: { try Interruption.check() }, sink: sink)
        try writer.write(value)
        try writer.finish()
        return writer.count
    }

    /// The file's text in memory (tests; `save` streams it to the file instead).
    static func encode(_ state: SessionState) throws -> Data {
        var data = Data()
        _ = try write(value(of: state)) { data.append(contentsOf: $0) }
        return data
    }

    /// The session a file's text holds. The text is read with interrupt checks (JSONReader),
    /// then the header is checked before the rest is decoded.
    static func decode(_ data: Data) throws -> SessionState {
        let tree: JSONValue
        do {
            tree = try data.withUnsafeBytes { try JSONReader.read($0, check: { try Interruption.check() }) }
        } catch let failure as JSONReader.Failure {
            throw ArchiveError("not a NetBook session file: it is not valid JSON (is it truncated?); at \(failure)")
        }
        guard tree.object != nil else {
            throw ArchiveError("not a NetBook session file: it holds \(tree.kindName), not an object")
        }
        let decoder = JSONValueDecoder(nonConformingFloats: nonFiniteNames)
        let file: SessionFile
        do {
            try check(try decoder.decode(SessionFile.Header.self, from: tree))
            file = try decoder.decode(SessionFile.self, from: tree)
        } catch let error as ArchiveError {
            throw error
        } catch let stop as Interrupted {
            throw stop   // reading the numbers checks the interrupt (SessionFile+Interruptible.swift)
        } catch {
            // A number that is not whole where a count goes is named with the rule it breaks.
            if let problem = wholeNumberProblem(in: tree) { throw ArchiveError(problem) }
            throw damaged(error)
        }
        return try state(from: file)
    }

    /// Refuses a file of another format or of a newer version.
    private static func check(_ header: SessionFile.Header) throws {
        guard header.format == SessionFile.formatName else {
            throw ArchiveError("not a NetBook session file: its format is \(header.format.map { "'\($0)'" } ?? "missing"), expected '\(SessionFile.formatName)'")
        }
        guard let version = header.version, version >= 1 else {
            throw ArchiveError("the session file has no valid format version")
        }
        guard version <= SessionFile.currentVersion else {
            throw ArchiveError("the session file was written by a newer NetBook (format version \(version)); this one reads version \(SessionFile.currentVersion)")
        }
    }

    /// What a decoding error says, with the field it is about.
    private static func damaged(_ error: Error) -> ArchiveError {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return ArchiveError("the session file is damaged: '\(path(context.codingPath + [key]))' is missing")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            return ArchiveError("the session file is damaged at '\(path(context.codingPath))': \(context.debugDescription)")
        default:
            return ArchiveError("the session file is damaged: \(error)")
        }
    }

    /// "network.layers[0].weights": the keys joined, without the leading dot.
    private static func path(_ keys: [CodingKey]) -> String {
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        // Dots trimmed from both ends by scalars, as Foundation's `trimmingCharacters(in:)` did.
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != "." }),
              let last = scalars.lastIndex(where: { $0 != "." }) else { return "" }
        return String(scalars[first...last])
    }
}
