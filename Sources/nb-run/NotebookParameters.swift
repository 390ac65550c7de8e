import NetLang

/// `nb-run -p NAME VALUE`: papermill's parameters, injected the way papermill injects them.
///
///     let parameters = try NotebookParameters(pairs: [("lr", "0.1")])
///     parameters.cellSource      // "# Parameters\ntensor lr = 0.1\n"
///     let (injected, note) = parameters.inject(into: notebook)
///
/// The new cell, tagged `injected-parameters`, replaces one a previous run injected, or
/// goes right after the first cell tagged `parameters` (in an .ipynb its metadata tags; in
/// a .txt `# %% tags=["parameters"]`, Jupytext's way), or, without either, at the top
/// (papermill's rule; `note` then says so). A name given twice keeps its first place and
/// its last value, as papermill's parameter dictionary does.
struct NotebookParameters {
    private(set) var assignments: [(name: String, source: String)] = []

    /// Tags papermill reads and writes.
    static let parametersTag = "parameters"
    static let injectedTag = "injected-parameters"

    init(pairs: [(name: String, value: String)]) throws {
        for (name, value) in pairs {
            guard Self.isNetBookName(name) else {
                throw ParameterValue.Problem(description: "parameter name '\(name)' is not a NetBook name "
                                             + "(letters, digits and _, not starting with a digit)")
            }
            let source = try ParameterValue.netBookSource(of: value, for: name)
            if let existing = assignments.firstIndex(where: { $0.name == name }) {
                assignments[existing].source = source
            } else {
                assignments.append((name, source))
            }
        }
    }

    var isEmpty: Bool { assignments.isEmpty }

    /// What papermill's NetBook translator writes for the same parameters.
    var cellSource: String {
        "# Parameters\n" + assignments.map { "tensor \($0.name) = \($0.source)\n" }.joined()
    }

    /// The notebook with the parameters cell in place, and a note when there was no
    /// cell tagged `parameters`.
    func inject(into notebook: Notebook) -> (notebook: Notebook, note: String?) {
        var result = notebook
        var cell = NotebookCell(kind: .code, source: cellSource, id: "injected-parameters")
        cell.metadata = ["tags": [.string(Self.injectedTag)]]
        if let previous = result.cells.firstIndex(where: { $0.tags.contains(Self.injectedTag) }) {
            result.cells[previous] = cell
            return (result, nil)
        }
        if let tagged = result.cells.firstIndex(where: { $0.tags.contains(Self.parametersTag) }) {
            result.cells.insert(cell, at: tagged + 1)
            return (result, nil)
        }
        result.cells.insert(cell, at: 0)
        return (result, "no cell is tagged 'parameters', so the parameters cell runs first, at the top "
                + "(tag a cell: `# %% tags=[\"parameters\"]` in a .txt, the cell's tags in an .ipynb)")
    }

    /// DSL.md's names (letters, digits and `_`, not starting with a digit), as the lexer reads them.
    static func isNetBookName(_ name: String) -> Bool { NameRule.isName(name) }
}

extension NotebookCell {
    /// The cell's `metadata.tags` (papermill's `parameters`, nbval's markers...).
    var tags: [String] { metadata["tags"]?.array?.compactMap(\.string) ?? [] }
}

/// Reads `-p NAME VALUE` / `--parameter NAME VALUE` out of the command line before
/// ArgumentParser sees it: an ArgumentParser option takes one value, and a value such as
/// `-0.5` would be read as an option. Each pair becomes `--parameter NAME=VALUE`, one value
/// taken as it is (`parsing: .unconditional`), split again at the first `=` (a NetBook
/// name has none).
enum ParameterArguments {
    static let flags: Set<String> = ["-p", "--parameter"]

    struct Problem: Error, CustomStringConvertible { var description: String }

    static func rewrite(_ arguments: [String]) throws -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { out += arguments[index...]; break }
            if word.hasPrefix("--parameter=") || (word.hasPrefix("-p") && word.count > 2 && !word.hasPrefix("--")) {
                throw Problem(description: "\(word): write a parameter as two words after -p, e.g. -p lr 0.1")
            }
            guard flags.contains(word) else { out.append(word); index += 1; continue }
            guard index + 2 < arguments.count else {
                throw Problem(description: "\(word) needs a NAME and a VALUE, e.g. \(word) lr 0.1")
            }
            let name = arguments[index + 1]
            guard NotebookParameters.isNetBookName(name) else {
                throw Problem(description: "\(word) \(name): parameter name '\(name)' is not a NetBook name "
                              + "(letters, digits and _, not starting with a digit)")
            }
            out += ["--parameter", name + "=" + arguments[index + 2]]
            index += 3
        }
        return out
    }

    /// `NAME=VALUE` back into its two parts.
    static func split(_ joined: String) -> (name: String, value: String) {
        guard let equals = joined.firstIndex(of: "=") else { return (joined, "") }
        return (String(joined[..<equals]), String(joined[joined.index(after: equals)...]))
    }
}
