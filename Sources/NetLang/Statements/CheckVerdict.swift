import NetCore
import NetSupport

/// Whether a `check` holds, and the words that say so: `passed` for the ✓ line (its numbers
/// as values, in the form the tolerance asks), `failure` (nil when it holds) for the
/// CheckError. Pure: tensors in, words out.
///
///     CheckVerdict.approximately(Tensor(scalar: 0.51999), Tensor(scalar: 0.52), tolerance: 1e-4).passed
///     // "got \(0.51999, .trimmed(decimals: 5))": "got 0.51999"
struct CheckVerdict {
    var passed: Phrase
    var failure: String?

    /// `got ≈ expected`: the same shape, and every |got − expected| ≤ tolerance. nan never
    /// passes (not even against nan); an infinity passes only against the same infinity.
    static func approximately(_ got: Tensor, _ expected: Tensor, tolerance: Double) -> CheckVerdict {
        guard got.rows == expected.rows, got.cols == expected.cols else {
            return CheckVerdict(passed: "", failure: "got a \(got.shapeDescription) tensor, expected \(expected.shapeDescription) (≈ compares tensors of the same shape)")
        }
        guard got.count > 0 else {
            return CheckVerdict(passed: "", failure: "there are no values to check (\(got.shapeDescription))")
        }
        // An exact check (tol: 0) shows every digit: 0.30000000000000004 is not 0.3.
        let form: SentenceNumber.Form = tolerance == 0 ? .exact : .trimmed(decimals: Self.decimals(for: tolerance))
        func n(_ v: Double) -> String { SentenceNumber.text(v, form) }
        var failing = 0
        var worst: Int?          // the index shown: the first nan, else the largest difference
        var worstDifference = -1.0
        var largest = 0.0        // the largest difference among passing values (for the ✓ line)
        for i in 0..<got.count {
            let g = got.data[i], e = expected.data[i]
            let difference = g == e ? 0 : abs(g - e)
            if !g.isNaN && !e.isNaN && difference <= tolerance {
                largest = max(largest, difference)
                continue
            }
            failing += 1
            let rank = difference.isNaN ? Double.infinity : difference
            if worst == nil || (rank > worstDifference && !(got.data[worst!].isNaN || expected.data[worst!].isNaN)) {
                worst = i; worstDifference = rank
            }
        }
        let within = tolerance == 0 ? "exactly" : "within \(SentenceNumber.text(tolerance, .trimmed(decimals: nil)))"
        guard let i = worst else {
            let passed: Phrase = got.isScalar ? "got \(got.scalar, form)"
                : "\(got.shapeDescription), " + (largest == 0 ? "all \(got.count) values equal" : "largest difference \(largest, form)")
            return CheckVerdict(passed: passed, failure: nil)
        }
        let g = got.data[i], e = expected.data[i]
        var pair = "got \(n(g)), expected \(n(e)) \(within)"
        if g.isNaN || e.isNaN {
            pair += " (nan never passes ≈)"
        } else {
            pair += " (difference \(n(g - e)))"
        }
        if got.isScalar { return CheckVerdict(passed: "", failure: pair) }
        let at = "[\(i / got.cols + 1), \(i % got.cols + 1)]"
        let share = "\(failing) of \(got.count) values differ"
        return CheckVerdict(passed: "", failure: "\(share); \(failing == 1 ? "it is" : "the worst is") at \(at): \(pair)")
    }

    /// `left OP right`, whose elementwise result (1 or 0, broadcast) is `result`: every
    /// value must hold. Comparisons follow IEEE: nan is not ==, <, <=, >, >= anything.
    static func comparison(_ op: String, _ left: Tensor, _ right: Tensor, result: Tensor) -> CheckVerdict {
        guard result.count > 0 else {
            return CheckVerdict(passed: "", failure: "there are no values to check (\(result.shapeDescription))")
        }
        func n(_ v: Double) -> String { SentenceNumber.text(v, .trimmed(decimals: nil)) }
        guard let first = result.data.firstIndex(where: { $0 == 0 }) else {
            return CheckVerdict(passed: left.isScalar ? "got \(left.scalar, .trimmed(decimals: nil))" : "all \(result.count) values", failure: nil)
        }
        let r = first / result.cols, c = first % result.cols
        let l = left[left.rows == 1 ? 0 : r, left.cols == 1 ? 0 : c]
        let rv = right[right.rows == 1 ? 0 : r, right.cols == 1 ? 0 : c]
        let nan = l.isNaN || rv.isNaN ? " (nan fails every comparison but !=)" : ""
        // Two values that differ only past the 10th digit would read "1.047461645 is not ==
        // 1.047461645": then both are written with every digit, as Swift prints them.
        let (lt, rt) = n(l) == n(rv) && l != rv ? (SentenceNumber.text(l, .exact), SentenceNumber.text(rv, .exact)) : (n(l), n(rv))
        if result.isScalar { return CheckVerdict(passed: "", failure: "got \(lt), which is not \(op) \(rt)\(nan)") }
        let why = "\(lt) is not \(op) \(rt)\(nan)"
        let failing = result.data.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        return CheckVerdict(passed: "", failure: "\(failing) of \(result.count) values fail; the first at [\(r + 1), \(c + 1)]: \(why)")
    }

    /// Digits after the point that show a difference as small as the tolerance, and one more.
    static func decimals(for tolerance: Double) -> Int? {
        guard tolerance > 0 else { return nil }
        var digits = 0, scaled = tolerance
        while scaled < 0.999999 && digits < 14 { scaled *= 10; digits += 1 }
        return digits + 1
    }
}
