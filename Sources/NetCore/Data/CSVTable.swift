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
        if bytes.allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) { return }
        guard let names else { return try readHeader(line: number, bytes) }
        let width = names.count
        var fields = 0
        for b in bytes where b == ASCII.comma { fields += 1 }
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
        guard let base = bytes.baseAddress else { return }
        var start = 0, column = 0, end = 0
        while end <= bytes.count {
            if end < bytes.count && base[end] != ASCII.comma { end += 1; continue }
            guard let value = Self.number(base, start, end) else {
                let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
                throw DataError("row \(rows + 1), column \(column + 1) (\(fileName):\(number):\(Self.characters(in: bytes, before: start) + 1)): \(Self.quoted(field)) is not a number")
            }
            if column == labelIndex { y.append(value) } else { x.append(value) }
            column += 1
            end += 1
            start = end
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
        let (labels, classes, notes, first) = CSVLoader.classify(y)
        var set = Dataset(x: xTensor, y: Tensor(rows: rows, cols: 1, data: labels),
                          featureNames: featureNames, classes: classes, notes: notes)
        set.firstLabel = first
        return set
    }

    // MARK: - Fields

    /// A decimal number — optional sign, digits with an optional fraction, an optional
    /// exponent — with blanks around it and optionally in quotes; nil for anything else
    /// (Swift's Double("0x10") would read hexadecimal, and C's strtod stops at a NUL).
    /// Bytes start..<end of `base`; plain index loops, as this runs once per field.
    static func number(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var (s, e) = trimmed(base, start, end)
        if e - s >= 2, base[s] == ASCII.quote, base[e - 1] == ASCII.quote {
            (s, e) = trimmed(base, s + 1, e - 1)
        }
        guard isDecimal(base, s, e) else {
            // Rare: blanks beyond space and tab (no-break space, ideographic space…).
            let text = CSVLoader.trimmingWhitespace(Substring(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)))
            guard text.utf8.count < e - s else { return nil }
            var copy = text
            return copy.withUTF8 { t in t.baseAddress.flatMap { isDecimal($0, 0, t.count) ? finite(Double(text)) : nil } }
        }
        // Whole numbers of up to 15 digits (pixels, labels) are exact as Doubles: no text needed.
        var digits = s, negative = false
        if base[digits] == ASCII.minus || base[digits] == ASCII.plus { negative = base[digits] == ASCII.minus; digits += 1 }
        if e - digits <= 15 {
            var whole = 0, k = digits
            while k < e, base[k] >= ASCII.zero, base[k] <= ASCII.nine { whole = whole * 10 + Int(base[k] - ASCII.zero); k += 1 }
            if k == e { return negative ? -Double(whole) : Double(whole) }
        }
        return finite(Double(String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)))
    }

    private static func finite(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }

    private static func trimmed(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e, p[s] == ASCII.space || p[s] == ASCII.tab { s += 1 }
        while e > s, p[e - 1] == ASCII.space || p[e - 1] == ASCII.tab { e -= 1 }
        return (s, e)
    }

    /// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? exactly filling start..<end.
    static func isDecimal(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < end && p[k] >= ASCII.zero && p[k] <= ASCII.nine }
        if i < end, p[i] == ASCII.plus || p[i] == ASCII.minus { i += 1 }
        var mantissa = 0
        while isDigit(i) { i += 1; mantissa += 1 }
        if i < end, p[i] == ASCII.dot {
            i += 1
            while isDigit(i) { i += 1; mantissa += 1 }
        }
        guard mantissa > 0 else { return false }
        if i < end, p[i] == ASCII.lowerE || p[i] == ASCII.upperE {
            i += 1
            if i < end, p[i] == ASCII.plus || p[i] == ASCII.minus { i += 1 }
            var exponent = 0
            while isDigit(i) { i += 1; exponent += 1 }
            guard exponent > 0 else { return false }
        }
        return i == end
    }

    /// Characters (not bytes) before byte `offset`: the column an editor shows, minus 1.
    static func characters(in bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        bytes[0..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The field as written, in quotes, with control characters (NUL, escape…) spelled
    /// out so that an error can never move a terminal's cursor or hide what is there.
    static func quoted(_ field: UnsafeBufferPointer<UInt8>) -> String {
        var text = ""
        var shown = field
        if let base = field.baseAddress {
            let (s, e) = trimmed(base, 0, field.count)
            if e > s { shown = UnsafeBufferPointer(rebasing: field[s..<e]) }
        }
        for scalar in String(decoding: shown, as: UTF8.self).unicodeScalars.prefix(40) {
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
