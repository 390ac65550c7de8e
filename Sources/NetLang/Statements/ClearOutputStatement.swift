import NetCore
import NetSupport

/// `clear_output` clears what the cell has shown so far, as IPython's
/// `clear_output()` does; `clear_output wait: true` (or `clear_output(wait: true)`)
/// clears only when the next output arrives, so a redrawn plot does not flicker.
///
///     plot loss
///     train x, t, epochs: 100
///     clear_output wait: true
///     plot loss                  # the cell now shows only the new curve
///
/// The kernel sends Jupyter's clear_output message; nb-run drops the cell's outputs so
/// far (or, with wait, when the next one comes), as a notebook saved by Jupyter keeps them.
/// It is not `reset`, which clears the session's tensors and layers.
struct ClearOutputStatement: Statement {
    var wait: Expr?

    static let parsers: [String: StatementParser] = [
        "clear_output": { parser, keyword in
            var options: [NamedOption]
            if parser.current.isSymbol("(") {
                let open = parser.advance()
                options = try parser.parseArguments(open: open).map { argument in
                    guard let label = argument.label, label == "wait", let at = argument.labelLocation else {
                        throw LangError(.syntax, "clear_output takes only wait: true or wait: false", at: argument.value.location,
                                        hint: "clear_output(wait: true)")
                    }
                    return NamedOption(name: label, location: at, value: argument.value)
                }
                if options.count > 1 {
                    throw LangError(.syntax, "option 'wait' is given twice", at: options[1].location)
                }
            } else {
                options = try parser.parseNamedOptions(allowed: ["wait"], for: "clear_output")
            }
            return ClearOutputStatement(wait: options.first?.value)
        },
    ]

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        guard let wait else { return [.clearOutput(wait: false)] }
        var evaluator = Evaluator(context: context)
        let value = try evaluator.number(wait, what: "wait")
        guard value == 0 || value == 1 else {
            throw LangError(.value, "wait is true or false, not \(SentenceNumber.text(value, .trimmed(decimals: nil)))", at: wait.location)
        }
        return [.clearOutput(wait: value == 1)]
    }
}
