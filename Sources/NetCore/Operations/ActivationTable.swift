/// The activations of the language: each entry is the whole activation — name, help,
/// forward, derivative and the words `explain` uses. Add one here and the parser,
/// completion, `help`, `plot`, dense layers, autodiff and saved sessions know it.
///
/// Conventions follow PyTorch: relu′(0) = 0, leaky_relu's negative slope is 0.01,
/// gelu is the tanh approximation (`approximate='tanh'`).
enum ActivationTable {
    static let rules: [ActivationRule] = [
        .elementwise("sigmoid", summary: "1 / (1 + e^(−x)), elementwise",
                     help: "sigmoid(x)  — derivative σ(x)(1 − σ(x)), computed from the output.\n\n  plot sigmoid from -6 to 6",
                     forward: { Activation.sigmoidValue($0) },
                     derivative: { _, a in a * (1 - a) },
                     chain: { g, _, a in g * a * (1 - a) },
                     explain: { a, av, _ in "\(a)(1 − \(a)) = \(av)(1 − \(av))" }),

        // Hand-written loops: selects, not branches, so both vectorize (NaN stays NaN:
        // NaN <= 0 is false). A load under the condition kept the backward scalar and
        // branchy, ~5% of a 784-512-512-10 step.
        .kernels("relu", summary: "max(0, x), elementwise",
                 help: "relu(x)  — derivative 1 where x > 0, else 0.",
                 forward: { rows, cols, z, a in for k in 0..<(rows * cols) { let v = z[k]; a[k] = v <= 0 ? 0 : v } },
                 backward: { _, _, z, _, gradA, g in for k in g.indices { let d = gradA[k], on = z[k] > 0; g[k] = on ? d : 0 } },
                 derivative: { z, _ in z > 0 ? 1 : 0 },
                 explain: { _, _, zv in "1 if z > 0, else 0 (z = \(zv))" }),

        .elementwise("tanh", summary: "hyperbolic tangent, elementwise",
                     help: "tanh(x)  — derivative 1 − tanh(x)².",
                     forward: { CMath.tanh($0) },
                     derivative: { _, a in 1 - a * a },
                     explain: { a, av, _ in "1 − \(a)² = 1 − \(av)²" }),

        // Per row, stably (the row maximum subtracted first); backward uses the row's
        // Jacobian: dz = a ⊙ (da − Σⱼ da·a).
        .kernels("softmax", summary: "e^x / Σ e^x per row, computed stably",
                 help: """
                 softmax(x)  — each row becomes probabilities that sum to 1. The row maximum is
                 subtracted first, so softmax([1000, 1001]) does not overflow. With the
                 cross_entropy loss its backward is the fused (y − t)/N.
                 """,
                 forward: { rows, cols, z, a in
                     for i in 0..<rows {
                         let row = i * cols
                         var m = -Double.infinity
                         for j in 0..<cols { m = Swift.max(m, z[row + j]) }
                         var total = 0.0
                         for j in 0..<cols { a[row + j] = CMath.exp(z[row + j] - m); total += a[row + j] }
                         for j in 0..<cols { a[row + j] /= total }
                     }
                 },
                 backward: { rows, cols, _, a, gradA, g in
                     for i in 0..<rows {
                         let row = i * cols
                         var dot = 0.0
                         for j in 0..<cols { dot += gradA[row + j] * a[row + j] }
                         for j in 0..<cols { g[row + j] = a[row + j] * (gradA[row + j] - dot) }
                     }
                 },
                 derivative: nil,
                 explain: { _, _, _ in "softmax Jacobian" }),

        .elementwise("identity", summary: "x unchanged",
                     help: "identity(x) — the activation of a linear (regression) output layer.",
                     forward: { $0 },
                     derivative: { _, _ in 1 },
                     explain: { _, _, _ in "1" }),

        .elementwise("step", summary: "1 where x > 0, else 0 (the perceptron's activation)",
                     help: "step(x)  — its derivative is 0 almost everywhere, so gradients do not pass through it.\n`step` alone, or `step lr: R`, is the optimizer statement (see `help step`).",
                     forward: { $0 > 0 ? 1 : 0 },
                     derivative: { _, _ in 0 },
                     chain: { _, _, _ in 0 },   // 0 even for an infinite dL/da (not inf·0 = NaN)
                     explain: { _, _, _ in "0 (step is flat)" }),

        .elementwise("leaky_relu", summary: "x where x > 0, else 0.01·x",
                     help: "leaky_relu(x)  — derivative 1 where x > 0, else 0.01.",
                     forward: { $0 < 0 ? $0 * Activation.leakySlope : $0 },
                     derivative: { z, _ in z > 0 ? 1 : Activation.leakySlope },
                     explain: { _, _, zv in "1 if z > 0, else 0.01 (z = \(zv))" }),

        // GELU by the tanh approximation, as PyTorch's gelu(approximate='tanh'):
        // ½z(1 + t) with t = tanh(√(2/π)(z + 0.044715z³)). Far out t is exactly ±1, so the
        // terms that would be ∞·0 (z = −∞, or z³ overflowing) are taken as their limit 0.
        .elementwise("gelu", summary: "x·Φ(x), a smooth relu (tanh approximation)",
                     help: """
                     gelu(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))  — the tanh approximation of x·Φ(x),
                     Φ the standard normal CDF, as PyTorch's gelu(approximate='tanh'); within 0.0005
                     of the exact erf form.
                     Derivative ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²), t the tanh above.

                       plot gelu, relu from -4 to 4
                     """,
                     forward: { z in
                         let t = CMath.tanh(0.7978845608028654 * (z + 0.044715 * z * z * z))
                         return 1 + t == 0 ? 0 : 0.5 * z * (1 + t)
                     },
                     derivative: { z, _ in
                         let t = CMath.tanh(0.7978845608028654 * (z + 0.044715 * z * z * z))
                         let sech2 = 1 - t * t
                         return 0.5 * (1 + t) + (sech2 == 0 ? 0 : 0.5 * z * sech2 * 0.7978845608028654 * (1 + 3 * 0.044715 * z * z))
                     },
                     explain: { _, _, zv in "gelu′(z) at z = \(zv) (the formula: help gelu)" }),
    ]
}
