import NetCore
import NetLang

/// `explain` as Markdown with LaTeX: the chain rule as a display equation with the numbers,
/// then a table of the factors.
///
///     $$\frac{\partial E}{\partial w_5} = \frac{\partial E}{\partial o_1} \cdot … = 0.3514 \times … = 0.0389$$
struct DerivationMarkdown {
    var precision: Int

    func render(_ d: Derivation) -> String {
        let f = { NumberFormat.shown($0, precision: precision) }
        var md = "**explain \(Self.escape(d.parameter))**\n\n"
        let symbols = d.factors.map(\.latex).joined(separator: " \\cdot ")
        let numbers = d.factors.map { Self.latexNumber(f($0.value)) }.joined(separator: " \\times ")
        if d.batchSize > 1 {
            // A batch: the numbers are sample 1's; the gradient sums every sample's product.
            let n = d.batchSize
            md += "Factors of sample 1 of \(n); the gradient sums the product over the \(n) samples.\n\n"
            md += "$$\(d.latex) = \\sum_{\\text{samples}} \(symbols)$$\n\n"
            md += "$$\\text{sample 1:}\\; \(numbers) = \(Self.latexNumber(f(d.sampleProducts[0])))$$\n\n"
        } else {
            md += "$$\(d.latex) = \(symbols) = \(numbers) = \(Self.latexNumber(f(d.value)))$$\n\n"
        }
        md += "| factor | how it is computed | value |\n|---|---|---:|\n"
        for factor in d.factors {
            md += "| \(Self.cellMath(factor.latex)) | \(Self.code(factor.formula)) | \(f(factor.value)) |\n"
        }
        if d.batchSize > 1 {
            md += "| sample 1 | product | \(f(d.sampleProducts[0])) |\n"
            md += "| \(Self.cellMath(d.latex)) | \(Self.code(DerivationText.sum(d, f))) | \(f(d.value)) |\n"
        } else {
            md += "| \(Self.cellMath(d.latex)) | product | \(f(d.value)) |\n"
        }
        if !d.notes.isEmpty { md += "\n" + d.notes.map(Self.escape).joined(separator: "\n\n") + "\n" }
        return md
    }

    /// A fraction in a table cell at the size of the equation above it: inline math sets
    /// \frac in text style, about half the height, too small to read on a projector.
    static func cellMath(_ latex: String) -> String { "$\\displaystyle \(latex)$" }

    /// A number as LaTeX: braces keep a minus a sign, not an operator; "3.7000e-06"
    /// becomes 3.7000 × 10⁻⁶.
    static func latexNumber(_ s: String) -> String {
        switch s {
        case "nan": return "\\text{nan}"
        case "inf": return "\\infty"
        case "-inf": return "{-\\infty}"
        default: break
        }
        var s = s
        if let e = s.firstIndex(of: "e"), let exponent = Int(s[s.index(after: e)...]) {
            s = "\(s[..<e]) \\times 10^{\(exponent)}"
        }
        return s.hasPrefix("-") ? "{\(s)}" : s
    }

    /// A formula as inline code, with the pipes a table would split on escaped.
    static func code(_ s: String) -> String { "`" + s.replacingEvery("`", with: "'").replacingEvery("|", with: "\\|") + "`" }

    /// Markdown's active characters in plain text.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>|$#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
