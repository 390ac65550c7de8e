import NetSupport

/// A notebook as nb-run sees it, whatever file it came from: cells in order, each with
/// the outputs it has (stored in the file, or produced by running it).
///
///     var notebook = try PercentFormat.parse("# %%\ntensor x = [1, 2]\n")
///     notebook.cells[0].kind   // .code
struct Notebook {
    var cells: [NotebookCell]
    /// The top-level `metadata` of an .ipynb, kept so that rewriting it loses nothing.
    var metadata: JSONObject = [:]

    var codeCells: [NotebookCell] { cells.filter { $0.kind == .code } }
}

struct NotebookCell {
    enum Kind: String { case code, markdown, raw }
    var kind: Kind
    /// The cell's text without the percent-format markers (markdown without its `# `).
    var source: String
    /// nbformat 4.5 cell id; nb-run makes stable ones (`cell-3`) for cells that have none.
    var id: String?
    var outputs: [CellOutput] = []
    var executionCount: Int?
    /// The cell's own `metadata` in an .ipynb.
    var metadata: JSONObject = [:]
}

/// One output of a code cell, in the form .ipynb stores it.
enum CellOutput {
    /// Text written by `print` (stdout).
    case stream(String)
    /// Warnings (the stderr stream, as Jupyter stores them).
    case stderr(String)
    /// display_data: a MIME bundle keyed by type; `text/plain` is always there.
    case display(data: JSONObject)
    /// execute_result: the value of the cell's last statement.
    case result(data: JSONObject, executionCount: Int?)
    /// The error that stopped the cell; `traceback` is what a person reads (caret included).
    case error(name: String, value: String, traceback: [String])

    /// What a terminal shows, and what `--check` compares.
    var plainText: String {
        switch self {
        case .stream(let text), .stderr(let text): return text
        case .display(let data), .result(let data, _): return CellOutput.plain(data)
        case .error(_, _, let traceback): return traceback.joined(separator: "\n")
        }
    }

    var isError: Bool { if case .error = self { return true } else { return false } }

    /// `text/plain` of a MIME bundle: a string, or nbformat's list of lines.
    static func plain(_ data: JSONObject) -> String {
        switch data["text/plain"] {
        case .string(let text)?: return text
        case .array(let lines)?: return lines.compactMap(\.string).joined()
        default: return ""
        }
    }
}
