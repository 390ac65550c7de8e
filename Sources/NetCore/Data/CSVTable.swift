/// The rows of a CSV file as they stream in (`CSVLoader`): the header names the columns,
/// every other non-blank line is one sample whose fields must be decimal numbers.
///
///     let table = CSVTable(label: .name("species"), fileName: "iris.csv", budget: budget)
///     try table.add(line: 1, headerBytes); try table.add(line: 2, rowBytes) …
///     let iris = try table.dataset()
final class CSVTable {
    let label: CSVLoader.LabelColumn?
    let fileName: String
    let budget: MemoryBudget
    private var names: [String]?
    private var labelIndex: Int?
    private var rows = 0
    private var x: [Double] = []
    private var y: [Double] = []

    init(label: CSVLoader.LabelColumn?, fileName: String, budget: MemoryBudget) {
        self.label = label; self.fileName = fileName; self.budget = budget
    }

    func add(line number: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        guard let names else { return try readHeader(line: number, bytes) }
        let width = names.count
        var fields = 0
        for b in bytes where b == UInt8(ascii: ",") { fields += 1 }
        fields += 1
        guard fields == width else {
            throw DataError("row \(rows + 1) (\(fileName):\(number)) has \(fields) columns; the header has \(width)")
        }
        let (total, overflow) = (x.count + y.count).addingReportingOverflow(width)
        guard !overflow, total <= CSVLoader.maximumElements else {
            throw DataError("\(fileName) holds more than \(CSVLoader.maximumElements) numbers (the limit for one data set) by row \(rows + 1) (line \(number))")
        }
        try makeRoom(&x, for: labelIndex == nil ? width : width - 1)
        if labelIndex != nil { try makeRoom(&y, for: 1) }
        var start = 0, column = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ",") {
            let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard let value = Self.number(field) else {
                throw DataError("row \(rows + 1), column \(column + 1) (\(fileName):\(number):\(Self.characters(in: bytes, before: start) + 1)): \(Self.quoted(field)) is not a number")
            }
            if column == labelIndex { y.append(value) } else { x.append(value) }
            column += 1
            start = end + 1
        }
        rows += 1
    }

    private func readHeader(line: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataError("the header of \(fileName) (line \(line)) is not UTF-8 text")
        }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { CSVLoader.unquote($0) }
        labelIndex = try CSVLoader.resolve(label, in: names, fileName: fileName)
        self.names = names
    }

    /// Grows `array` ahead of need, reserving each new capacity in the budget first.
    private func makeRoom(_ array: inout [Double], for count: Int) throws {
        let needed = array.count + count
        guard needed > array.capacity else { return }
        let capacity = max(needed, array.capacity * 2, 1024)
        try budget.reserve(elements: capacity - array.capacity, for: "\(fileName) (\(rows) rows read so far)")
        array.reserveCapacity(capacity)
    }

    func dataset() throws -> Dataset {
        guard let names else { throw DataError("\(fileName) is empty; a header row is expected") }
        guard rows >= 1 else { throw DataError("\(fileName) has a header but no data rows") }
        let featureNames = names.enumerated().filter { $0.offset != labelIndex }.map(\.element)
        let xTensor = Tensor(rows: rows, cols: featureNames.count, data: x)
        guard labelIndex != nil else {
            return Dataset(x: xTensor, y: Tensor(rows: rows, cols: 0), featureNames: featureNames)
        }
        let (labels, classes, notes) = CSVLoader.classify(y)
        return Dataset(x: xTensor, y: Tensor(rows: rows, cols: 1, data: labels),
                       featureNames: featureNames, classes: classes, notes: notes)
    }

    // MARK: - Fields

    /// A decimal number — optional sign, digits with an optional fraction, an optional
    /// exponent — with blanks around it and optionally in quotes; nil for anything else
    /// (Swift's Double("0x10") would read hexadecimal, and C's strtod stops at a NUL).
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var bytes = trimmed(field[...])
        if bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") {
            bytes = trimmed(bytes[(bytes.startIndex + 1)..<(bytes.endIndex - 1)])
        }
        if !isDecimal(bytes) {
            // Rare: blanks beyond space and tab (no-break space, ideographic space…).
            let text = CSVLoader.trimmingWhitespace(Substring(String(decoding: field, as: UTF8.self)))
            guard text.utf8.count < field.count, let v = Self.number(text) else { return nil }
            return v
        }
        let value = Double(String(decoding: bytes, as: UTF8.self))
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    private static func number(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { isDecimal($0[...]) ? Double(text).flatMap { $0.isFinite ? $0 : nil } : nil }
    }

    private static func trimmed(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        func blank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }
        guard let first = b.firstIndex(where: { !blank($0) }), let last = b.lastIndex(where: { !blank($0) }) else {
            return b[b.startIndex..<b.startIndex]
        }
        return b[first...last]
    }

    /// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
    static func isDecimal(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var i = b.startIndex
        func digits() -> Int {
            let from = i
            while i < b.endIndex, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        if i < b.endIndex, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        var mantissa = digits()
        if i < b.endIndex, b[i] == UInt8(ascii: ".") { i += 1; mantissa += digits() }
        guard mantissa > 0 else { return false }
        if i < b.endIndex, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.endIndex, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == b.endIndex
    }

    /// Characters (not bytes) before byte `offset`: the column an editor shows, minus 1.
    static func characters(in bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        bytes[0..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The field as written, in quotes, with control characters (NUL, escape…) spelled
    /// out so that an error can never move a terminal's cursor or hide what is there.
    static func quoted(_ field: UnsafeBufferPointer<UInt8>) -> String {
        var text = ""
        for scalar in String(decoding: trimmed(field[...]).isEmpty ? field[...] : trimmed(field[...]), as: UTF8.self).unicodeScalars.prefix(40) {
            switch scalar {
            case "\0": text += "\\0"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case "'": text += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return "'\(text)'"
    }
}
