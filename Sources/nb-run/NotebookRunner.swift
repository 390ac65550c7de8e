import Foundation
import NetCore
import NetLang
import NetRender

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

/// Runs code cells, one after another, in one NetBook session.
///
///     let runner = NotebookRunner(baseDirectory: "notebooks", color: false, timeout: nil)
///     let run = runner.run("tensor x = [1, 2]")
///     run.outputs.first?.plainText
final class NotebookRunner {
    let session = Session()
    let color: Bool
    /// Seconds a cell may run before it is interrupted and fails.
    let timeout: Double?
    /// A last resort only: every loop over user-sized data stops within ~100 ms of an
    /// interrupt (Interruption.swift), so a cell that is still running this long after its
    /// timeout is stuck somewhere that does not check, and nb-run ends.
    let graceAfterTimeout: Double = 30
    /// Called with the text of each live progress update (train), for a terminal.
    var onProgress: ((String) -> Void)?
    /// Called when a live progress display is over (train finished or stopped).
    var onProgressEnd: (() -> Void)?
    private(set) var executionCount = 0

    init(baseDirectory: String?, color: Bool, timeout: Double?) {
        self.color = color
        self.timeout = timeout
        session.baseDirectory = baseDirectory
    }

    func run(_ source: String) -> CellRun {
        executionCount += 1
        let count = executionCount
        var outputs: [CellOutput] = []
        var texts: [TerminalText] = []
        // clear_output wait: true clears when the next output comes (as nbclient does).
        var clearPending = false
        func clearIfPending() {
            if clearPending { outputs.removeAll(); texts.removeAll(); clearPending = false }
        }
        let watchdog = startWatchdog(cell: count)
        let error = session.run(source) { output, role in
            let plain = Renderer(settings: session.settings)
            let shown = Renderer(settings: session.settings, color: color)
            if case .clearOutput(let wait) = output {
                // What a notebook saved by Jupyter keeps: the outputs after the last clear.
                if wait { clearPending = true } else { outputs.removeAll(); texts.removeAll(); clearPending = false }
                return
            }
            switch role {
            case .liveDisplay, .endLiveDisplay: break     // progress is not kept: it clears nothing
            default: clearIfPending()
            }
            // An output whose rendering an interrupt (or the timeout) stopped is dropped
            // whole; the session then reports the interrupt as the cell's error.
            switch (output, role) {
            case (_, .liveDisplay):
                // Progress is for watching, not for keeping: it carries timings, so it
                // is neither stored nor compared; what stays (train's curve) comes as .display.
                if let text = try? shown.interruptibleText(output) { onProgress?(text) }
                return
            case (_, .endLiveDisplay):
                onProgressEnd?()
                return
            case (.stream(let text), _):
                if case .stream(let before)? = outputs.last {
                    outputs[outputs.count - 1] = .stream(before + text)
                    texts[texts.count - 1].text += text
                    return
                }
                outputs.append(.stream(text))
                texts.append(TerminalText(text: text))
            case (.warning(let text), _):
                let line = text.hasSuffix("\n") ? text : text + "\n"
                if case .stderr(let before)? = outputs.last {
                    outputs[outputs.count - 1] = .stderr(before + line)
                    texts[texts.count - 1].text += line
                    return
                }
                outputs.append(.stderr(line))
                texts.append(TerminalText(text: line, isWarning: true))
                return
            case (_, .result):
                guard let bundle = try? plain.interruptibleBundle(for: output), let text = try? shown.interruptibleText(output) else { return }
                outputs.append(.result(data: Self.storable(bundle.dictionary), executionCount: count))
                texts.append(TerminalText(text: text))
            default:
                guard let bundle = try? plain.interruptibleBundle(for: output), let text = try? shown.interruptibleText(output) else { return }
                outputs.append(.display(data: Self.storable(bundle.dictionary)))
                texts.append(TerminalText(text: text))
            }
        }
        let timedOut = watchdog?.stop() ?? false
        if error != nil { clearIfPending() }
        if var error {
            // The timeout interrupted the cell: one error, the timeout, where it stopped.
            // (A cell that finished although the timer fired just then has no error.)
            if timedOut && error.kind == "KeyboardInterrupt" {
                error.kind = "TimeoutError"
                error.message = "cell \(count) ran longer than \(Self.seconds(timeout ?? 0)) (--timeout) and was stopped: \(error.message)"
            }
            let traceback = Renderer(settings: session.settings).text(error)
            var evalue = error.message
            if let hint = error.hint { evalue += " — \(hint)" }
            outputs.append(.error(name: error.kind, value: evalue, traceback: traceback.components(separatedBy: "\n")))
            texts.append(TerminalText(text: Renderer(settings: session.settings, color: color).text(error)))
        }
        return CellRun(outputs: outputs, terminalTexts: texts, executionCount: count)
    }

    /// A MIME bundle that JSON can carry: a value JSON cannot write (NaN in
    /// application/json) drops that entry rather than the whole notebook.
    static func storable(_ data: [String: Any]) -> [String: Any] {
        data.filter { isJSON($0.value) }
    }

    /// What `JSONSerialization.isValidJSONObject` says, without bridging every value of
    /// the tree to an NSArray of NSNumbers first: that took 70% of a cell showing a
    /// 500×200 tensor (1 s in a debug build, past the timeout test's limit under load).
    /// The kinds JSONForm and MimeBundle produce are checked here; anything else (JSON
    /// null as a boxed nil or NSNull, other number types) is asked of JSONSerialization.
    static func isJSON(_ value: Any) -> Bool {
        switch value {
        case is String, is Bool, is Int: return true
        case let x as Double: return x.isFinite
        case let array as [Any]: return array.allSatisfy(isJSON)
        case let object as [String: Any]: return object.values.allSatisfy(isJSON)
        default: return JSONSerialization.isValidJSONObject([value])
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private func startWatchdog(cell: Int) -> Watchdog? {
        guard let timeout, timeout > 0 else { return nil }
        return Watchdog(after: timeout, grace: graceAfterTimeout, interrupt: session.interrupt, cell: cell)
    }
}

/// Raises the session's interrupt flag when a cell runs too long (the same flag as
/// Ctrl-C in the REPL and Jupyter's interrupt), and ends the process only if the cell
/// is still running `grace` seconds later (a loop that does not check the flag).
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private let interruptItem: DispatchWorkItem
    private let giveUpItem: DispatchWorkItem

    init(after seconds: Double, grace: Double, interrupt: InterruptFlag, cell: Int) {
        var raise: (() -> Void)?
        interruptItem = DispatchWorkItem { raise?() }
        giveUpItem = DispatchWorkItem {
            FileHandle.standardError.write(Data("nb-run: cell \(cell) did not stop within \(NotebookRunner.seconds(grace)) of its timeout; giving up\n".utf8))
            exit(ExitStatus.cellFailed)
        }
        raise = { [weak self] in
            guard let self else { return }
            self.lock.lock(); self.fired = true; self.lock.unlock()
            interrupt.raise()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: interruptItem)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds + grace, execute: giveUpItem)
    }

    /// Cancels the timers; returns whether the timeout had fired.
    func stop() -> Bool {
        interruptItem.cancel()
        giveUpItem.cancel()
        lock.lock(); defer { lock.unlock() }
        return fired
    }
}
