import Foundation

/// nb-run's exit statuses.
enum ExitStatus {
    static let ok: Int32 = 0
    /// A cell failed (or was stopped by --timeout).
    static let cellFailed: Int32 = 1
    /// Bad arguments, or a notebook or output file that cannot be read or written.
    static let usageOrFile: Int32 = 2
    /// --check found outputs that differ from the stored ones.
    static let checkMismatch: Int32 = 3
}

/// What nb-run knows about the terminal it runs in.
enum Terminal {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// `--color auto`: colour on a terminal, unless NO_COLOR is set or TERM is dumb.
    static var wantsColor: Bool {
        let env = ProcessInfo.processInfo.environment
        return stdoutIsTerminal && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Train's live progress on one line of stderr (only when stderr is a terminal),
/// rewritten in place and cleared when the cell ends.
final class ProgressLine {
    private var shown = false
    let enabled = Terminal.stderrIsTerminal

    func show(_ text: String) {
        guard enabled else { return }
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        shown = false
    }
}
