/// Help for functions, losses, activations, optimizers, initializers and syntax.
extension HelpCatalog {
    static let activations: [HelpTopic] = [
        HelpTopic(name: "sigmoid", categories: [.activation, .function], summary: "1 / (1 + e^(−x)), elementwise",
                  body: "sigmoid(x)  — derivative σ(x)(1 − σ(x)), computed from the output.\n\n  plot sigmoid from -6 to 6"),
        HelpTopic(name: "relu", categories: [.activation, .function], summary: "max(0, x), elementwise",
                  body: "relu(x)  — derivative 1 where x > 0, else 0."),
        HelpTopic(name: "tanh", categories: [.activation, .function], summary: "hyperbolic tangent, elementwise",
                  body: "tanh(x)  — derivative 1 − tanh(x)²."),
        HelpTopic(name: "softmax", categories: [.activation, .function], summary: "e^x / Σ e^x per row, computed stably",
                  body: """
                  softmax(x)  — each row becomes probabilities that sum to 1. The row maximum is
                  subtracted first, so softmax([1000, 1001]) does not overflow. With the
                  cross_entropy loss its backward is the fused (y − t)/N.
                  """),
        HelpTopic(name: "identity", categories: [.activation, .function], summary: "x unchanged",
                  body: "identity(x) — the activation of a linear (regression) output layer."),
        HelpTopic(name: "step", categories: [.activation, .function], summary: "1 where x > 0, else 0 (the perceptron's activation)",
                  body: "step(x)  — its derivative is 0 almost everywhere, so gradients do not pass through it.\n`step` alone, or `step lr: R`, is the optimizer statement (see `help step`)."),
        HelpTopic(name: "leaky_relu", categories: [.activation, .function], summary: "x where x > 0, else 0.01·x",
                  body: "leaky_relu(x)  — derivative 1 where x > 0, else 0.01."),
    ]

    static let losses: [HelpTopic] = [
        HelpTopic(name: "mse", categories: [.loss, .function], summary: "mean over all elements of (y − t)²",
                  body: "loss mse   or   mse(y, t)\n\n  print mse([1.5, 0.3], [3.45, 5.67])   # 16.3197"),
        HelpTopic(name: "sse", categories: [.loss, .function], summary: "Σ (y − t)²", body: "loss sse   or   sse(y, t)"),
        HelpTopic(name: "half_sse", categories: [.loss, .function], summary: "½ Σ (t − y)², the hand-worked convention",
                  body: "loss half_sse   or   half_sse(y, t)\n\nIts derivative is ∂E/∂y = −(t − y), as in backprop-by-hand lessons."),
        HelpTopic(name: "cross_entropy", categories: [.loss, .function], summary: "−(1/N) Σ t·log y over a softmax output",
                  body: """
                  loss cross_entropy
                      For a network whose last layer is softmax; t is one-hot rows or a column of
                      1-based class numbers. backward uses the fused gradient (y − t)/N.
                  cross_entropy(logits, t)
                      The function takes LOGITS (it applies softmax itself, like PyTorch's
                      F.cross_entropy), so `backward` gives softmax(logits) − t over N.

                    tensor z = log([0.3, 0.2, 0.5])
                    tensor L = cross_entropy(z, [0, 1, 0])
                    backward L       # dL/dz = [0.3, -0.8, 0.5]
                  """),
        HelpTopic(name: "bce", categories: [.loss, .function], summary: "binary cross-entropy −(1/N) Σ [t log y + (1−t) log(1−y)]",
                  body: "loss bce   or   bce(y, t) — y are probabilities (a sigmoid output); y is clipped to [1e-12, 1 − 1e-12]."),
    ]

