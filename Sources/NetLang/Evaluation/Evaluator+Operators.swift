import NetCore

/// Binary operators (+ - * / ^ @ and comparisons): the graph operation for each symbol,
/// and shape errors that show both operands' shapes as the user wrote them.
extension Evaluator {
    private static let binaryOps: [String: NodeOp] = {
        var ops: [String: NodeOp] = ["@": .matmul]
        for op in BinaryOp.allCases { ops[op.symbol] = .binary(op) }
        return ops
    }()

    func binary(_ symbol: String, _ a: Node, _ b: Node, at e: Expr) throws -> Node {
        guard let op = Self.binaryOps[symbol] else {
            throw LangError(.syntax, "unknown operator '\(symbol)'", at: e.location)
        }
        let (x, y) = (a.value, b.value)
        let fits: Bool
        let rows: Int, cols: Int
        if symbol == "@" {
            fits = x.cols == y.rows
            rows = x.rows; cols = y.cols
        } else {
            let r = Self.broadcast(x.rows, y.rows), c = Self.broadcast(x.cols, y.cols)
            fits = r != nil && c != nil
            rows = r ?? 0; cols = c ?? 0
        }
        guard fits else {
            var hint: String? = nil
            if symbol == "@" {
                // The products a transpose would make work, written out with their shapes.
                let l = symbolText(e, side: 0), r = symbolText(e, side: 1)
                var fixes: [String] = []
                if x.rows == y.rows { fixes.append("\(Self.transposed(l)) @ \(r) (\(x.cols)×\(y.cols))") }
                if x.cols == y.cols { fixes.append("\(l) @ \(Self.transposed(r)) (\(x.rows)×\(y.rows))") }
                hint = "the columns of the left (\(x.cols)) must equal the rows of the right (\(y.rows))"
                    + (fixes.isEmpty ? "" : "; did you mean " + fixes.joined(separator: " or ") + "?")
            } else if symbol == "*" && x.cols == y.rows {
                hint = "for a matrix product use @"
            }
            throw LangError(.shape, "shape mismatch in \(text(of: e.location)): \(x.shapeDescription) \(symbol) \(y.shapeDescription)",
                            at: e.location, hint: hint)
        }
        try Limits.check(rows: rows, cols: cols, at: e.location)
        return try apply(op, [a, b], at: e.location)
    }

    /// "x.T", or "(a + b).T" for an expression that needs brackets.
    private static func transposed(_ text: String) -> String {
        let simple = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return simple || isBracketed(text) ? "\(text).T" : "(\(text)).T"
    }

    /// "(v + 1)" is one bracketed group as written; "(a) + (b)" is not.
    private static func isBracketed(_ text: String) -> Bool {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return false }
        var depth = 0
        for (i, ch) in text.enumerated() {
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if depth == 0 && i < text.count - 1 { return false }
        }
        return depth == 0
    }

    private func symbolText(_ e: Expr, side: Int) -> String {
        if case .binary(_, let l, let r) = e.kind { return text(of: (side == 0 ? l : r).location) }
        return "a"
    }

    private static func broadcast(_ x: Int, _ y: Int) -> Int? {
        if x == y { return x }
        if x == 1 { return y }
        if y == 1 { return x }
        return nil
    }
}
