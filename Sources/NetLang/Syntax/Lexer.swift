/// Splits a cell into tokens and statement ends.
///
/// A line break ends a statement unless a `(` or `[` is open or the line's last token
/// is `,`; `;` ends a statement and marks it silent; `#` starts a comment.
///
///     let tokens = try Lexer(source: "tensor x = [1,\n 2]").tokenize()
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var tokens: [Token] = []
    /// Open brackets, innermost last, with where they opened (for "unclosed" errors).
    private(set) var openBrackets: [Token] = []
    /// A closer that matches no opener (`)` alone, or `(]`): the cell can never be valid.
    private(set) var hasUnbalancedCloser = false

    init(source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// All tokens, ending with `.eof`. Throws on a character the language does not use
    /// or an unterminated string.
    mutating func tokenize() throws -> [Token] {
        while index < scalars.count {
            let c = scalars[index]
            if c == "\n" {
                let here = location(length: 1)
                advance()
                let continues = !openBrackets.isEmpty || (tokens.last?.isSymbol(",") ?? false)
                if !continues { appendEnd(suppress: false, at: here) }
            } else if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" || c == "\u{A0}" {
                advance()
            } else if c == "#" {
                while index < scalars.count && scalars[index] != "\n" { advance() }
            } else if c == ";" {
                let here = location(length: 1)
                advance()
                tokens.append(Token(kind: .end(suppress: true), location: here))
            } else if isDigit(c) {
                try lexNumber()
            } else if isIdentifierStart(c) {
                lexIdentifier()
            } else if c == "\"" || c == "“" || c == "”" {
                try lexString()
            } else {
                try lexSymbol()
            }
        }
        tokens.append(Token(kind: .eof, location: location(length: 1)))
        return tokens
    }

    private func location(length: Int) -> SourceLocation {
        SourceLocation(line: line, column: column, length: length, offset: index)
    }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func appendEnd(suppress: Bool, at here: SourceLocation) {
        // Blank lines and a line break after `;` add no empty statements.
        if let last = tokens.last, case .end = last.kind { return }
        if tokens.isEmpty { return }
        tokens.append(Token(kind: .end(suppress: suppress), location: here))
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") : c.properties.isAlphabetic)
    }

    private func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }

    private mutating func lexNumber() throws {
        let start = location(length: 1)
        var text = ""
        while let c = peek(), isDigit(c) { text.unicodeScalars.append(c); advance() }
        if peek() == ".", let next = peek(1), isDigit(next) {
            text += "."; advance()
            while let c = peek(), isDigit(c) { text.unicodeScalars.append(c); advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            var ahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" { ahead = 2 }
            if let d = peek(ahead), isDigit(d) {
                for _ in 0..<ahead { text.unicodeScalars.append(scalars[index]); advance() }
                while let c = peek(), isDigit(c) { text.unicodeScalars.append(c); advance() }
            }
        }
        var loc = start
        loc.length = index - start.offset
        guard let value = Double(text) else {
            throw LangError(.syntax, "'\(text)' is not a number", at: loc)
        }
        tokens.append(Token(kind: .number(value), location: loc))
    }

    private mutating func lexIdentifier() {
        let start = location(length: 1)
        var text = ""
        while let c = peek(), isIdentifierPart(c) { text.unicodeScalars.append(c); advance() }
        var loc = start
        loc.length = index - start.offset
        tokens.append(Token(kind: .identifier(text), location: loc))
    }

    private mutating func lexString() throws {
        let start = location(length: 1)
        advance()
        var text = ""
        while true {
            guard let c = peek(), c != "\n" else {
                var loc = start
                loc.length = max(1, index - start.offset)
                throw LangError(.syntax, "this string has no closing '\"'", at: loc,
                                hint: "strings are written \"like this\" on one line")
            }
            advance()
            if c == "\"" || c == "”" || c == "“" { break }
            if c == "\\", let next = peek() {
                advance()
                switch next {
                case "n": text += "\n"
                case "t": text += "\t"
                default: text.unicodeScalars.append(next)
                }
            } else {
                text.unicodeScalars.append(c)
            }
        }
        var loc = start
        loc.length = index - start.offset
        tokens.append(Token(kind: .string(text), location: loc))
    }

    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">=", "->"]
    private static let oneCharacterSymbols: Set<Unicode.Scalar> = ["+", "-", "*", "/", "@", "^", "(", ")", "[", "]", ",", ":", "=", "<", ">", ".", "≈"]

    private mutating func lexSymbol() throws {
        let here = location(length: 1)
        let c = scalars[index]
        if let next = peek(1) {
            var pair = ""
            pair.unicodeScalars.append(c); pair.unicodeScalars.append(next)
            if Self.twoCharacterSymbols.contains(pair) || pair == "~=" {
                advance(); advance()
                var loc = here; loc.length = 2
                // `~=` is the ASCII spelling of `≈` (check a ~= b), not MATLAB's "not equal".
                tokens.append(Token(kind: .symbol(pair == "~=" ? "≈" : pair), location: loc))
                return
            }
        }
        // Typographic signs pasted from lessons mean their ASCII twins.
        let aliases: [Unicode.Scalar: String] = ["−": "-", "×": "*", "→": "->", "≤": "<=", "≥": ">=", "≠": "!="]
        if let alias = aliases[c] {
            advance()
            tokens.append(Token(kind: .symbol(alias), location: here))
            return
        }
        guard Self.oneCharacterSymbols.contains(c) else {
            if c == "'" {
                throw LangError(.syntax, "unexpected character \"'\"", at: here,
                                hint: "strings use double quotes: \"text\"")
            }
            throw LangError(.syntax, "unexpected character '\(Character(c))'", at: here)
        }
        advance()
        let symbol = String(Character(c))
        switch symbol {
        case "(", "[":
            let token = Token(kind: .symbol(symbol), location: here)
            openBrackets.append(token)
            tokens.append(token)
        case ")", "]":
            let opener = symbol == ")" ? "(" : "["
            if let last = openBrackets.last, last.isSymbol(opener) {
                openBrackets.removeLast()
            } else {
                hasUnbalancedCloser = true
                if !openBrackets.isEmpty { openBrackets.removeLast() }
            }
            tokens.append(Token(kind: .symbol(symbol), location: here))
        default:
            tokens.append(Token(kind: .symbol(symbol), location: here))
        }
    }
}
