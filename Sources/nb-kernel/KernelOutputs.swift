import CellRunner
import JupyterKernel
import NetRender
import NetSupport

/// CellRunner's events as Jupyter messages: the one place where the language's outputs
/// meet the (language-independent) messaging core.
///
/// `.result` → execute_result; `.display` → display_data (with its display id, if live);
/// `.updateDisplay` → update_display_data (`nil`: an empty bundle); streams → stream
/// (stdout, stderr); `.clearOutput` → clear_output; `help` goes to the pager.
///
/// Why a live display starts and ends empty: what stays of a cell must be the same in
/// every tool. JupyterLab and nbclient keep a display's last update; nbval keeps its
/// first content and ignores updates. Empty at both ends, the live display (progress with
/// timings) is nothing in both, JupyterLab draws nothing for it (no MIME type to render),
/// and what stays (train's loss curve) comes as its own display_data, as nb-run stores it.
enum KernelOutputs {
    static func send(_ event: CellEvent, to context: ExecutionContext) {
        switch event {
        case .result(let shown) where shown.isHelp, .display(let shown?, _) where shown.isHelp:
            context.page(data(shown))
        case .result(let shown):
            context.publishResult(data(shown))
        case .display(let shown, let id):
            context.display(data(shown), displayID: id)
        case .updateDisplay(let shown, let id):
            context.updateDisplay(data(shown), displayID: id)
        case .stream(let name, let text):
            context.stream(text, name: name.rawValue)
        case .clearOutput(let wait):
            context.clearOutput(wait: wait)
        }
    }

    /// A MIME bundle as messages carry it; nothing shown is an empty bundle.
    static func data(_ shown: ShownOutput?) -> MimeData {
        shown?.bundle.dictionary ?? [:]
    }

    static func executionError(_ error: CellError) -> ExecutionError {
        ExecutionError(ename: error.ename, evalue: error.evalue, traceback: error.traceback)
    }
}
