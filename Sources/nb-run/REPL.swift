import Foundation
import NetLang

/// `nb-run` with no notebook on a terminal: read a cell, run it, show its outputs.
/// A cell continues over several lines while it is incomplete (an open bracket, a
/// trailing comma; `Session.isComplete`). One session lives for the whole REPL, and
/// the cells entered are kept: `:history` lists them, `:save FILE` writes them as a
/// percent-format notebook. Ctrl-C stops a running `train`; `exit`, `quit` or Ctrl-D ends it.
///
///     $ nb-run
///     In [1]: tensor x = [[1, 2],
///        ...:             [3, 4]]
struct REPL {
    var color: Bool

    func run() -> Int32 {
        let runner = NotebookRunner(baseDirectory: FileManager.default.currentDirectoryPath, color: color, timeout: nil)
        let progress = ProgressLine()
        // Rendering progress is only worth it where someone watches it.
        if progress.enabled {
            runner.onProgress = { progress.show($0) }
            runner.onProgressEnd = { progress.clear() }
        }
        let interrupts = catchInterrupts { runner.cells.interrupt() }
        defer { interrupts.cancel() }
        let colors = Colors(enabled: color)

        Terminal.write("NetBook — `help` shows the language; :history, :save FILE; `exit` or Ctrl-D quits.\n")
        var history: [String] = []
        var buffer: [String] = []
        while true {
            let prompt = buffer.isEmpty ? "In [\(runner.executionCount + 1)]: " : "   ...: "
            Terminal.write(colors.prompt(prompt))
            guard let line = readLine(strippingNewline: true) else {
                Terminal.write("\n")
                return ExitStatus.ok
            }
            if buffer.isEmpty, ExitRequest.matches(line) { return ExitStatus.ok }
            if buffer.isEmpty, line.hasPrefix(":") {
                command(line, history: history)
                continue
            }
            buffer.append(line)
            let cell = buffer.joined(separator: "\n")
            if cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { buffer = []; continue }
            // An empty line ends an incomplete cell anyway, so a mistake cannot trap the user.
            if case .incomplete = runner.session.isComplete(cell), !line.trimmingTrailingSpaces.isEmpty { continue }
            buffer = []
            history.append(cell)
            let run = runner.run(cell)
            progress.clear()
            for piece in run.terminalTexts {
                if piece.isWarning { Terminal.error(piece.text); continue }
                Terminal.write(piece.text.hasSuffix("\n") ? piece.text : piece.text + "\n")
            }
        }
    }

    private func command(_ line: String, history: [String]) {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        switch words[0] {
        case ":history":
            for (i, cell) in history.enumerated() {
                Terminal.write(Transcript.codeCell(source: cell, count: i + 1, outputs: []))
            }
        case ":save" where words.count == 2:
            let text = history.map { "# %%\n\($0)\n" }.joined(separator: "\n")
            do {
                try writeOutput(Data(text.utf8), to: words[1].trimmingCharacters(in: .whitespaces))
                Terminal.write("saved \(history.count) cells to \(words[1])\n")
            } catch {
                Terminal.error("nb-run: \(error)")
            }
        default:
            Terminal.error("REPL commands: :history, :save FILE (everything else is NetBook code)")
        }
    }

    /// Ctrl-C raises the session's interrupt flag instead of ending nb-run.
    private func catchInterrupts(_ handler: @escaping () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
        return source
    }
}
