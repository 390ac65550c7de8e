import FoundationEssentials
import NetCore

/// Turns a session's state into a `SessionFile` and back, checking everything it reads.
///
///     let data = try SessionArchive.encode(state)
///     let restored = try SessionArchive.decode(data)     // throws ArchiveError, never crashes
///
/// Decoding builds a complete new state before anything is replaced, so a refused file
/// leaves the session as it was.
enum SessionArchive {
    struct ArchiveError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func encode(_ state: SessionState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(file(from: state))
    }

    static func decode(_ data: Data) throws -> SessionState {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let header: SessionFile.Header
        do {
            header = try decoder.decode(SessionFile.Header.self, from: data)
        } catch {
            if let problem = wholeNumberProblem(in: data) { throw ArchiveError(problem) }
            throw ArchiveError("not a NetBook session file: it is not valid JSON (is it truncated?)")
        }
        guard header.format == SessionFile.formatName else {
            throw ArchiveError("not a NetBook session file: its format is \(header.format.map { "'\($0)'" } ?? "missing"), expected '\(SessionFile.formatName)'")
        }
        guard let version = header.version, version >= 1 else {
            throw ArchiveError("the session file has no valid format version")
        }
        guard version <= SessionFile.currentVersion else {
            throw ArchiveError("the session file was written by a newer NetBook (format version \(version)); this one reads version \(SessionFile.currentVersion)")
        }
        let file: SessionFile
        do {
            file = try decoder.decode(SessionFile.self, from: data)
        } catch {
            // A number that does not fit an Int field is reported without its field (see
            // SessionArchive+WholeNumbers.swift), so those fields are checked by name first.
            if let problem = wholeNumberProblem(in: data) { throw ArchiveError(problem) }
            throw damaged(error)
        }
        return try state(from: file)
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
