import Foundation
import NetCore

/// Numbers as `print` writes them: a fixed number of digits after the point, correctly
/// rounded by the C library ("0.02397190" at precision 8); no "-0.0000" for tiny negatives.
enum NumberText {
    static func format(_ v: Double, precision: Int) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(max(0, min(precision, 17)))f", v)
        if text.hasPrefix("-"), !text.contains(where: { $0 >= "1" && $0 <= "9" }) { return String(text.dropFirst()) }
        return text
    }

    /// A small matrix as text rows for `print` (a larger tensor prints as its table).
    static func table(_ t: Tensor, precision: Int) -> String {
        let cells = (0..<t.rows).map { r in (0..<t.cols).map { format(t[r, $0], precision: precision) } }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 0
        let lines = cells.map { row in row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: "  ") }
        return "\n" + lines.joined(separator: "\n")
    }
}
