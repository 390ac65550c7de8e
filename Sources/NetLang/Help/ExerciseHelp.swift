/// `help check`, `help todo`: exercises that check themselves (Statements/CheckStatement.swift).
extension HelpCatalog {
    static let exercises: [HelpTopic] = [
        HelpTopic(name: "check", categories: [.statement], summary: "check an answer: a ✓ line, or a CheckError with a hint",
                  body: """
                  check GOT ≈ EXPECTED (tol: T), "HINT"
                  check A OP B, "HINT"             OP is one of == != < <= > >=

                  A check that holds prints one line, ✓ and what was computed; one that does
                  not stops the cell with a CheckError that shows what was expected, what the
                  cell computed, the difference and the hint, with a caret under the checked
                  expression. In Jupyter it is an error (ename CheckError); nb-run exits with
                  status 1. A check changes nothing in the session. The hint is optional.

                  ≈ (or ~= in ASCII) holds when every |GOT − EXPECTED| ≤ T. Without (tol: …)
                  T is 1e-4, an absolute tolerance: a number copied at 4 decimals (the default
                  precision) passes. tol: 0 asks for equal numbers. Tensors are compared value
                  by value and must have the same shape (a different shape is a CheckError).
                  nan never passes ≈, not even against nan; inf passes only against inf of the
                  same sign. A comparison must hold for every value (broadcasting 1×1, rows
                  and columns as + does); it follows IEEE, so nan fails all but !=.

                    check hidden.a[1,1] ≈ 0.5200 (tol: 1e-4), "h1 is sigmoid(z1); what is z1?"
                    check hidden.a ~= [[0.52, 0.5275]]
                    check sum(hidden.a) > 1, "both hidden units are above one half"
                    check argmax(output.a) == 2
                  """, aliases: ["≈", "~="]),
        HelpTopic(name: "todo", categories: [.statement], summary: "the stub of an exercise not answered yet",
                  body: """
                  todo
                  todo "WHAT TO DO"

                  Always fails with a CheckError "not answered yet" (and the text, if given),
                  so a handed-out notebook stops where the student has work to do. Replace
                  the line with the answer. It is the stub nbgrader puts in solution regions.

                    todo "compute z1 = x @ hidden.W"
                  """),
    ]
}
