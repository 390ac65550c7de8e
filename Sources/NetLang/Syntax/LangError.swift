/// A mistake found while reading or running a statement, located in the cell.
/// `Session` turns it into the public `NetError` (adding the source line).
///
///     throw LangError(.name, "unknown name 'hiden'", at: token.location, hint: "did you mean 'hidden'?")
struct LangError: Error {
    enum Kind: String {
        case syntax = "SyntaxError"
        case name = "NameError"
        case shape = "ShapeError"
        case value = "ValueError"
        case file = "FileError"
        case limit = "LimitError"
        case interrupt = "KeyboardInterrupt"
        /// A `check` that did not hold, or a `todo` not answered yet (Statements/CheckStatement.swift).
        case check = "CheckError"
    }
    var kind: Kind
    var message: String
    var location: SourceLocation
    var hint: String?

    init(_ kind: Kind, _ message: String, at location: SourceLocation, hint: String? = nil) {
        self.kind = kind; self.message = message; self.location = location; self.hint = hint
    }

    /// The public error, with the line of `source` it points at.
    func netError(in source: String) -> NetError {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let index = location.line - 1
        let text = index >= 0 && index < lines.count ? String(lines[index]) : ""
        let maxLength = max(1, text.unicodeScalars.count - location.column + 1)
        return NetError(kind: kind.rawValue, message: message, line: location.line, column: location.column,
                        length: min(location.length, maxLength), sourceLine: text, hint: hint)
    }
}

/// "did you mean …?" suggestions by edit distance.
enum Suggest {
    /// The closest candidate within a distance that scales with the word's length, or nil.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        // A one-letter name only suggests a different case ('X' → 'x'): any other letter is a guess.
        // Up to four letters allow one slip ('hx' → 'x', 'rlu' → 'relu'), not two ('foo' is not 'log').
        let limit = word.count <= 1 ? 0 : word.count <= 4 ? 1 : min(3, word.count / 3 + 1)
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let d = distance(lower, candidate.lowercased())
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// "did you mean 'x'?" or nil.
    static func hint(for word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, so swapped letters cost 1.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > 3 { return abs(x.count - y.count) }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
