import FoundationEssentials

/// Reads a numeric CSV file with a header row into a `Dataset`.
///
///     let iris = try CSVLoader.load(path: "notebooks/data/iris.csv", label: .name("species"))
///     iris.x.shapeDescription   // "150×4"
///     iris.classes              // 3
///
/// Every field must be a number (blank lines are skipped). The label column becomes
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

    public static func load(path: String, label: LabelColumn?) throws -> Dataset {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError("cannot read '\(path)': no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError("'\(path)' is not UTF-8 text")
        }
        return try parse(text, label: label, fileName: url.lastPathComponent)
    }

    public static func parse(_ text: String, label: LabelColumn?, fileName: String = "the file") throws -> Dataset {
        // (line number in the file, line) of every non-blank line. Split on bytes: Swift's
        // Characters treat "\r\n" as one character, and bytes are faster. Fields are split
        // row by row below, so a large file never holds all its fields as strings at once.
        // A loop rather than `split`, so that an interrupt stops a large file every few thousand lines.
        var lines: [(Int, Substring)] = []
        var lineNumber = 0
        let bytes = text.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let raw = bytes[start..<end]
            lineNumber += 1
            if lineNumber % checkEveryLines == 0 { try Interruption.check() }
            let line = Substring(raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw)
            if !line.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.append((lineNumber, line)) }
            guard end < bytes.endIndex else { break }
            start = bytes.index(after: end)
        }
        guard let header = lines.first else { throw DataError("\(fileName) is empty; a header row is expected") }
        let names = header.1.split(separator: ",", omittingEmptySubsequences: false).map { unquote($0) }
        let width = names.count
        let labelIndex = try resolve(label, in: names, fileName: fileName)
        let samples = lines.count - 1
        guard samples >= 1 else { throw DataError("\(fileName) has a header but no data rows") }
        guard samples * width <= maximumElements else {
            throw DataError("\(fileName) holds \(samples)×\(width) numbers, more than the limit of \(maximumElements)")
        }

        var x = [Double](); x.reserveCapacity(samples * (width - (labelIndex == nil ? 0 : 1)))
        var y = [Double](); y.reserveCapacity(samples)
        for (row, (lineNo, line)) in lines.dropFirst().enumerated() {
            if row % checkEveryLines == 0 { try Interruption.check() }
            var column = 0
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                guard column < width else { break }
                // Plain numbers parse directly; only odd fields pay for trimming.
                guard let value = Double(field) ?? Double(trimmingWhitespace(field)), value.isFinite else {
                    let shown = trimmingWhitespace(field)
                    throw DataError("row \(row + 1), column \(column + 1) (line \(lineNo) of \(fileName)): '\(shown)' is not a number")
                }
                if column == labelIndex { y.append(value) } else { x.append(value) }
                column += 1
            }
            let count = line.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
            guard count == width else {
                throw DataError("row \(row + 1) (line \(lineNo) of \(fileName)) has \(count) columns; the header has \(width)")
            }
        }
        let featureNames = names.enumerated().filter { $0.offset != labelIndex }.map(\.element)
        let xTensor = Tensor(rows: samples, cols: featureNames.count, data: x)
        guard labelIndex != nil else {
            return Dataset(x: xTensor, y: Tensor(rows: samples, cols: 0), featureNames: featureNames)
        }
        let (labels, classes, notes) = classify(y)
        return Dataset(x: xTensor, y: Tensor(rows: samples, cols: 1, data: labels),
                       featureNames: featureNames, classes: classes, notes: notes)
    }

    /// Whole labels ≥ 0 become 1-based classes (shifted by one when they start at 0).
    static func classify(_ labels: [Double]) -> ([Double], Int?, [String]) {
        guard let low = labels.min(), let high = labels.max(), low >= 0,
              high <= 100_000, labels.allSatisfy({ $0 == $0.rounded() }) else {
            return (labels, nil, [])
        }
        if low == 0 {
            return (labels.map { $0 + 1 }, Int(high) + 1,
                    ["labels \(Int(low))–\(Int(high)) became classes 1–\(Int(high) + 1) (classes count from 1)"])
        }
        return (labels, Int(high), [])
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