    static let functions: [HelpTopic] = [
        HelpTopic(name: "exp", categories: [.function], summary: "e^x elementwise", body: "exp(x)"),
        HelpTopic(name: "log", categories: [.function], summary: "natural logarithm, elementwise", body: "log(x) — log of 0 is -inf, of a negative number NaN."),
        HelpTopic(name: "sqrt", categories: [.function], summary: "square root, elementwise", body: "sqrt(x)"),
        HelpTopic(name: "abs", categories: [.function], summary: "absolute value, elementwise", body: "abs(x)"),
        HelpTopic(name: "sum", categories: [.function], summary: "sum of all elements, or per row / column",
                  body: "sum(a)         1×1\nsum(a, rows)   one value per row (r×1)\nsum(a, cols)   one value per column (1×c)"),
        HelpTopic(name: "mean", categories: [.function], summary: "mean of all elements, or per row / column",
                  body: "mean(a), mean(a, rows), mean(a, cols)"),
        HelpTopic(name: "max", categories: [.function], summary: "largest element, or per row / column",
                  body: "max(a), max(a, rows), max(a, cols) — the gradient goes to the (first) largest element."),
        HelpTopic(name: "min", categories: [.function], summary: "smallest element, or per row / column",
                  body: "min(a), min(a, rows), min(a, cols)"),
        HelpTopic(name: "argmax", categories: [.function], summary: "column of the largest value per row, 1-based",
                  body: "argmax(a) — an r×1 column of class numbers 1…c."),
        HelpTopic(name: "accuracy", categories: [.function], summary: "share of rows whose argmax matches the target",
                  body: "accuracy(y, t) — t is one-hot rows or a column of 1-based classes; gives a 1×1 value in [0, 1]."),
        HelpTopic(name: "reshape", categories: [.function], summary: "the same values in another shape, row by row",
                  body: "reshape(a, r, c) — row-major, as numpy; r·c must equal the number of values. Not followed by backward.\n\n  reshape(test.x[5, :], 8, 8)   # one 8×8 digit"),
        HelpTopic(name: "find", categories: [.function], summary: "1-based positions of the nonzero values, as a column",
                  body: "find(a) — positions counted row by row; for a column they are row numbers.\n\n  find(argmax(y) != t)   # the samples the network gets wrong"),
        HelpTopic(name: "zeros", categories: [.function], summary: "r×c of zeros", body: "zeros(r, c)"),
        HelpTopic(name: "ones", categories: [.function], summary: "r×c of ones", body: "ones(r, c)"),
        HelpTopic(name: "eye", categories: [.function], summary: "n×n identity matrix", body: "eye(n)"),
        HelpTopic(name: "rand", categories: [.function], summary: "r×c uniform on [0, 1)", body: "rand(r, c) — from the session's seeded generator (see `help seed`)."),
        HelpTopic(name: "randn", categories: [.function], summary: "r×c standard normal", body: "randn(r, c) — from the session's seeded generator (see `help seed`)."),
        HelpTopic(name: "linspace", categories: [.function], summary: "n evenly spaced values from a to b, as a column",
                  body: "linspace(a, b, n) — n×1, both ends included."),
        HelpTopic(name: "onehot", categories: [.function], summary: "one-hot rows from 1-based labels",
                  body: "onehot(labels, classes) — labels is a column (or row) of numbers 1…classes; gives N×classes.\n\n  onehot([2, 1], 3)   # [[0, 1, 0], [1, 0, 0]]"),
        HelpTopic(name: "grad", categories: [.function], summary: "the gradient of a tensor or parameter from the last backward",
                  body: "grad(NAME) — after `backward NAME2`: dNAME2/dNAME; after `backward` of the network: grad(hidden.W), grad(hidden.b), grad(hidden.z), grad(hidden.a).\n\n  grad(hidden.W)[1, 2]"),
    ]

    static let optimizers: [HelpTopic] = [
        HelpTopic(name: "sgd", categories: [.optimizer], summary: "p ← p − lr·g", body: "optimizer sgd(lr: 0.1)"),
        HelpTopic(name: "momentum", categories: [.optimizer], summary: "v ← βv + g; p ← p − lr·v (PyTorch's SGD with momentum)",
                  body: "optimizer momentum(lr: 0.1, beta: 0.9)"),
        HelpTopic(name: "adam", categories: [.optimizer], summary: "Adam with bias correction (PyTorch's conventions)",
                  body: "optimizer adam(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8)"),
    ]

    static let initializers: [HelpTopic] = [
        HelpTopic(name: "xavier", categories: [.initializer], summary: "U(−√(6/(in+out)), √(6/(in+out))) (the default)", body: "layer h = dense(2 -> 3, tanh, init: xavier)"),
        HelpTopic(name: "he", categories: [.initializer], summary: "N(0, 2/in), for relu layers", body: "layer h = dense(2 -> 3, relu, init: he)"),
        HelpTopic(name: "uniform", categories: [.initializer], summary: "U[0, 1), like R's runif", body: "layer h = dense(2 -> 3, sigmoid, init: uniform)"),
        HelpTopic(name: "normal", categories: [.initializer], summary: "N(0, 1)", body: "layer h = dense(2 -> 3, sigmoid, init: normal)"),
        HelpTopic(name: "zeros", categories: [.initializer], summary: "all weights 0", body: "layer h = dense(2 -> 3, sigmoid, init: zeros)"),
    ]

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
