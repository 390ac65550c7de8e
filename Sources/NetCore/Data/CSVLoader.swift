import NetSupport

/// Reads a numeric CSV file with a header row into a `Dataset`.
///
///     let iris = try CSVLoader.load(path: "notebooks/data/iris.csv", label: .name("species"))
///     iris.x.shapeDescription   // "150×4"
///     iris.classes              // 3
///
/// Every field must be a decimal number: `12`, `-0.5`, `.5`, `1e-3`, optionally quoted
/// or padded with blanks. Hexadecimal (`0x10`), `inf`, `nan`, NUL bytes and other
/// characters are errors located as FILE:LINE:COLUMN (blank lines are skipped; lines
/// may end in "\n", "\r\n" or "\r", as Python's universal newlines read them). The label column becomes
/// `y` (n×1) and the others `x`. When every label is a whole number ≥ 0 the labels
/// are classes: labels starting at 0 (digits 0–9) are shifted by one, because the
/// language counts classes from 1; a `notes` line says so. Other labels (fractions,
/// negatives) are kept as target values and `classes` is nil.
public enum CSVLoader {
    /// Which column holds the label: by header name or by 1-based position.
    public enum LabelColumn: Equatable, Sendable {
        case name(String)
        case index(Int)
    }

    /// The most numbers one file may hold (the session's tensor size limit).
    public static let maximumElements = 50_000_000

    /// Lines read or parsed between two checks of the interrupt flag (a few ms of work).
    static let checkEveryLines = 2048

    /// Reads the file as a stream of 64 KB chunks: nothing larger than one line (at most
    /// `CSVLines.maximumLineBytes`) and the numbers kept so far is ever in memory, and
    /// the numbers are reserved in `budget` before they are stored.
    public static func load(path: String, label: LabelColumn?, budget: MemoryBudget = .unlimited) throws -> Dataset {
        let file = try FileStream(path: path)
        let table = CSVTable(label: label, fileName: PathText.lastComponent(path), budget: budget)
        var lines = CSVLines(fileName: table.fileName) { number, bytes in try table.add(line: number, bytes) }
        try file.forEachChunk { try lines.feed($0) }
        try lines.finish()
        return try table.dataset()
    }

    /// The same from text in memory (tests, small examples).
    public static func parse(_ text: String, label: LabelColumn?, fileName: String = "the file",
                             budget: MemoryBudget = .unlimited) throws -> Dataset {
        let table = CSVTable(label: label, fileName: fileName, budget: budget)
        var lines = CSVLines(fileName: fileName) { number, bytes in try table.add(line: number, bytes) }
        var utf8 = text
        try utf8.withUTF8 { try lines.feed(UnsafeRawBufferPointer($0)) }
        try lines.finish()
        return try table.dataset()
    }

    /// Whole labels ≥ 0 become 1-based classes (shifted by one when they start at 0);
    /// also returns the label that became class 1 (0 when shifted, else 1).
    static func classify(_ labels: [Double]) -> ([Double], Int?, [String], Int) {
        guard let low = labels.min(), let high = labels.max(), low >= 0,
              high <= 100_000, labels.allSatisfy({ $0 == $0.rounded() }) else {
            return (labels, nil, [], 1)
        }
        if low == 0 {
            return (labels.map { $0 + 1 }, Int(high) + 1,
                    ["labels \(Int(low))–\(Int(high)) became classes 1–\(Int(high) + 1) (classes count from 1)"], 0)
        }
        return (labels, Int(high), [], 1)
    }

    static func resolve(_ label: LabelColumn?, in names: [String], fileName: String) throws -> Int? {
        switch label {
        case nil:
            return nil
        case .index(let i):
            guard i >= 1, i <= names.count else {
                throw DataError("label: \(i) is not a column of \(fileName), which has columns 1 to \(names.count)",
                                concernsLabel: true)
            }
            return i - 1
        case .name(let name):
            if let i = names.firstIndex(of: name) { return i }
            throw DataError("\(fileName) has no column '\(name)'; its columns are \(names.prefix(8).joined(separator: ", "))\(names.count > 8 ? ", ..." : "")",
                            concernsLabel: true)
        }
    }

    static func unquote(_ field: Substring) -> String {
        var s = trimmingWhitespace(field)
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { s = String(s.dropFirst().dropLast()) }
        return s
    }

    /// `field` without leading and trailing blanks: tab and the Unicode space separators,
    /// plus U+200B, the set Foundation's `CharacterSet.whitespaces` trims (FoundationEssentials
    /// has no CharacterSet). By scalars, as Foundation trims, not by Characters.
    static func trimmingWhitespace(_ field: Substring) -> String {
        func isBlank(_ c: Unicode.Scalar) -> Bool {
            c == "\t" || c == "\u{200B}" || c.properties.generalCategory == .spaceSeparator
        }
        let scalars = field.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
