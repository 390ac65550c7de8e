import NetCore
import NetLang
import NetRender

/// Runs one cell against a session and yields its outputs as data (`CellEvent`), the
/// same for every front end: nb-kernel turns them into iopub messages, nb-run into a
/// notebook's outputs and a terminal transcript. The path of a cell:
/// text → parser → evaluator → `Output`s (NetLang) → MIME bundles (NetRender) → here → front end.
///
///     let runner = CellRunner()
///     let error = runner.run("tensor x = [1, 2]", cell: 1) { event in … }
///     error?.evalue   // nil: the cell ran
///
/// Interrupts (`interrupt()`, from any thread) and the timeout (`timeout`) stop the
/// running cell the same way: the session stays as it was before the statement that was
/// stopped, and the cell's error says so.
public final class CellRunner {
    public let session: Session
    /// Seconds a cell may run before it is interrupted and fails with a TimeoutError;
    /// nil: no limit (the kernel's cells run until interrupted).
    public var timeout: Double?
    /// Called if a timed-out cell is still running this many seconds after its timeout
    /// was raised: it is stuck in a loop that does not check the interrupt (every loop over
    /// user-sized data does, Interruption.swift), and only ending the process stops it.
    public var stuck: (grace: Double, action: @Sendable (_ cell: Int) -> Void)?

    public init(session: Session = Session()) {
        self.session = session
    }

    /// Asks the running cell to stop at its next safe point (from another thread).
    public func interrupt() { session.interrupt.raise() }

    /// Runs one cell; `emit` gets each event on the calling thread as it happens. Returns
    /// the error that stopped the cell, or nil. `cell` numbers the cell in the timeout's message.
    @discardableResult
    public func run(_ source: String, cell: Int, emit: (CellEvent) -> Void) -> CellError? {
        var openLiveDisplays = Set<String>()
        let watchdog = timeout.flatMap { CellWatchdog(after: $0, interrupt: session.interrupt, stuck: stuck, cell: cell) }
        let error = session.run(source) { output, role in
            switch output {
            // Written, not shown: never dropped, never rendered (an interrupt does not lose a print).
            case .stream, .printed:
                // Values in words at the session's precision; not interruptible, never dropped.
                emit(.stream(.stdout, Self.line(Renderer(settings: session.settings).text(output))))
                return
            case .warning:
                emit(.stream(.stderr, Self.line(Renderer(settings: session.settings).text(output))))
                return
            case .clearOutput(let wait):
                emit(.clearOutput(wait: wait))
                return
            default:
                break
            }
            if case .endLiveDisplay(let id) = role {
                if openLiveDisplays.remove(id) != nil { emit(.updateDisplay(nil, displayID: id)) }
                return
            }
            // An output whose rendering an interrupt stopped is not shown; the session then
            // reports the interrupt as the cell's error (Session.runStatements). Nor is one
            // whose interrupt came as it was finished: sending it (14 MB of JSON for
            // `show x full` of 100 000 values) would keep the interrupt waiting.
            // (`Interruption.isRequested` is false while an interrupted train's summary is shown.)
            guard let shown = render(output), !Interruption.isRequested else { return }
            switch role {
            case .result:
                emit(.result(shown))
            case .display:
                emit(.display(shown, displayID: nil))
            case .liveDisplay(let id):
                if openLiveDisplays.insert(id).inserted { emit(.display(nil, displayID: id)) }
                emit(.updateDisplay(shown, displayID: id))
            case .endLiveDisplay:
                break   // handled above, before rendering
            }
        }
        let timedOut = watchdog?.stop() ?? false
        guard var error else { return nil }
        // The timeout interrupted the cell: one error, the timeout, where it stopped.
        // (A cell that finished although the timer fired just then has no error.)
        if timedOut && error.kind == "KeyboardInterrupt" {
            error.kind = "TimeoutError"
            error.message = "cell \(cell) ran longer than \(Self.seconds(timeout ?? 0)) (--timeout) and was stopped: \(error.message)"
        }
        return CellError(error, settings: session.settings)
    }

    /// `5 s`, `0.5 s`: a number of seconds as the user typed it.
    public static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }

    private func render(_ output: Output) -> ShownOutput? {
        guard let bundle = try? Renderer(settings: session.settings).interruptibleBundle(for: output) else { return nil }
        return ShownOutput(output: output, bundle: bundle)
    }

    /// Stream text ends in a newline, so that the next output starts on its own line.
    private static func line(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}
