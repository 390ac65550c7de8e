/// Where a piece of source sits in a cell: 1-based line and column (Unicode scalars),
/// its length, and its scalar offset from the start of the cell (for completion).
///
///     SourceLocation(line: 2, column: 12, length: 5, offset: 40)
struct SourceLocation: Equatable, Sendable {
    var line: Int
    var column: Int
    var length: Int
    /// Offset of the first scalar from the start of the cell.
    var offset: Int

    static let none = SourceLocation(line: 1, column: 1, length: 1, offset: 0)

    /// The span from the start of `self` to the end of `other` (on `self`'s line).
    func through(_ other: SourceLocation) -> SourceLocation {
        guard other.line == line else { return self }
        let end = other.offset + other.length
        return SourceLocation(line: line, column: column, length: max(1, end - offset), offset: offset)
    }

    var endOffset: Int { offset + length }

    /// The source text this location covers ("x @ W"), or "" if it lies outside `source`.
    func text(in source: String) -> String {
        let scalars = source.unicodeScalars
        guard offset >= 0, length >= 0, endOffset <= scalars.count else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: offset)
        return String(scalars[start..<scalars.index(start, offsetBy: length)])
    }
}

/// One lexical unit of a cell.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        case number(Double)
        case string(String)
        /// Operators and punctuation: + - * / @ ^ ( ) [ ] , : = == != < <= > >= -> . ≈ (`~=` too)
        case symbol(String)
        /// The end of a statement: a line break outside brackets, or `;` (`suppress` true).
        case end(suppress: Bool)
        case eof
    }
    var kind: Kind
    var location: SourceLocation

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    func isSymbol(_ s: String) -> Bool {
        if case .symbol(let value) = kind { return value == s }
        return false
    }

    var isEnd: Bool {
        switch kind {
        case .end, .eof: return true
        default: return false
        }
    }

    /// How the token reads in an error message ("'@'", "a number", "the end of the line").
    var describe: String {
        switch kind {
        case .identifier(let n): return "'\(n)'"
        case .number: return "a number"
        case .string: return "a string"
        case .symbol(let s): return "'\(s)'"
        case .end(let suppress): return suppress ? "';'" : "the end of the line"
        case .eof: return "the end of the cell"
        }
    }
}
