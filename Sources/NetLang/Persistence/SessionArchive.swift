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
        let file: SessionFile
        do {
            file = try decoder.decode(CheckedFile.self, from: data).file
        } catch let error as ArchiveError {
            throw error
        } catch let stop as Interrupted {
            throw stop   // reading the numbers checks the interrupt (SessionFile+Interruptible.swift)
        } catch let error as CheckedFile.BodyError {
            // A number that does not fit an Int field is reported without its field (see
            // SessionArchive+WholeNumbers.swift), so those fields are checked by name first.
            if let problem = wholeNumberProblem(in: data) { throw ArchiveError(problem) }
            throw damaged(error.underlying)
        } catch {
            // Not JSON at all (thrown before any field is read), or a header that is not one.
            if let problem = wholeNumberProblem(in: data) { throw ArchiveError(problem) }
            throw ArchiveError("not a NetBook session file: it is not valid JSON (is it truncated?)")
        }
        return try state(from: file)
    }

    /// The format and version, checked before the rest of the file is decoded, in the same
    /// pass over its text: JSONDecoder scans the whole text before it decodes anything (a
    /// third of a second for a 40 MB file, without an interrupt check), so a separate
    /// header pass would scan it twice.
    private struct CheckedFile: Decodable {
        var file: SessionFile

        /// An error from the fields after the header.
        struct BodyError: Error { var underlying: Error }

        init(from decoder: Decoder) throws {
            let header: SessionFile.Header
            do { header = try SessionFile.Header(from: decoder) } catch { throw HeaderUnreadable() }
            try SessionArchive.check(header)
            do {
                file = try SessionFile(from: decoder)
            } catch let stop as Interrupted {
                throw stop
            } catch {
                throw BodyError(underlying: error)
            }
        }
    }

    private struct HeaderUnreadable: Error {}

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
