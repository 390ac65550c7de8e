import CellRunner
import FoundationEssentials
import JupyterKernel
import NetCore
import NetLang
import NetRender
import NetSupport

/// NetBook as a Jupyter `Interpreter`: one `Session` per kernel, run cell by cell by
/// CellRunner (the same runner as nb-run's); KernelOutputs.swift turns its events into messages.
///
///     let kernel = try ZMQKernelServer(connection: info, interpreter: NetBookInterpreter())
final class NetBookInterpreter: Interpreter {
    static let version = LanguageMetadata.version
    let runner = CellRunner()
    var session: Session { runner.session }

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
        let error = runner.run(request.code, cell: request.executionCount) { event in
            KernelOutputs.send(event, to: context)
        }
        return error.map { .error(KernelOutputs.executionError($0)) } ?? .ok
    }

    func complete(_ code: String, cursor: Int) -> CompletionResult {
        let completion = session.complete(code, cursor: cursor)
        return CompletionResult(matches: completion.matches, cursorStart: completion.start, cursorEnd: completion.end)
    }

    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeData? {
        session.inspect(code, cursor: cursor).map { renderer.bundle(for: $0).dictionary }
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
        let error = runner.run(expression, cell: 0) { event in
            switch event {
            case .result(let shown), .display(let shown?, _), .updateDisplay(let shown?, _):
                last = KernelOutputs.data(shown)
            case .stream(_, let text) where last == nil:
                last = ["text/plain": .string(text)]
            default:
                break
            }
        }
        if let error { return .failure(KernelOutputs.executionError(error)) }
        return .success(last ?? ["text/plain": ""])
    }

    func interrupt() { runner.interrupt() }
}
