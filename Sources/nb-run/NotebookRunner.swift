import Foundation
import NetCore
import NetLang
import NetRender
import CellRunner

/// What running one code cell produced.
struct CellRun {
    /// The outputs as a notebook stores them (no colour; MIME bundles).
    var outputs: [CellOutput]
    /// The same outputs as the terminal shows them (coloured when asked), in order.
    var terminalTexts: [TerminalText]
    var executionCount: Int
    var failed: Bool { outputs.contains { $0.isError } }
}

/// One output as the terminal shows it; a warning goes to standard error, in its place.
struct TerminalText {
    var text: String
    var isWarning = false
}

/// Runs code cells, one after another, in one NetBook session (through CellRunner, as the
/// kernel does), and keeps of each what a notebook saved by Jupyter keeps.
///
///     let runner = NotebookRunner(baseDirectory: "notebooks", color: false, timeout: nil)
///     let run = runner.run("tensor x = [1, 2]")
///     run.outputs.first?.plainText
final class NotebookRunner {
    let cells = CellRunner()
    var session: Session { cells.session }
    let color: Bool
    /// Called with the text of each live progress update (train), for a terminal.
    var onProgress: ((String) -> Void)?
    /// Called when a live progress display is over (train finished or stopped).
    var onProgressEnd: (() -> Void)?
    private(set) var executionCount = 0

    /// A last resort only: every loop over user-sized data stops within ~100 ms of an
    /// interrupt (Interruption.swift), so a cell that is still running this long after its
    /// timeout is stuck somewhere that does not check, and nb-run ends.
    static let graceAfterTimeout: Double = 30

    /// `timeout`: seconds a cell may run before it is interrupted and fails.
    init(baseDirectory: String?, color: Bool, timeout: Double?) {
        self.color = color
        cells.timeout = timeout
        cells.stuck = (Self.graceAfterTimeout, { cell in
            FileHandle.standardError.write(Data("nb-run: cell \(cell) did not stop within \(CellRunner.seconds(NotebookRunner.graceAfterTimeout)) of its timeout; giving up\n".utf8))
            exit(ExitStatus.cellFailed)
        })
        session.baseDirectory = baseDirectory
    }

    func run(_ source: String) -> CellRun {
        executionCount += 1
        let count = executionCount
        var kept = KeptOutputs()
        let error = cells.run(source, cell: count) { event in
            switch event {
            case .clearOutput(let wait):
                kept.clear(wait: wait)
            // A live display (train's progress) is for watching, not for keeping: it carries
            // timings, so it is neither stored nor compared, and clears nothing; what stays
            // (train's curve) comes as a display of its own.
            case .display(_, displayID: .some):
                break
            case .updateDisplay(let shown?, _):
                onProgress?(terminalText(shown))
            case .updateDisplay(nil, _):
                onProgressEnd?()
            case .stream(let name, let text):
                kept.append(stream: name, text)
            case .result(let shown):
                kept.append(.result(data: shown.bundle.dictionary, executionCount: count), terminalText(shown))
            case .display(let shown?, displayID: nil):
                kept.append(.display(data: shown.bundle.dictionary), terminalText(shown))
            case .display(nil, displayID: nil):
                break   // CellRunner opens only live displays empty
            }
        }
        if let error {
            kept.append(.error(name: error.ename, value: error.evalue, traceback: error.traceback),
                        color ? Renderer(settings: session.settings, color: true).text(error.error) : error.traceback.joined(separator: "\n"))
        }
        return CellRun(outputs: kept.outputs, terminalTexts: kept.texts, executionCount: count)
    }

    /// The output as the terminal shows it: its text/plain, or coloured text when asked.
    private func terminalText(_ shown: ShownOutput) -> String {
        guard color else { return shown.bundle.plain }
        return (try? Renderer(settings: session.settings, color: true).interruptibleText(shown.output)) ?? shown.bundle.plain
    }
}
