import Foundation

/// The four things `make fuzz` feeds untrusted bytes to. Each takes one input, caps its
/// size (so the fuzzer explores inputs instead of big allocations) and must return:
/// an error is a fine outcome, only a death (trap, sanitizer report, hang) is a finding.
enum FuzzTarget: String, CaseIterable {
    /// Cell text through lexer, parser, evaluator, and every MIME type the kernel sends.
    case cells
    /// The CSV loader, directly and through a `load` statement with its preview.
    case csv
    /// The session archive reader (`restore`) and the statements that use what it read.
    case archive
    /// The kernel's wire decoder (frames -> Message) and its JSON reader.
    case wire

    /// Under libFuzzer, inputs beyond this many bytes are skipped (its -max_len is set lower
    /// still); a replayed file runs whatever its size.
    var maximumBytes: Int {
        switch self {
        case .cells: return 4096
        case .csv, .archive, .wire: return 65536
        }
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .cells: CellTarget.run(bytes)
        case .csv: CSVTarget.run(bytes)
        case .archive: ArchiveTarget.run(bytes)
        case .wire: WireTarget.run(bytes)
        }
    }

    /// The target named by NB_FUZZ_TARGET (libFuzzer's main gives no other way to choose).
    static var fromEnvironment: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["NB_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("nb-fuzz: set NB_FUZZ_TARGET to one of \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }
}

/// A private working directory: relative `save`, `load` and `restore` paths land here,
/// never in the checkout. Its `fuzz` links to the package's (the directory nb-fuzz starts
/// in), so cells can load the fixtures in fuzz/data/ as `fuzz/data/NAME.csv`.
enum Scratch {
    static let directory: String = {
        let start = FileManager.default.currentDirectoryPath
        let path = NSTemporaryDirectory() + "nb-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: start + "/fuzz/data") {
            try? FileManager.default.createSymbolicLink(atPath: path + "/fuzz", withDestinationPath: start + "/fuzz")
        }
        FileManager.default.changeCurrentDirectoryPath(path)
        // Removed at a normal exit (a crash leaves it for the post-mortem).
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "nb-fuzz-\(getpid())") }
        return path
    }()

    /// Writes `bytes` to a file in the scratch directory and returns its name.
    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return name
    }
}
