/// How well backprop's gradient of one parameter agrees with central differences.
public struct GradcheckResult: Sendable, Equatable {
    public var id: ParameterID
    /// "hidden.W".
    public var name: String
    /// max |backprop − numeric| over the parameter's elements.
    public var maxAbsError: Double
    /// ‖backprop − numeric‖ / (‖backprop‖ + ‖numeric‖), 0 when both are 0.
    public var relativeError: Double
    /// relativeError < 1e-6 or maxAbsError < 1e-9 (both tiny gradients).
    public var passed: Bool
}

extension Network {
    /// Compares backprop with central differences (L(p+ε) − L(p−ε)) / 2ε for every
    /// parameter element, on x and t. The network itself is not changed.
    ///
    ///     for r in try net.gradcheck(x, t) { print(r.name, r.maxAbsError, r.relativeError, r.passed) }
    public func gradcheck(_ x: Tensor, _ t: Tensor, epsilon: Double = 1e-6) throws -> [GradcheckResult] {
        var net = self
        try net.forward(x, target: t)
        try net.backward()
        let target = try preparedTarget(t, rows: x.rows)
        var results: [GradcheckResult] = []
        for id in net.parameters {
            guard let analytic = net.gradient(of: id) else { continue }
            var probe = self
            let original = value(of: id)
            var maxAbs = 0.0, diff2 = 0.0, a2 = 0.0, n2 = 0.0
            for k in original.data.indices {
                try Interruption.check()   // two passes per weight: long for a large network
                var plus = original; plus.data[k] += epsilon
                var minus = original; minus.data[k] -= epsilon
                try probe.set(id, plus)
                let lp = try loss.value(probe.predict(x), target)
                try probe.set(id, minus)
                let lm = try loss.value(probe.predict(x), target)
                let numeric = (lp - lm) / (2 * epsilon)
                let d = analytic.data[k] - numeric
                maxAbs = Swift.max(maxAbs, Swift.abs(d))
                diff2 += d * d; a2 += analytic.data[k] * analytic.data[k]; n2 += numeric * numeric
            }
            let denominator = a2.squareRoot() + n2.squareRoot()
            let relative = denominator == 0 ? 0 : diff2.squareRoot() / denominator
            results.append(GradcheckResult(id: id, name: name(of: id), maxAbsError: maxAbs,
                                           relativeError: relative, passed: relative < 1e-6 || maxAbs < 1e-9))
        }
        return results
    }

    /// Sets one parameter (shape-checked).
    public mutating func set(_ id: ParameterID, _ value: Tensor) throws {
        if id.kind == .weights { try setWeights(layer: id.layer, value) } else { try setBiases(layer: id.layer, value) }
    }
}
