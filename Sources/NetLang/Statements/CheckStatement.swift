import NetCore
import NetSupport

/// `check` and `todo`: exercises that check themselves.
///
///     check hidden.a[1,1] ≈ 0.5200 (tol: 1e-4), "h1 is sigmoid(z1); what is z1?"
///     check loss < 0.1, "train longer, or with a larger lr"
///     todo "compute z1 = x @ hidden.W"
///
/// A check that holds prints one ✓ line (a stream, like `print`); one that does not is a
/// `CheckError` with what was expected, what the cell computed, the difference and the
/// hint, the caret under the checked expression. It changes nothing in the session.
/// `todo` is the stub of an unanswered exercise (nbgrader's code stub): always a CheckError.
struct CheckStatement: Statement {
    enum Condition {
        /// `got ≈ expected (tol: …)`: elementwise, same shape, |got − expected| ≤ tol.
        case approximately(got: Expr, expected: Expr, tolerance: Expr?)
        /// `a OP b` with one of == != < <= > >=, elementwise with broadcasting.
        case comparison(String, Expr, Expr, whole: Expr)
    }
    var condition: Condition
    var hint: String?

    /// The tolerance of `≈` without `(tol: …)`: a number written to 4 decimals (the
    /// default precision) passes, whatever way it was rounded.
    static let defaultTolerance = 1e-4
    static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    static let parsers: [String: StatementParser] = [
        "check": parse,
        "todo": { parser, keyword in
            var location = keyword.location
            var task: String?
            if case .string(let text) = parser.current.kind {
                task = text
                location = location.through(parser.advance().location)
            }
            return TodoStatement(task: task, location: location)
        },
    ]

    static func parse(_ parser: inout Parser, _ keyword: Token) throws -> Statement {
        let left = try parser.parseExpression()
        let condition: Condition
        if parser.current.isSymbol("≈") {
            if case .binary(let op, _, _) = left.kind, comparisons.contains(op) {
                throw LangError(.syntax, "a comparison cannot be checked with ≈", at: left.location,
                                hint: "check a ≈ b, or check a < b")
            }
            parser.advance()
            var expected = try parser.parseExpression()
            if case .binary(let op, _, _) = expected.kind, comparisons.contains(op) {
                throw LangError(.syntax, "one comparison per check", at: expected.location,
                                hint: "check a ≈ b, then another check for the rest")
            }
            var tolerance: Expr?
            // `check y ≈ answer (tol: 1e-4)` reads as a call of `answer`: no function takes `tol:`.
            if case .call(let name, let args) = expected.kind, args.count == 1, args[0].label == "tol" {
                let nameLength = name.unicodeScalars.count
                tolerance = args[0].value
                expected = Expr(.name(name), at: SourceLocation(line: expected.location.line, column: expected.location.column,
                                                                length: nameLength, offset: expected.location.offset))
            } else if parser.current.isSymbol("("), parser.peek().identifier == "tol", parser.peek(2).isSymbol(":") {
                let open = parser.advance()
                parser.advance(); parser.advance()
                tolerance = try parser.parseExpression()
                try parser.expect(")", after: "the tolerance", closing: open)
            }
            condition = .approximately(got: left, expected: expected, tolerance: tolerance)
        } else if case .binary(let op, let a, let b) = left.kind, comparisons.contains(op) {
            condition = .comparison(op, a, b, whole: left)
        } else {
            throw LangError(.syntax, "check needs a comparison, found \(parser.current.isEnd ? "none" : parser.current.describe)",
                            at: parser.current.isEnd ? left.location : parser.current.location,
                            hint: "check a ≈ b (tol: 1e-4), or a comparison: ==, !=, <, <=, >, >=")
        }
        var hint: String?
        if parser.accept(",") {
            if parser.current.identifier == "tol" {
                throw LangError(.syntax, "the tolerance goes in brackets after the expected value", at: parser.current.location,
                                hint: "check a ≈ b (tol: 1e-4), \"hint\"")
            }
            guard case .string(let text) = parser.current.kind else {
                throw LangError(.syntax, "expected the hint as a string after ',', found \(parser.current.describe)",
                                at: parser.current.location, hint: "check a ≈ b, \"what to look at\"")
            }
            parser.advance()
            hint = text
        }
        return CheckStatement(condition: condition, hint: hint)
    }

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        // A check asserts and changes nothing (rand in it included): it evaluates on a state
        // of its own, so an exercise's checks never shift the numbers of the cells after it.
        var evaluator = Evaluator(state: context.state, source: context.source, memory: context.memory)
        let verdict: CheckVerdict
        var warning: Output?
        switch condition {
        case .approximately(let gotExpr, let expectedExpr, let toleranceExpr):
            let got = try evaluator.value(gotExpr)
            let expected = try evaluator.value(expectedExpr)
            var tolerance = Self.defaultTolerance
            if let toleranceExpr {
                tolerance = try evaluator.number(toleranceExpr, what: "the tolerance")
                guard tolerance.isFinite, tolerance >= 0 else {
                    throw LangError(.value, "the tolerance must be a finite number from 0 up, not \(SentenceNumber.text(tolerance, .trimmed(decimals: nil)))",
                                    at: toleranceExpr.location, hint: "tol: 1e-4 passes |got − expected| ≤ 0.0001")
                }
            }
            verdict = CheckVerdict.approximately(got, expected, tolerance: tolerance)
            let largest = expected.data.reduce(0.0) { $1.isNaN ? $0 : max($0, abs($1)) }
            if largest > 0, largest <= tolerance { warning = Warnings.toleranceCoversExpected(tolerance: tolerance, largest: largest) }
        case .comparison(let op, let a, let b, let whole):
            let left = try evaluator.evaluate(a)
            let right = try evaluator.evaluate(b)
            let result = try evaluator.binary(op, left, right, at: whole).value
            verdict = CheckVerdict.comparison(op, left.value, right.value, result: result)
        }
        let checked = checkedExpression
        if let failure = verdict.failure {
            throw LangError(.check, "check failed: " + failure, at: checked.location, hint: hint)
        }
        let tick = Output.stream("✓ \(shownText(in: context.source)) (\(verdict.passed))\n")
        return warning.map { [tick, $0] } ?? [tick]
    }

    /// Where the caret goes: under the value being checked.
    private var checkedExpression: Expr {
        switch condition {
        case .approximately(let got, _, _): return got
        case .comparison(_, let a, _, _): return a
        }
    }

    /// The condition as written, on one line and at most 80 characters.
    private func shownText(in source: String) -> String {
        let (first, last): (Expr, Expr)
        switch condition {
        case .approximately(let got, let expected, _): (first, last) = (got, expected)
        case .comparison(_, let a, let b, _): (first, last) = (a, b)
        }
        let span = SourceLocation(line: first.location.line, column: first.location.column,
                                  length: max(1, last.location.endOffset - first.location.offset), offset: first.location.offset)
        let words = span.text(in: source).split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" })
        var text = VisibleText.escaped(words.joined(separator: " "))
        if text.count > 80 { text = String(text.prefix(79)) + "…" }
        return text
    }
}

/// `todo` / `todo "what to do"`: an exercise not answered yet. Always fails, so a notebook
/// handed out with stubs stops where the student has work to do (and nbgrader gives 0).
struct TodoStatement: Statement {
    var task: String?
    var location: SourceLocation

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        let what = task.map { ": \($0)" } ?? ""
        throw LangError(.check, "not answered yet\(what)", at: location,
                        hint: "replace todo with your answer")
    }
}
