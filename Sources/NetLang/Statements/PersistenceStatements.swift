import FoundationEssentials
import NetCore
import NetSupport

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
                "optimizer \(state.optimizer.kind.name)", count(state.lossHistory.count, "loss history step"),
                count(state.datasets.count, "data set")].joined(separator: ", ")
    }
}

struct SaveStatement: Statement {
    var path: Token

    /// Bytes of working memory per number saved. Measured with Foundation's JSONEncoder,
    /// which boxed every number before it wrote text: saving randn(1000, 1000) raised nb-run's
    /// peak resident memory by 154 MB (a 19.6 MB file). The text is now streamed to the file
    /// in 64 KB chunks, and what remains is the JSON value of the session (a 24-byte value per
    /// number, twice while it is built); 160 is kept as the bound until it is measured again.
    static let bytesPerNumber = 160

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let file = FilePaths(base: context.state.baseDirectory).writing(path.stringValue)
        // Refused before anything is encoded or touched: a device, FIFO or directory.
        do { _ = try SafeFileWrite.regularTarget(file) } catch let failure as SafeFileWrite.Failure {
            throw LangError(.file, "cannot write '\(path.stringValue)': \(failure.reason)", at: path.location)
        }
        let numbers = SessionFootprint(context.state).total / MemoryLayout<Double>.stride
        try Limits.reserve(bytes: numbers.multipliedReportingOverflow(by: Self.bytesPerNumber).overflow ? Int.max : numbers * Self.bytesPerNumber,
                           for: "save (the session as JSON text)", in: context.memory, at: path.location)
        let value: JSONValue
        do {
            value = try SessionArchive.value(of: context.state)
        } catch let stop as Interrupted {
            throw stop   // nothing was written yet
        } catch {
            throw LangError(.value, "could not encode the session: \(error)", at: path.location)
        }
        // The text is streamed to the temporary file as it is written, with interrupt
        // checks; an interrupt removes the temporary and leaves the old file.
        var byteCount = 0
        do {
            try SafeFileWrite.write(to: file) { sink in byteCount = try SessionArchive.write(value, to: sink) }
        } catch let failure as SafeFileWrite.Failure {
            throw LangError(.file, "cannot write '\(path.stringValue)': \(failure.reason)", at: path.location)
        }
        return [.note(Note(text: "saved \(VisibleText.escaped(path.stringValue)) (\(byteCount) bytes): \(PersistenceStatements.contents(context.state))"))]
    }
}

struct RestoreStatement: Statement {
    var path: Token

    /// Working memory per byte of the file while it is decoded: the file itself, the
    /// decoder's map of it, and at most 4 bytes of numbers per byte of text (a number
    /// takes at least 2 bytes, "0,", and becomes an 8-byte Double). Measured: restoring
    /// the 19.6 MB file of randn(1000, 1000) raised the peak by 50 MB (2.6 per byte).
    static let bytesPerFileByte = 6

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let file = FilePaths(base: context.state.baseDirectory).reading(path.stringValue)
        let size: Int
        do { size = try SafeFileWrite.regularFileSize(file) } catch let failure as SafeFileWrite.Failure {
            throw LangError(.file, "cannot read '\(path.stringValue)': \(failure.reason)", at: path.location)
        }
        try Limits.reserve(bytes: size.multipliedReportingOverflow(by: Self.bytesPerFileByte).overflow ? Int.max : size * Self.bytesPerFileByte,
                           for: "restore of a \(MemoryBudget.describe(bytes: size)) file", in: context.memory, at: path.location)
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
        // Where files are found and how much memory the session may use belong to this
        // run, not to the saved session.
        restored.baseDirectory = context.state.baseDirectory
        restored.memoryLimit = context.state.memoryLimit
        context.state = restored
        return [.note(Note(text: "restored \(VisibleText.escaped(path.stringValue)): \(PersistenceStatements.contents(restored))"))]
    }
}
