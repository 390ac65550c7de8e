/// Reads tokens into statements and expressions (recursive descent).
///
/// Statements are found through `StatementTable`: the first word of a statement picks
/// its parser. Anything else is an expression statement (its value is shown).
///
///     var parser = try Parser(source: "tensor y = x @ W + b")
///     let statements = try parser.parseCell()
///
/// Split by concern so each part reads alone: the cursor and cell/statement parsing here,
/// expressions (precedence climbing, indexing, literals) in Parser+Expressions.swift,
/// call arguments and `label: value` options in Parser+Arguments.swift.
struct Parser {
    private(set) var tokens: [Token]
    private(set) var position = 0
    /// Deeper expressions are refused so evaluation never exhausts the stack.
    static let maxDepth = 150
    /// How many parseExpression calls are open (Parser+Expressions.swift checks it).
    var nesting = 0

    init(source: String) throws {
        var lexer = Lexer(source: source)
        tokens = try lexer.tokenize()
    }

    init(tokens: [Token]) { self.tokens = tokens }

    // MARK: - Cursor

    var current: Token { tokens[min(position, tokens.count - 1)] }
    func peek(_ ahead: Int = 1) -> Token { tokens[min(position + ahead, tokens.count - 1)] }
    var atStatementEnd: Bool { current.isEnd }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Consumes `symbol` if it is next.
    mutating func accept(_ symbol: String) -> Bool {
        if current.isSymbol(symbol) { advance(); return true }
        return false
    }

    /// Consumes the identifier `word` if it is next.
    mutating func acceptWord(_ word: String) -> Bool {
        if current.identifier == word { advance(); return true }
        return false
    }

    /// Consumes `symbol` or says what was expected. `opening` is the bracket it closes.
    @discardableResult
    mutating func expect(_ symbol: String, after what: String? = nil, closing opening: Token? = nil) throws -> Token {
        if current.isSymbol(symbol) { return advance() }
        // At the end, or at the first word of a later line, the bracket was never closed.
        let startsLine = position > 0 && tokens[position - 1].location.line < current.location.line
        if let opening, current.isEnd || (startsLine && current.location.line > opening.location.line) {
            let o = opening.location
            throw LangError(.syntax, "this '\(opening.kind.symbolText)' is never closed", at: o,
                            hint: "add '\(symbol)' (opened at line \(o.line), column \(o.column))")
        }
        var message = "expected '\(symbol)'"
        if let what { message += " after \(what)" }
        message += ", found \(current.describe)"
        throw LangError(.syntax, message, at: current.location)
    }

    /// An identifier, or an error saying what kind of word was expected.
    mutating func expectIdentifier(_ what: String, suggestions: [String] = []) throws -> Token {
        guard current.identifier != nil else {
            throw LangError(.syntax, "expected \(what), found \(current.describe)", at: current.location,
                            hint: suggestions.isEmpty ? nil : "one of: " + suggestions.joined(separator: ", "))
        }
        return advance()
    }

    /// An identifier that must be one of `choices`, with a suggestion when it is not.
    mutating func expectChoice(_ what: String, _ choices: [String]) throws -> Token {
        let token = try expectIdentifier(what, suggestions: choices)
        guard let word = token.identifier, choices.contains(word) else {
            let word = token.identifier ?? ""
            let hint = Suggest.hint(for: word, in: choices) ?? "one of: " + choices.joined(separator: ", ")
            throw LangError(.name, "unknown \(what) '\(word)'", at: token.location, hint: hint)
        }
        return token
    }

    // MARK: - Cell

    /// Every statement of the cell, in order. Parsing is whole-cell: a syntax error
    /// anywhere means nothing runs (as in Python).
    mutating func parseCell() throws -> [ParsedStatement] {
        var result: [ParsedStatement] = []
        while true {
            while case .end = current.kind { advance() }
            if case .eof = current.kind { break }
            let start = current
            let statement = try parseStatement()
            guard current.isEnd else {
                throw LangError(.syntax, "expected the end of the statement, found \(current.describe)",
                                at: current.location,
                                hint: current.isSymbol(")") || current.isSymbol("]") ? "this bracket closes nothing"
                                    : current.isSymbol("≈") ? "≈ compares only in a check: check a ≈ b (help check)" : nil)
            }
            var suppressed = false
            if case .end(let s) = current.kind { suppressed = s }
            result.append(ParsedStatement(statement: statement, location: start.location, suppressed: suppressed))
        }
        return result
    }

    private mutating func parseStatement() throws -> Statement {
        let first = current
        if let word = first.identifier, let parse = StatementTable.parsers[word], !looksLikeExpression(keyword: word) {
            advance()
            do {
                return try parse(&self, first)
            } catch var error as LangError where error.kind == .syntax && error.hint == nil {
                error.hint = HelpCatalog.usage[word].map { "write \($0)" }
                throw error
            }
        }
        if let word = first.identifier {
            let next = peek()
            if next.isSymbol("=") {
                throw LangError(.syntax, "unknown statement '\(word) = …'", at: first.location,
                                hint: "to define a tensor write 'tensor \(word) = …'")
            }
            switch next.kind {
            case .identifier, .number, .string:
                throw LangError(.syntax, "unknown statement '\(word)'", at: first.location,
                                hint: Suggest.hint(for: word, in: StatementTable.keywords)
                                    ?? "statements: " + StatementTable.keywords.joined(separator: ", "))
            default: break
            }
        }
        let expr = try parseExpression()
        return ExpressionStatement(expr: expr)
    }

    /// `step(x)` is the step function, not the `step` statement.
    private func looksLikeExpression(keyword: String) -> Bool {
        let next = peek()
        if next.isSymbol("(") { return keyword == "step" }
        return false
    }
}

/// A parsed statement with where it starts and whether `;` silenced it.
struct ParsedStatement {
    var statement: Statement
    var location: SourceLocation
    var suppressed: Bool
}

extension Token.Kind {
    var symbolText: String {
        if case .symbol(let s) = self { return s }
        return ""
    }
}
