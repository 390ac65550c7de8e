"""The words of the NetBook language, as the Swift sources define them.

Kept here by hand because the lexer must work without the kernel; the tests compare
these lists with what the running kernel completes (tests-python/test_language_info.py),
so a statement or function added in Swift without being added here fails a test.
"""

# StatementTable (Sources/NetLang/Statements/Statement.swift): the first word of a statement.
STATEMENTS = (
    "backward", "check", "clear_output", "dataset", "explain", "forward", "gradcheck", "help",
    "layer", "load", "loss", "memory", "optimizer", "plot", "precision", "print", "reset",
    "restore", "save", "seed", "show", "step", "style", "tensor", "todo", "train",
)

# OperationTable (Sources/NetCore/Operations/): what expressions can call.
FUNCTIONS = (
    "sigmoid", "relu", "tanh", "softmax", "identity", "step", "leaky_relu", "gelu",
    "exp", "log", "sqrt", "abs",
    "sum", "mean", "max", "min",
    "zeros", "ones", "eye", "rand", "randn", "linspace", "onehot",
    "mse", "sse", "half_sse", "cross_entropy", "bce",
    "argmax", "accuracy", "grad", "reshape", "find",
)

# Names that only appear as arguments of statements: layer constructors, optimizers,
# initialisers, data set kinds and loaders (CompletionEngine.swift, DSL.md).
ARGUMENT_WORDS = (
    "dense", "sgd", "momentum", "adam", "xavier", "he", "uniform", "normal",
    "xor", "circle", "spiral", "gaussian", "moons", "csv", "idx",
)

# Words that qualify a statement: `show network`, `plot decision`, `plot relu from -5 to 5`,
# `sum(a, rows)`, `style unicode`, `show x full`, `show graph L`, `show image x`,
# `show mistakes X, T`, `show confusion X, T`, `show weights h as images`.
QUALIFIERS = (
    "network", "params", "grads", "history", "graph", "decision", "full", "from", "to",
    "rows", "cols", "columns", "ascii", "unicode",
    "image", "mistakes", "confusion", "weights", "as", "images",
)

# Named constants the evaluator knows (Evaluator.swift).
CONSTANTS = ("true", "false", "pi")
