import NetCore

/// Help for functions, losses, activations, optimizers, initializers and syntax.
extension HelpCatalog {
    // Activations, losses, functions, optimizers and initializers come from NetCore's
    // operation tables, so a new operation has its help where it is defined.
    static let activations: [HelpTopic] = topics(.activation, [.activation, .function])
    static let losses: [HelpTopic] = topics(.loss, [.loss, .function])
    static let functions: [HelpTopic] = OperationTable.all.filter {
        if case .function = $0.kind { return true } else { return false }
    }.map { HelpTopic($0, categories: [.function]) }
    static let optimizers: [HelpTopic] = topics(.optimizer, [.optimizer])
    static let initializers: [HelpTopic] = topics(.initializer, [.initializer])

    private static func topics(_ kind: OperationInfo.Kind, _ categories: [HelpTopic.Category]) -> [HelpTopic] {
        OperationTable.entries(of: kind).map { HelpTopic($0, categories: categories) }
    }

    static let syntax: [HelpTopic] = [
        HelpTopic(name: "operators", categories: [.syntax], summary: "+ - * / @ ^ .T and comparisons",
                  body: """
                  a + b, a - b, a * b, a / b   elementwise; 1×1, 1×n rows and m×1 columns broadcast
                  a @ b                        matrix product (a's columns must equal b's rows)
                  a ^ k                        elementwise power (binds tighter than unary minus: -2^2 is -4)
                  -a, (a)
                  a.T                          transpose
                  a == b, a != b, a < b, a <= b, a > b, a >= b    elementwise, 1 or 0
                  Precedence, loosest first: comparisons; + -; * / @; unary -; ^; .T [ ] calls.
                  """, aliases: ["@", "^", "+", "-", "*", "/", "T", "matmul", "transpose", "expressions"]),
        HelpTopic(name: "indexing", categories: [.syntax], summary: "1-based a[i, j], a[i, :], a[:, j], a[i:k, :]",
                  body: """
                  Indices start at 1, as in the math (w₁₂ is W[1, 2]); i:k includes both ends,
                  as in R and Julia. Any expression can be indexed: grad(h.W)[1, 2], (a @ b)[2, :].
                  a[i] with one index is element i of a row or column vector, otherwise row i.
                  """, aliases: ["index", "slicing", "["]),
        HelpTopic(name: "syntax", categories: [.syntax], summary: "lines, ';', comments, numbers, names",
                  body: """
                  One statement per line. A line continues while ( or [ is open or when it ends
                  with ','. ';' separates statements; a statement ending with ';' shows nothing
                  (it still runs, and `print x;` still prints).
                  '#' starts a comment. Numbers: 3, -0.25, 1e-3. Strings: "text".
                  Names: letters, digits and _, not starting with a digit; true, false and pi
                  stand for 1, 0 and π unless a tensor has that name. Dotted names reach
                  into layers and data sets: hidden.W, hidden.b, hidden.z, hidden.a, xor.x.
                  Every value is a 2-D tensor of numbers: 3 is 1×1, [1, 2] is 1×2,
                  [[1, 2], [3, 4]] is 2×2. Rows are samples, columns features; a dense layer
                  computes z = x @ W + b with W stored IN×OUT. A tensor may hold at most
                  50 million elements; an expression may nest at most 150 levels deep
                  (brackets, signs, ^ chains): split deeper ones over tensor statements.
                  """, aliases: ["comments", "lines", "values", "shapes", "names"]),
        HelpTopic(name: "errors", categories: [.syntax], summary: "what happens when a statement fails",
                  body: """
                  A failing statement changes nothing: tensors, layers and settings stay as they
                  were, and the cell stops there. A syntax error anywhere in a cell stops the whole
                  cell before it runs. Errors give the line and column, show the line with a caret,
                  and suggest a likely fix ("did you mean 'hidden'?").
                  """),
    ]
}

extension HelpTopic {
    /// The help of a table entry.
    init(_ info: OperationInfo, categories: [Category]) {
        self.init(name: info.name, categories: categories, summary: info.summary, body: info.help)
    }
}
