/// Whether a cell is ready to run (Jupyter's is_complete): an open bracket or a
/// trailing comma wants more lines; a closer with no opener can never be valid.
enum CompletenessCheck {
    static func check(_ code: String) -> Completeness {
        var lexer = Lexer(source: code)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch {
            return .invalid
        }
        if lexer.hasUnbalancedCloser { return .invalid }
        if !lexer.openBrackets.isEmpty { return .incomplete(indent: "  ") }
        let significant = tokens.filter { if case .eof = $0.kind { return false }; return true }
        if let last = significant.last, last.isSymbol(",") { return .incomplete(indent: "  ") }
        return .complete
    }
}
