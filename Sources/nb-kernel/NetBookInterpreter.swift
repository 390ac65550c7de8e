import FoundationEssentials
import JupyterKernel
import NetCore
import NetLang
import NetRender
import NetSupport

/// NetBook as a Jupyter `Interpreter`: one `Session` per kernel, each output rendered
/// to one MIME bundle by NetRender.
///
///     let kernel = try ZMQKernelServer(connection: info, interpreter: NetBookInterpreter())
///
/// Roles map to messages: `.result` → execute_result, `.display` → display_data,
/// `.liveDisplay(id)` → an empty display_data with that display id the first time, then
/// update_display_data with the output, `.endLiveDisplay(id)` → update_display_data that
/// empties it again; `print` goes to stdout, warnings to stderr, `clear_output` sends
/// clear_output; `help` goes to the pager.
///
/// Why a live display starts and ends empty: what stays of a cell must be the same in
/// every tool. JupyterLab and nbclient keep a display's last update; nbval keeps its
/// first content and ignores updates. Empty at both ends, the live display (progress with
/// timings) is nothing in both, JupyterLab draws nothing for it (no MIME type to render),
/// and what stays (train's loss curve) comes as its own display_data, as nb-run stores it.
final class NetBookInterpreter: Interpreter {
    static let version = LanguageMetadata.version
    let session = Session()

    let kernelInfo = KernelInfo(
        implementation: "nb-kernel", implementationVersion: NetBookInterpreter.version,
        // LanguageMetadata (NetLang) is shared with nb-run, which stores the same in notebooks.
        language: LanguageInfo(name: LanguageMetadata.name, version: LanguageMetadata.version,
                               mimetype: LanguageMetadata.mimetype, fileExtension: LanguageMetadata.fileExtension,
                               pygmentsLexer: LanguageMetadata.pygmentsLexer, codemirrorMode: LanguageMetadata.codemirrorMode),
        banner: "NetBook \(NetBookInterpreter.version): a language for seeing how neural networks learn. Type help.",
        helpLinks: [])

    private var renderer: Renderer { Renderer(settings: session.settings) }

    func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecuteOutcome {
        if ExitRequest.matches(request.code) {
            context.askExit()
            return .ok
        }
        var liveIDs = Set<String>()
        let error = session.run(request.code) { output, role in
            if case .endLiveDisplay(let id) = role {
                if liveIDs.contains(id) { context.updateDisplay([:], displayID: id) }
                return
            }
            // An output whose rendering an interrupt stopped is not sent; the session then
            // reports the interrupt as the cell's error (Session.runStatements).
            // Nor is one whose interrupt came as it was finished: the message's JSON (14 MB for
            // `show x full` of 100 000 values) is written before it can be sent.
            // (`Interruption.isRequested`: the summary of an interrupted train is shown.)
            guard let bundle = try? renderer.interruptibleBundle(for: output), !Interruption.isRequested else { return }
            switch output {
            case .stream(let text):
                context.stream(text.hasSuffix("\n") ? text : text + "\n")
                return
            case .warning(let text):
                context.stream(text.hasSuffix("\n") ? text : text + "\n", name: "stderr")
                return
            case .clearOutput(let wait):
                context.clearOutput(wait: wait)
                return
            default: break
            }
            if case .note(let note) = output, note.isHelp {
                context.page(bundle.jsonObject)
                return
            }
            switch role {
            case .display:
                context.display(bundle.jsonObject)
            case .result:
                context.publishResult(bundle.jsonObject)
            case .liveDisplay(let id):
                if liveIDs.insert(id).inserted { context.display([:], displayID: id) }
                context.updateDisplay(bundle.jsonObject, displayID: id)
            case .endLiveDisplay:
                break   // handled above, before rendering
            }
        }
        guard let error else { return .ok }
        return .error(executionError(error))
    }

    func executionError(_ error: NetError) -> ExecutionError {
        var value = "line \(error.line), column \(error.column): \(error.message)"
        if let hint = error.hint { value += " — \(hint)" }
        let text = Renderer(settings: session.settings).text(error)
        return ExecutionError(ename: error.kind, evalue: value, traceback: text.components(separatedBy: "\n"))
    }

    func complete(_ code: String, cursor: Int) -> CompletionResult {
        let completion = session.complete(code, cursor: cursor)
        return CompletionResult(matches: completion.matches, cursorStart: completion.start, cursorEnd: completion.end)
    }

    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeData? {
        session.inspect(code, cursor: cursor).map { renderer.bundle(for: $0).jsonObject }
    }

    func isComplete(_ code: String) -> CompletenessResult {
        switch session.isComplete(code) {
        case .complete: return .complete
        case .incomplete(let indent): return .incomplete(indent: indent)
        case .invalid: return .invalid
        }
    }

    /// A user expression runs as a cell would (an expression shows its value); its last
    /// output is the answer.
    func evaluate(expression: String) -> Result<MimeData, ExecutionError> {
        var last: MimeData?
        if let error = session.run(expression, emit: { output, _ in
            if !output.isStreamLike || last == nil { last = renderer.bundle(for: output).jsonObject }
        }) {
            return .failure(executionError(error))
        }
        return .success(last ?? ["text/plain": ""])
    }

    func interrupt() { session.interrupt.raise() }
}
