/// Call arguments and statement options: the `label: value` lists of function calls
/// (`sum(a, rows)`), layer and optimizer calls, and statements such as `step lr: 0.5`.
extension Parser {
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
