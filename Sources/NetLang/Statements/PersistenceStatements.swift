import FoundationEssentials
import NetCore

/// `save "PATH"` and `restore "PATH"`: the whole session in one versioned JSON file
/// (see `SessionFile` for the format).
enum PersistenceStatements {
    static let parsers: [String: StatementParser] = [
        "save": { parser, keyword in
            SaveStatement(path: try LoadStatement.expectString(&parser, "the file's path in quotes (save \"session.json\")"))
        },
        "restore": { parser, keyword in
            RestoreStatement(path: try LoadStatement.expectString(&parser, "the file's path in quotes (restore \"session.json\")"))
        },
    ]

    static func contents(_ state: SessionState) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [count(state.tensorNames.count, "tensor"), count(state.network.layers.count, "layer"),
                "optimizer \(state.optimizer.kind.name)", count(state.history.count, "loss history step"),
                count(state.datasets.count, "data set")].joined(separator: ", ")
    }
}

struct SaveStatement: Statement {
    var path: Token

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let file = FilePaths(base: context.state.baseDirectory).writing(path.stringValue)
        let data: Data
        do {
            data = try SessionArchive.encode(context.state)
        } catch {
            throw LangError(.value, "could not encode the session: \(error)", at: path.location)
        }
        do {
            // .atomic writes a temporary file in the same directory, then renames it over
            // the target: a crash or a full disk never leaves half a session file.
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            let directory = PathText.deletingLastComponent(file)
            let reason = FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory)
                ? "not writable" : "its directory '\(directory)' does not exist"
            throw LangError(.file, "cannot write '\(path.stringValue)': \(reason)", at: path.location)
        }
        return [.note(Note(text: "saved \(path.stringValue) (\(data.count) bytes): \(PersistenceStatements.contents(context.state))"))]
    }
}

struct RestoreStatement: Statement {
    var path: Token

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let file = FilePaths(base: context.state.baseDirectory).reading(path.stringValue)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LangError(.file, "cannot read '\(path.stringValue)': no such file or not readable", at: path.location)
        }
        var restored: SessionState
        do {
            restored = try SessionArchive.decode(data)
        } catch let error as SessionArchive.ArchiveError {
            throw LangError(.file, "cannot restore '\(path.stringValue)': \(error.message)", at: path.location,
                            hint: "the session was not changed")
        }
        // Where files are found belongs to this run, not to the saved session.
        restored.baseDirectory = context.state.baseDirectory
        context.state = restored
        return [.note(Note(text: "restored \(path.stringValue): \(PersistenceStatements.contents(restored))"))]
    }
}
