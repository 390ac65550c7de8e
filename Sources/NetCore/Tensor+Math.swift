/// Elementwise functions of the language that are not activations.
///
///     MathFunction.exp.apply(Tensor([[0, 1]]))   // [[1, 2.718…]]
public enum MathFunction: String, CaseIterable, Sendable {
    case exp, log, sqrt, abs

    @inlinable public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .exp: return CMath.exp(x)
        case .log: return CMath.log(x)          // log 0 = −∞, log of a negative = NaN, as numpy
        case .sqrt: return x.squareRoot()
        case .abs: return Swift.abs(x)
        }
    }

    /// d f(x) / dx, given x and y = f(x).
    @inlinable public func derivative(x: Double, y: Double) -> Double {
        switch self {
        case .exp: return y
        case .log: return 1 / x
        case .sqrt: return 0.5 / y
        case .abs: return x > 0 ? 1 : (x < 0 ? -1 : 0)   // 0 at 0, as PyTorch
        }
    }

    public func apply(_ t: Tensor) -> Tensor { t.map { self($0) } }
}

extension Tensor {
    public var exp: Tensor { map { CMath.exp($0) } }
    public var log: Tensor { map { CMath.log($0) } }
    public var sqrt: Tensor { map { $0.squareRoot() } }
    public var abs: Tensor { map { Swift.abs($0) } }
}
