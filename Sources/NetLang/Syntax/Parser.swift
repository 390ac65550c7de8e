/// Reads tokens into statements and expressions (recursive descent).
///
/// Statements are found through `StatementTable`: the first word of a statement picks
/// its parser. Anything else is an expression statement (its value is shown).
///
///     var parser = try Parser(source: "tensor y = x @ W + b")
///     let statements = try parser.parseCell()
struct Parser {
    private(set) var tokens: [Token]
    private(set) var position = 0
    /// Deeper expressions are refused so evaluation never exhausts the stack.
    static let maxDepth = 150
    private var nesting = 0

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

    // MARK: - Expressions

    mutating func parseExpression() throws -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting < Self.maxDepth else {
            throw LangError(.limit, "this expression is nested too deeply (more than \(Self.maxDepth) levels)", at: current.location,
                            hint: "split it over several tensor statements")
        }
        return try parseComparison()
    }

    private mutating func checked(_ e: Expr) throws -> Expr {
        guard e.depth < Self.maxDepth else {
            throw LangError(.limit, "this expression is too long or nested too deeply (more than \(Self.maxDepth) levels)",
                            at: e.location, hint: "split it over several tensor statements")
        }
        return e
    }

    private static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    private mutating func parseComparison() throws -> Expr {
        var left = try parseAdditive()
        while case .symbol(let op) = current.kind, Self.comparisons.contains(op) {
            advance()
            let right = try parseAdditive()
            left = try checked(Expr(.binary(op, left, right), at: left.location.through(right.location)))
        }
        return left
    }

    private mutating func parseAdditive() throws -> Expr {
        var left = try parseTerm()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            advance()
            let right = try parseTerm()
            left = try checked(Expr(.binary(op, left, right), at: left.location.through(right.location)))
        }
        return left
    }

    private mutating func parseTerm() throws -> Expr {
        var left = try parseUnary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" || op == "@" {
            advance()
            let right = try parseUnary()
            left = try checked(Expr(.binary(op, left, right), at: left.location.through(right.location)))
        }
        return left
    }

    private mutating func parseUnary() throws -> Expr {
        if case .symbol(let op) = current.kind, op == "-" || op == "+" {
            let sign = advance()
            nesting += 1
            defer { nesting -= 1 }
            guard nesting < Self.maxDepth else {
                throw LangError(.limit, "this expression is nested too deeply (more than \(Self.maxDepth) levels)", at: sign.location,
                                hint: "split it over several tensor statements")
            }
            let operand = try parseUnary()
            let loc = sign.location.through(operand.location)
            if op == "+" { return operand }
            if case .number(let v) = operand.kind { return Expr(.number(-v), at: loc) }
            return try checked(Expr(.unary("-", operand), at: loc))
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expr {
        let base = try parsePostfix()
        if current.isSymbol("^") {
            let caret = advance()
            // `^` is right-associative: 2^2^…^2 nests to the right by recursion, so each
            // level counts against the depth before the next is parsed, not after.
            nesting += 1
            defer { nesting -= 1 }
            guard nesting < Self.maxDepth else {
                throw LangError(.limit, "this expression is nested too deeply (more than \(Self.maxDepth) levels)", at: caret.location,
                                hint: "split it over several tensor statements")
            }
            let exponent = try parseUnary()
            return try checked(Expr(.binary("^", base, exponent), at: base.location.through(exponent.location)))
        }
        return base
    }

    private mutating func parsePostfix() throws -> Expr {
        var e = try parsePrimary()
        while true {
            if current.isSymbol(".") {
                advance()
                let member = try expectIdentifier("a member name after '.' (like .T, .W, .b, .z, .a)")
                let name = member.identifier ?? ""
                let loc = e.location.through(member.location)
                e = try checked(name == "T" ? Expr(.transpose(e), at: loc) : Expr(.member(e, name, member.location), at: loc))
            } else if current.isSymbol("[") {
                let open = advance()
                let subs = try parseSubscripts(open: open)
                let close = tokens[position - 1]
                e = try checked(Expr(.index(e, subs), at: e.location.through(close.location)))
            } else {
                return e
            }
        }
    }

    private mutating func parseSubscripts(open: Token) throws -> [Subscript] {
        var subs: [Subscript] = []
        repeat {
            if current.isSymbol(":") {
                advance()
                subs.append(.all)
            } else {
                let from = try parseExpression()
                if accept(":") {
                    let to = try parseExpression()
                    subs.append(.range(from, to))
                } else {
                    subs.append(.at(from))
                }
            }
        } while accept(",") && !current.isSymbol("]")
        try expect("]", closing: open)
        guard subs.count <= 2 else {
            throw LangError(.syntax, "an index has at most two parts, [row, column]", at: open.location)
        }
        return subs
    }

    private mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case .number(let v):
            advance()
            return Expr(.number(v), at: token.location)
        case .string(let s):
            advance()
            return Expr(.string(s), at: token.location)
        case .identifier(let name):
            advance()
            if current.isSymbol("(") {
                let open = advance()
                let args = try parseArguments(open: open)
                let close = tokens[position - 1]
                return try checked(Expr(.call(name, args), at: token.location.through(close.location)))
            }
            return Expr(.name(name), at: token.location)
        case .symbol("("):
            advance()
            var inner = try parseExpression()
            let close = try expect(")", closing: token)
            inner.location = token.location.through(close.location)
            return inner
        case .symbol("["):
            advance()
            var items: [Expr] = []
            while !current.isSymbol("]") {
                items.append(try parseExpression())
                if !accept(",") { break }
            }
            // The usual slips of MATLAB and R users: [1 2] and [1, 2; 3, 4].
            if case .end(suppress: true) = current.kind {
                throw LangError(.syntax, "';' ends a statement, it does not separate rows", at: current.location,
                                hint: "write rows as [[1, 2], [3, 4]]")
            }
            let sameLine = tokens[position - 1].location.line == current.location.line
            switch current.kind {
            case .number where sameLine, .identifier where sameLine:
                throw LangError(.syntax, "expected ',' or ']', found \(current.describe)", at: current.location,
                                hint: "separate elements with commas: [1, 2]")
            default: break
            }
            let close = try expect("]", closing: token)
            return try checked(Expr(.list(items), at: token.location.through(close.location)))
        default:
            let what = token.isEnd ? "an expression before \(token.describe)" : "an expression"
            throw LangError(.syntax, "expected \(what), found \(token.describe)", at: token.location,
                            hint: token.isSymbol(")") || token.isSymbol("]") ? "this bracket closes nothing" : nil)
        }
    }

    /// Call arguments up to the closing `)`: positional, or `label: value`.
    mutating func parseArguments(open: Token) throws -> [Argument] {
        var args: [Argument] = []
        while !current.isSymbol(")") {
            if current.identifier != nil, peek().isSymbol(":") {
                let label = advance()
                advance()
                args.append(Argument(label: label.identifier, labelLocation: label.location, value: try parseExpression()))
            } else {
                args.append(Argument(label: nil, labelLocation: nil, value: try parseExpression()))
            }
            if !accept(",") { break }
        }
        try expect(")", closing: open)
        return args
    }

    /// `label: value, label: value` until the end of the statement (for `step lr: 0.5`).
    mutating func parseNamedOptions(allowed: [String], for statement: String) throws -> [NamedOption] {
        var options: [NamedOption] = []
        while !atStatementEnd {
            let label = try expectIdentifier("an option name", suggestions: allowed.map { "\($0):" })
            let name = label.identifier ?? ""
            guard allowed.contains(name) else {
                throw LangError(.name, "'\(statement)' has no option '\(name)'", at: label.location,
                                hint: Suggest.hint(for: name, in: allowed) ?? "options: " + allowed.map { "\($0):" }.joined(separator: ", "))
            }
            guard !options.contains(where: { $0.name == name }) else {
                throw LangError(.syntax, "option '\(name)' is given twice", at: label.location)
            }
            try expect(":", after: "'\(name)'")
            options.append(NamedOption(name: name, location: label.location, value: try parseExpression()))
            if !accept(",") { break }
        }
        return options
    }
}

/// `name: value` after a statement.
struct NamedOption {
    var name: String
    var location: SourceLocation
    var value: Expr
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
