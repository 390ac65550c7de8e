import NetCore
import NetLang
import NetSupport

/// `explain` as Markdown with LaTeX: the chain rule as a display equation with the numbers,
/// then a table of the factors. Made for a projector: the equation is set `\large`, one
/// step per line (symbols, numbers, result), so it is never wider than the output area,
/// and the fractions in the table are display-size and as large (`\large\displaystyle`), not the small
/// fractions of inline math.
///
///     $$\large\begin{aligned}\frac{\partial E}{\partial w_5} &= \frac{\partial E}{\partial o_1} \cdot …
///     \\ &= 0.3514 \times … \\ &= 0.0389\end{aligned}$$
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
            md += Self.equation(["\(d.latex) &= \\sum_{\\text{samples}} \(symbols)",
                                 "\\text{sample 1:} &\\quad \(numbers)",
                                 "&= \(Self.latexNumber(f(d.sampleProducts[0])))"])
        } else {
            md += Self.equation(["\(d.latex) &= \(symbols)", "&= \(numbers)", "&= \(Self.latexNumber(f(d.value)))"])
        }
        md += "| factor | how it is computed | value |\n|---|---|---:|\n"
        for factor in d.factors {
            md += "| \(Self.inline(factor.latex)) | \(Self.code(factor.formula.text(precision: precision))) | \(f(factor.value)) |\n"
        }
        if d.batchSize > 1 {
            md += "| sample 1 | product | \(f(d.sampleProducts[0])) |\n"
            md += "| \(Self.inline(d.latex)) | \(Self.code(DerivationText.sum(d, f))) | \(f(d.value)) |\n"
        } else {
            md += "| \(Self.inline(d.latex)) | product | \(f(d.value)) |\n"
        }
        if !d.notes.isEmpty { md += "\n" + d.notes.map { Self.escape($0.text(precision: precision)) }.joined(separator: "\n\n") + "\n" }
        return md
    }

    /// A display equation, large, its lines aligned at their `&`.
    static func equation(_ lines: [String]) -> String {
        "$$\\large\\begin{aligned}" + lines.joined(separator: " \\\\ ") + "\\end{aligned}$$\n\n"
    }

    /// Math in a table cell, with fractions as tall as in the (large) display equation.
    static func inline(_ latex: String) -> String { "$\\large\\displaystyle \(latex)$" }

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
