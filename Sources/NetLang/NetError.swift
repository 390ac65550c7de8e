/// A located mistake in a cell: what went wrong, where, and what was expected.
///
///     line 2, column 12: unknown name 'hiden' — did you mean 'hidden'?
///       tensor y = hiden.a
///                  ^^^^^
public struct NetError: Error, Sendable, Equatable {
    /// The kind, used as Jupyter's `ename`: SyntaxError, NameError, ShapeError,
    /// ValueError, FileError, LimitError, KeyboardInterrupt.
    public var kind: String
    public var message: String
    /// 1-based line and column (columns count Unicode scalars) in the cell.
    public var line: Int
    public var column: Int
    /// How many characters the caret underlines (at least 1).
    public var length: Int
    /// The source line the error is on.
    public var sourceLine: String
    /// "did you mean 'hidden'?" and the like.
    public var hint: String?

    public init(kind: String, message: String, line: Int, column: Int, length: Int = 1,
                sourceLine: String, hint: String? = nil) {
        self.kind = kind; self.message = message; self.line = line; self.column = column
        self.length = max(1, length); self.sourceLine = sourceLine; self.hint = hint
    }

    /// The error as a person reads it: location, message, the line, a caret under the mistake.
    public var formatted: String {
        var head = "line \(line), column \(column): \(message)"
        if let hint { head += " — \(hint)" }
        let pad = String(repeating: " ", count: max(0, column - 1))
        let caret = String(repeating: "^", count: length)
        return "\(kind): \(head)\n  \(sourceLine)\n  \(pad)\(caret)"
    }
}
