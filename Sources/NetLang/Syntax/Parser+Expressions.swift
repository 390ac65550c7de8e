/// Expressions, loosest binding first: comparison, + -, * / @, unary -, ^, postfix
/// (.T, [ ], calls), primary. One function per level, as in Crafting Interpreters;
/// depth is bounded (Parser.maxDepth) so evaluation never exhausts the stack.
extension Parser {
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

    /// The binary levels, loosest first: each is left-associative over the next one down.
    private static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]
    private static let additive: Set<String> = ["+", "-"]
    private static let multiplicative: Set<String> = ["*", "/", "@"]

    private mutating func parseComparison() throws -> Expr {
        try parseLeftAssociative(Self.comparisons) { try $0.parseAdditive() }
    }

    private mutating func parseAdditive() throws -> Expr {
        try parseLeftAssociative(Self.additive) { try $0.parseTerm() }
    }

    private mutating func parseTerm() throws -> Expr {
        try parseLeftAssociative(Self.multiplicative) { try $0.parseUnary() }
    }

    /// `next (op next)*` for the operators of one level, folded to the left: a - b - c is
    /// (a - b) - c. Each fold is checked against the depth bound, so a chain of 10 000
    /// additions is an error, not a stack overflow when it is evaluated.
    private mutating func parseLeftAssociative(_ operators: Set<String>, next: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try next(&self)
        while case .symbol(let op) = current.kind, operators.contains(op) {
            advance()
            let right = try next(&self)
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
}
