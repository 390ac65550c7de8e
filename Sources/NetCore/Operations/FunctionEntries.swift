/// Name, group and help of the built-in functions other than activations and losses.
/// The group says how the language evaluates a call (NetLang's FunctionTable);
/// elementwise math functions compute with MathFunction (forward and derivative together).
/// The arguments are the positional ones a call must give (a reduction may add rows or cols);
/// a wrong count is answered with "write NAME(ARGUMENTS)".
enum FunctionEntries {
    static let entries: [OperationInfo] = [
        OperationInfo("exp", .function(.elementwise), arguments: [.init("x")], summary: "e^x elementwise", help: "exp(x)"),
        OperationInfo("log", .function(.elementwise), arguments: [.init("x")], summary: "natural logarithm, elementwise", help: "log(x) — log of 0 is -inf, of a negative number NaN."),
        OperationInfo("sqrt", .function(.elementwise), arguments: [.init("x")], summary: "square root, elementwise", help: "sqrt(x)"),
        OperationInfo("abs", .function(.elementwise), arguments: [.init("x")], summary: "absolute value, elementwise", help: "abs(x)"),
        OperationInfo("sum", .function(.reduction), arguments: [.init("a")], summary: "sum of all elements, or per row / column",
                  help: "sum(a)         1×1\nsum(a, rows)   one value per row (r×1)\nsum(a, cols)   one value per column (1×c)"),
        OperationInfo("mean", .function(.reduction), arguments: [.init("a")], summary: "mean of all elements, or per row / column",
                  help: "mean(a), mean(a, rows), mean(a, cols)"),
        OperationInfo("max", .function(.reduction), arguments: [.init("a")], summary: "largest element, or per row / column",
                  help: "max(a), max(a, rows), max(a, cols) — the gradient goes to the (first) largest element."),
        OperationInfo("min", .function(.reduction), arguments: [.init("a")], summary: "smallest element, or per row / column",
                  help: "min(a), min(a, rows), min(a, cols)"),
        OperationInfo("argmax", .function(.other), arguments: [.init("a")], summary: "column of the largest value per row, 1-based",
                  help: "argmax(a) — an r×1 column of class numbers 1…c."),
        OperationInfo("accuracy", .function(.other), arguments: [.init("y"), .init("t")], summary: "share of rows whose argmax matches the target",
                  help: "accuracy(y, t) — t is one-hot rows or a column of 1-based classes; gives a 1×1 value in [0, 1]."),
        OperationInfo("reshape", .function(.other), arguments: [.init("a"), .init("rows"), .init("cols")], summary: "the same values in another shape, row by row",
                  help: "reshape(a, r, c) — row-major, as numpy; r·c must equal the number of values. Not followed by backward.\n\n  reshape(test.x[5, :], 8, 8)   # one 8×8 digit"),
        OperationInfo("find", .function(.other), arguments: [.init("a")], summary: "1-based positions of the nonzero values, as a column",
                  help: "find(a) — positions counted row by row; for a column they are row numbers.\n\n  find(argmax(y) != t)   # the samples the network gets wrong"),
        OperationInfo("zeros", .function(.constructor), arguments: [.init("rows"), .init("cols")], summary: "r×c of zeros", help: "zeros(r, c)"),
        OperationInfo("ones", .function(.constructor), arguments: [.init("rows"), .init("cols")], summary: "r×c of ones", help: "ones(r, c)"),
        OperationInfo("eye", .function(.constructor), arguments: [.init("n")], summary: "n×n identity matrix", help: "eye(n)"),
        OperationInfo("rand", .function(.constructor), arguments: [.init("rows"), .init("cols")], summary: "r×c uniform on [0, 1)", help: "rand(r, c) — from the session's seeded generator (see `help seed`)."),
        OperationInfo("randn", .function(.constructor), arguments: [.init("rows"), .init("cols")], summary: "r×c standard normal", help: "randn(r, c) — from the session's seeded generator (see `help seed`)."),
        OperationInfo("linspace", .function(.constructor), arguments: [.init("from"), .init("to"), .init("n")], summary: "n evenly spaced values from a to b, as a column",
                  help: "linspace(a, b, n) — n×1, both ends included."),
        OperationInfo("onehot", .function(.constructor), arguments: [.init("labels"), .init("classes")], summary: "one-hot rows from 1-based labels",
                  help: "onehot(labels, classes) — labels is a column (or row) of numbers 1…classes; gives N×classes.\n\n  onehot([2, 1], 3)   # [[0, 1, 0], [1, 0, 0]]"),
        OperationInfo("grad", .function(.other), arguments: [.init("NAME")], summary: "the gradient of a tensor or parameter from the last backward",
                  help: "grad(NAME) — after `backward NAME2`: dNAME2/dNAME; after `backward` of the network: grad(hidden.W), grad(hidden.b), grad(hidden.z), grad(hidden.a).\n\n  grad(hidden.W)[1, 2]"),
    ]
}
