/// The operation that made a `Node` from its inputs — one per entry of the language's
/// expression table. Comparisons, `argmax` and `accuracy` are recorded too, but are
/// constant almost everywhere, so they pass no gradient back (as in PyTorch).
///
///     try Node.make(.binary(.mul), [apple, count])
///     try Node.make(.reduce(.sum, .rows), [x])
///     try Node.make(.loss(.mse), [y, t])
public enum NodeOp: Equatable, Sendable {
    /// A tensor given by value (a named tensor or a literal).
    case leaf
    /// `a + b`, `a - b`, `a * b`, `a / b`, `a ^ b` and comparisons, broadcasting.
    case binary(BinaryOp)
    /// `a @ b`.
    case matmul
    /// `-a`.
    case negate
    /// `a.T`.
    case transpose
    /// `sigmoid(a)`, `softmax(a)` (per row), ...
    case activation(Activation)
    /// `exp log sqrt abs`.
    case math(MathFunction)
    /// `sum(a)`, `mean(a, rows)`, `max(a, cols)`, ...; max/min pass the gradient to the
    /// first element that attains the extreme.
    case reduce(ReductionKind, ReductionAxis)
    /// `a[i:k, j]`: 0-based inclusive ranges, nil for all.
    case slice(rows: ClosedRange<Int>?, cols: ClosedRange<Int>?)
    /// `mse(y, t)` and the other losses; inputs are (y, t). `cross_entropy` takes the
    /// logits (it applies softmax itself) and t one-hot or a column of 1-based classes.
    case loss(LossKind)
    /// `argmax(a)`, 1-based, r×1; no gradient.
    case argmax
    /// `accuracy(y, t)`, 1×1; no gradient.
    case accuracy

    /// How many inputs the operation takes.
    public var arity: Int {
        switch self {
        case .leaf: return 0
        case .binary, .matmul, .loss, .accuracy: return 2
        default: return 1
        }
    }

    /// A short name for graphs and tables (`+`, `@`, `sigmoid`, `sum rows`, `mse`).
    public var label: String {
        switch self {
        case .leaf: return "leaf"
        case .binary(let op): return op.symbol
        case .matmul: return "@"
        case .negate: return "neg"
        case .transpose: return ".T"
        case .activation(let a): return a.name
        case .math(let f): return f.rawValue
        case .reduce(let k, let axis): return axis == .all ? k.rawValue : "\(k.rawValue) \(axis.rawValue)"
        case .slice: return "[ ]"
        case .loss(let k): return k.name
        case .argmax: return "argmax"
        case .accuracy: return "accuracy"
        }
    }
}
