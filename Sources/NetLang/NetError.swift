/// A located mistake in a cell: what went wrong, where, and what was expected.
///
///     line 2, column 12: unknown name 'hiden' — did you mean 'hidden'?
///       tensor y = hiden.a
///                  ^^^^^
public struct NetError: Error, Sendable, Equatable {
    /// The kind, used as Jupyter's `ename`: SyntaxError, NameError, ShapeError,
    /// ValueError, FileError, LimitError, KeyboardInterrupt, CheckError (a failed `check`
    /// or an unanswered `todo`).
    public var kind: String
    /// Safe to print: control and invisible characters are escaped (`VisibleText`).
    public var message: String
    /// 1-based line and column (columns count Unicode scalars) in the cell.
    public var line: Int
    public var column: Int
    /// How many characters the caret underlines (at least 1).
    public var length: Int
    /// The source line the error is on, as typed (renderers show it through `VisibleText`).
    public var sourceLine: String
    /// "did you mean 'hidden'?" and the like.
    public var hint: String?

    public init(kind: String, message: String, line: Int, column: Int, length: Int = 1,
                sourceLine: String, hint: String? = nil) {
        // Messages quote names, strings and paths from the cell or a file: escaped once
        // here, every front end (nb-run, the kernel's evalue and traceback) prints them safely.
        self.kind = kind; self.message = VisibleText.escaped(message); self.line = line; self.column = column
        self.length = max(1, length); self.sourceLine = sourceLine; self.hint = hint.map { VisibleText.escaped($0) }
    }

    /// The source line as printed (`VisibleText`), and where the caret goes in it: the
    /// escaped width of what precedes the column and of the underlined characters.
    public var visibleLine: (text: String, caretOffset: Int, caretWidth: Int) {
        let source = Array(sourceLine.unicodeScalars)
        func width(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
            scalars.reduce(0) { $0 + (VisibleText.escape($1)?.count ?? 1) }
        }
        let before = source.prefix(max(0, column - 1))
        let underlined = source.dropFirst(max(0, column - 1)).prefix(length)
        // A column past the end (an error at the end of the line) is padded with spaces.
        let offset = width(before) + max(0, column - 1 - source.count)
        return (VisibleText.escaped(sourceLine), offset, max(1, width(underlined) + max(0, length - underlined.count)))
    }

    /// The error as a person reads it: location, message, the line, a caret under the mistake.
    public var formatted: String {
        var head = "line \(line), column \(column): \(message)"
        if let hint { head += " — \(hint)" }
        let visible = visibleLine
        let pad = String(repeating: " ", count: visible.caretOffset)
        let caret = String(repeating: "^", count: visible.caretWidth)
        return "\(kind): \(head)\n  \(visible.text)\n  \(pad)\(caret)"
    }
}
