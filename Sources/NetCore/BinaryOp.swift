/// The elementwise binary operations of the language, with the symbol errors print.
///
///     try Tensor.apply(.add, Tensor([[1, 2]]), Tensor(scalar: 10))   // [[11, 12]]
public enum BinaryOp: String, CaseIterable, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", pow = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    /// The symbol as written in the language (`+`, `<=`, ...).
    public var symbol: String { rawValue }

    /// Comparisons give 1 or 0 and have no gradient.
    public var isComparison: Bool {
        switch self {
        case .add, .sub, .mul, .div, .pow: return false
        default: return true
        }
    }

    /// The operation on two numbers.
    @inlinable public func callAsFunction(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .add: return x + y
        case .sub: return x - y
        case .mul: return x * y
        case .div: return x / y
        case .pow: return CMath.pow(x, y)
        case .equal: return x == y ? 1 : 0
        case .notEqual: return x != y ? 1 : 0
        case .less: return x < y ? 1 : 0
        case .lessEqual: return x <= y ? 1 : 0
        case .greater: return x > y ? 1 : 0
        case .greaterEqual: return x >= y ? 1 : 0
        }
    }
}
