import NetLang

/// `explain`: the chain rule for one parameter, then each factor with how it is computed
/// and its value, then the product.
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
        var head = "\(d.symbol) = " + d.factors.map(\.symbol).joined(separator: " × ")
        if d.parameter != d.symbol { head += "   (\(d.parameter))" }
        var symbols = d.factors.map(\.symbol), formulas = d.factors.map(\.formula)
        var values = d.factors.map { f($0.value) }
        symbols.append(d.symbol)
        formulas.append(d.factors.map { f($0.value) }.joined(separator: " × "))
        values.append(f(d.value))
        let symbolWidth = symbols.map(TextWidth.of).max() ?? 0
        let formulaWidth = formulas.map(TextWidth.of).max() ?? 0
        let aligned = DecimalColumn(values).aligned
        var lines = [head]
        for i in symbols.indices {
            lines.append("  " + TextWidth.padRight(symbols[i], to: symbolWidth) + " = "
                         + TextWidth.padRight(formulas[i], to: formulaWidth) + " = " + PlotText.trimmed(aligned[i]))
        }
        lines += d.notes
        return lines.joined(separator: "\n")
    }
}
