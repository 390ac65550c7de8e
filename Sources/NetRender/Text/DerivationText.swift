import NetCore
import NetLang

/// `explain`: the chain rule for one parameter, then each factor with how it is computed
/// and its value, then the product. For a batch the factors are sample 1's, and a last line
/// sums every sample's product.
///
///     ∂E/∂W5 = ∂E/∂o1 × ∂o1/∂z3 × ∂z3/∂W5   (output.W[1, 1])
///       ∂E/∂o1  = −(t1 − o1) = −(0.4000 − 0.6094) = 0.2094
///       ∂o1/∂z3 = o1(1 − o1) = 0.6094(1 − 0.6094) = 0.2380
///       ∂z3/∂W5 = h1 = 0.5200                     = 0.5200
///       ∂E/∂W5  = 0.2094 × 0.2380 × 0.5200        = 0.0259
struct DerivationText {
    var precision: Int

    func render(_ d: Derivation) -> String {
        let f = { NumberFormat.shown($0, precision: precision) }
        let batch = d.batchSize > 1
        var head = "\(d.symbol) = " + d.factors.map(\.symbol).joined(separator: " × ")
        if d.parameter != d.symbol || batch {
            head += "   (" + [d.parameter != d.symbol ? d.parameter : nil,
                              batch ? "the factors of sample 1 of \(d.batchSize)" : nil]
                .compactMap { $0 }.joined(separator: "; ") + ")"
        }
        var symbols = d.factors.map(\.symbol), formulas = d.factors.map { $0.formula.text(precision: precision) }
        var values = d.factors.map { f($0.value) }
        let product = d.factors.map { f($0.value) }.joined(separator: " × ")
        if batch {
            // The product of the factors shown is sample 1's share; the gradient sums every sample's.
            symbols += ["sample 1", d.symbol]
            formulas += [product, Self.sum(d, f)]
            values += [f(d.sampleProducts[0]), f(d.value)]
        } else {
            symbols.append(d.symbol)
            formulas.append(product)
            values.append(f(d.value))
        }
        let symbolWidth = symbols.map(TextWidth.of).max() ?? 0
        let formulaWidth = formulas.map(TextWidth.of).max() ?? 0
        let aligned = DecimalColumn(values).aligned
        var lines = [head]
        for i in symbols.indices {
            lines.append("  " + TextWidth.padRight(symbols[i], to: symbolWidth) + " = "
                         + TextWidth.padRight(formulas[i], to: formulaWidth) + " = " + PlotText.trimmed(aligned[i]))
        }
        lines += d.notes.map { $0.text(precision: precision) }
        return lines.joined(separator: "\n")
    }

    /// "sum over 3 samples: 0.0030 + (-0.0336) + 0.0012", the terms listed up to four samples.
    static func sum(_ d: Derivation, _ f: (Double) -> String) -> String {
        let shown = d.leadingProducts.prefix(4)
        let terms = shown.map { $0 < 0 ? "(\(f($0)))" : f($0) }
        let more = d.batchSize > shown.count ? " + …" : ""
        return "sum over \(d.batchSize) samples: " + terms.joined(separator: " + ") + more
    }
}
