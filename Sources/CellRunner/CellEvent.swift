import NetLang
import NetRender

/// One thing a running cell produced, as data, in the order it happened: the vocabulary
/// of Jupyter's iopub messages. nb-kernel sends each as its message (KernelOutputs.swift);
/// nb-run keeps what a notebook saved by Jupyter keeps (NotebookRunner.swift).
///
///     runner.run("print 1\ntensor x = [1]", cell: 1) { event in
///         // .stream(.stdout, "1\n"), then .result(x's tensor with its MIME bundle)
///     }
public enum CellEvent {
    /// execute_result: the value of the cell's last statement that shows something.
    case result(ShownOutput)
    /// display_data. With a display id it is a live display (train's progress): it opens
    /// empty (`nil`) and `updateDisplay` events with the same id replace it.
    case display(ShownOutput?, displayID: String?)
    /// update_display_data: the live display with this id now shows this; `nil` empties it
    /// again when it is over (NetBookInterpreter.swift says why it ends empty).
    case updateDisplay(ShownOutput?, displayID: String)
    /// Text written by `print` (stdout) or a warning (stderr), ending in a newline.
    case stream(StreamName, String)
    /// clear_output; with `wait`, the clearing happens when the next output comes.
    case clearOutput(wait: Bool)
}

/// The two streams a cell writes to.
public enum StreamName: String, Sendable {
    case stdout, stderr
}

/// An output with its MIME bundle, rendered once at the session's settings.
public struct ShownOutput {
    /// The data, for a front end that draws it its own way (nb-run's coloured text).
    public let output: Output
    /// text/plain, HTML, SVG, Markdown and JSON forms (MimeBundle.swift).
    public let bundle: MimeBundle

    /// `help`: Jupyter front ends show it in their pager; a file keeps it as an output.
    public var isHelp: Bool {
        if case .note(let note) = output { return note.isHelp }
        return false
    }
}

/// The error that stopped a cell, as Jupyter's error output and execute_reply carry it.
public struct CellError: Error {
    /// The exception name ("NameError", "CheckError", "KeyboardInterrupt", "TimeoutError").
    public var ename: String
    /// "line L, column C: what went wrong — hint".
    public var evalue: String
    /// What a person reads, line by line: the message, the source line and a caret.
    public var traceback: [String]
    /// The error as data, for a front end that draws it its own way (colour).
    public var error: NetError

    /// The one form of an error both front ends show (plain text, no colour).
    public init(_ error: NetError, settings: RenderSettings) {
        self.error = error
        ename = error.kind
        evalue = "line \(error.line), column \(error.column): \(error.message)"
        if let hint = error.hint { evalue += " — \(hint)" }
        traceback = Renderer(settings: settings).text(error).components(separatedBy: "\n")
    }
}
