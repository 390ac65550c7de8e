#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's math functions for code inside types that have members of the same
/// names (`Tensor.exp`, `Tensor.pow`, `MathFunction.log`, `Activation.tanh`, `BinaryOp.pow`),
/// where the bare name means the member. Such calls used to say `Foundation.exp`; NetCore
/// no longer imports Foundation (it costs the kernel 2.7 MB of idle memory), and the C
/// library's module is Glibc on Linux but Darwin on macOS, so one spelling cannot name it.
@usableFromInline enum CMath {
#if canImport(Glibc)
    @inlinable static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inlinable static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inlinable static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    @inlinable static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    @inlinable static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inlinable static func cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
    @inlinable static func exp(_ x: Double) -> Double { Darwin.exp(x) }
    @inlinable static func log(_ x: Double) -> Double { Darwin.log(x) }
    @inlinable static func pow(_ x: Double, _ y: Double) -> Double { Darwin.pow(x, y) }
    @inlinable static func tanh(_ x: Double) -> Double { Darwin.tanh(x) }
    @inlinable static func sin(_ x: Double) -> Double { Darwin.sin(x) }
    @inlinable static func cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
}
