import NetLang

/// The text form of a notebook run, as a terminal shows it and as `.out` files store it:
/// each code cell's source after an `In [N]:` prompt (continuation lines after
/// `...:`), then the text of its outputs in order, then a blank line.
///
///     In [1]: tensor x = [0.1, 0.2]
///        ...: tensor y = x * 2
///     y (1×2)
///     ...
///
/// A percent-format notebook `NAME.txt` keeps its expected outputs in `NAME.out` beside
/// it: the transcript of its code cells (markdown cells leave it, so editing prose does
/// not invalidate outputs). `nb-run --update NAME.txt` writes it; `--check` compares it.
enum Transcript {
    /// One code cell with its outputs; `count` is the cell's place among the code cells.
    static func codeCell(source: String, count: Int, outputs: [String], colors: Colors = .none) -> String {
        codeCell(source: source, count: count, outputs: outputs.map { TerminalText(text: $0) }, colors: colors)
            .map(\.text).joined()
    }

    /// The same, in pieces for a terminal: warnings are pieces of their own, for standard
    /// error, between the standard-output pieces before and after them.
    static func codeCell(source: String, count: Int, outputs: [TerminalText], colors: Colors = .none) -> [TerminalText] {
        var lines: [String] = []
        let prompt = "In [\(count)]: "
        let more = String(repeating: " ", count: prompt.count - 5) + "...: "
        // A source ending in a newline (as .ipynb cells and papermill's injected cell may)
        // shows no empty last line.
        let shown = source.hasSuffix("\n") ? String(source.dropLast()) : source
        let sourceLines = shown.isEmpty ? [""] : shown.components(separatedBy: "\n")
        for (i, line) in sourceLines.enumerated() {
            // The echo is printed raw to a terminal: a string literal with ESC or a bidi
            // override would recolour it or disguise the line, so each line is escaped
            // (tabs kept; the newlines between lines are the layout itself).
            lines.append(colors.prompt(i == 0 ? prompt : more) + VisibleText.escaped(line, keeping: ["\t"]))
        }
        var pieces = [TerminalText(text: lines.joined(separator: "\n") + "\n")]
        for output in outputs {
            let body = output.text.hasSuffix("\n") ? String(output.text.dropLast()) : output.text
            if pieces[pieces.count - 1].isWarning == output.isWarning {
                pieces[pieces.count - 1].text += body + "\n"
            } else {
                pieces.append(TerminalText(text: body + "\n", isWarning: output.isWarning))
            }
        }
        if pieces[pieces.count - 1].isWarning { pieces.append(TerminalText(text: "")) }
        pieces[pieces.count - 1].text += "\n"
        return pieces
    }

    /// A markdown cell as a terminal shows it (not part of `.out` files).
    static func markdownCell(_ source: String, colors: Colors = .none) -> String {
        let lines = source.components(separatedBy: "\n").map { line in
            line.hasPrefix("#") ? colors.heading(line) : line
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The transcript of every code cell of a notebook that has outputs (stored or fresh).
    static func of(_ notebook: Notebook) -> String {
        var text = ""
        for (i, cell) in notebook.codeCells.enumerated() where cell.executionCount != nil || !cell.outputs.isEmpty {
            text += codeCell(source: cell.source, count: i + 1, outputs: cell.outputs.map(\.plainText))
        }
        return text
    }

    /// Where a percent-format notebook keeps its expected outputs: `a/03-x.txt` -> `a/03-x.out`.
    static func path(for notebookPath: String) -> String {
        let base = notebookPath.hasSuffix(".txt") ? String(notebookPath.dropLast(4)) : notebookPath
        return base + ".out"
    }
}

/// ANSI colours for the terminal, or none.
struct Colors {
    var enabled: Bool
    static let none = Colors(enabled: false)

    func prompt(_ s: String) -> String { wrap(s, "32") }
    func heading(_ s: String) -> String { wrap(s, "1") }
    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
