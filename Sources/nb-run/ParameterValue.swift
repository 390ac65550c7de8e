import Foundation

/// A value given on the command line (`nb-run -p lr 0.1`), read as papermill reads
/// `papermill -p lr 0.1` and written as NetBook source exactly as the papermill translator
/// writes it (python/netbook_jupyter/netbook_jupyter/papermill_support.py), so that
/// `nb-run -p` and `papermill -p` inject the same cell.
///
///     try ParameterValue.netBookSource(of: "0.1", for: "lr")       // "0.1"
///     try ParameterValue.netBookSource(of: "1e-5", for: "lr")      // "1e-05" (Python's repr)
///     try ParameterValue.netBookSource(of: "True", for: "on")      // "true"
///     try ParameterValue.netBookSource(of: "[[1, 2], [3, 4.0]]", for: "w")   // "[[1, 2], [3, 4.0]]"
///     try ParameterValue.netBookSource(of: "fast", for: "lr")      // throws: a string
///
/// papermill's reading (`papermill.cli._resolve_type`): `True`, `False`, `None`, then
/// Python's `int()`, then `float()`, else a string. NetBook values are tensors of
/// numbers, so a string or None is refused with the translator's message. nb-run also
/// takes `true`/`false` and a bracketed row or matrix of such numbers (papermill passes
/// lists with `-y`). A finite number too large for a Double (`1e400`) is refused, where
/// Python's float() would silently make it inf.
enum ParameterValue {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func netBookSource(of raw: String, for name: String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("[") { return try list(text, raw: raw, name: name) }
        switch text {
        case "True", "true": return "true"
        case "False", "false": return "false"
        case "None": throw refusal(name, "null", raw)
        default: break
        }
        guard let number = try number(text, name: name) else { throw refusal(name, "a string", raw) }
        return number
    }

    /// The translator's message for a value NetBook cannot hold.
    static func refusal(_ name: String, _ what: String, _ raw: String) -> Problem {
        // `-p w 1,2` most likely meant a row.
        let hint = what == "a string" && raw.contains(",") ? "; write a row in brackets: -p \(name) \"[\(shown(raw))]\"" : ""
        return Problem(description: "parameter '\(name)' is \(what) ('\(shown(raw))'), but NetBook values are tensors of "
                       + "numbers: pass a number, true/false, or a list of numbers (a row) or of equal-length "
                       + "lists (a matrix)\(hint)")
    }

    /// A value as a message quotes it: at most 60 characters (a whole matrix would bury the message).
    static func shown(_ raw: String) -> String {
        raw.count <= 60 ? raw : String(raw.prefix(57)) + "..."
    }

    /// Python's int() then float() of `text`, written as the translator writes them;
    /// nil when `text` is neither (a string, to papermill).
    private static func number(_ text: String, name: String) throws -> String? {
        guard let plain = PythonNumberText.withoutUnderscores(text) else { return nil }
        if PythonNumberText.isInteger(plain) {
            let digits = PythonNumberText.integerText(plain)
            guard Double(digits).map({ $0.isFinite }) ?? false else {
                throw refusal(name, "an integer too large for a 64-bit float", text)
            }
            return digits
        }
        if let special = PythonNumberText.special(plain) { return special }
        guard PythonNumberText.isDecimal(plain), let value = Double(plain) else { return nil }
        guard value.isFinite else {
            throw Problem(description: "parameter '\(name)' is \(shown(text)), beyond the largest 64-bit float "
                          + "(about 1.8e308); write inf if you mean infinity")
        }
        return PythonNumberText.repr(value)
    }

    /// `[1, 2.5]` (a 1×n row) or `[[1, 2], [3, 4]]` (a matrix), each number as `number`.
    private static func list(_ text: String, raw: String, name: String) throws -> String {
        guard let items = BracketList.parse(text) else {
            throw Problem(description: "parameter '\(name)' is not a list NetBook can read ('\(shown(raw))'): write a row "
                          + "as [1, 2.5] or a matrix as [[1, 2], [3, 4]], numbers separated by commas")
        }
        func scalar(_ item: BracketList.Item) throws -> String {
            guard case .scalar(let word) = item else { throw refusal(name, "a list mixing numbers and lists", raw) }
            switch word {
            case "True", "true": return "true"
            case "False", "false": return "false"
            default: break
            }
            guard let number = try number(word, name: name) else {
                throw refusal(name, "a list holding a string ('\(word)')", raw)
            }
            return number
        }
        if items.isEmpty { throw refusal(name, "an empty list", raw) }
        let rows = items.compactMap { item -> [BracketList.Item]? in
            if case .list(let row) = item { return row } else { return nil }
        }
        if rows.isEmpty {
            return "[" + (try items.map(scalar)).joined(separator: ", ") + "]"
        }
        guard rows.count == items.count else { throw refusal(name, "a list mixing numbers and lists", raw) }
        guard Set(rows.map(\.count)).count == 1, rows[0].count > 0 else {
            throw refusal(name, "a list of rows of different or zero lengths", raw)
        }
        let written = try rows.map { row in "[" + (try row.map(scalar)).joined(separator: ", ") + "]" }
        return "[" + written.joined(separator: ", ") + "]"
    }
}

/// A bracketed list of words, one level of nesting or two: `[1, 2]`, `[[1, 2], [3, 4]]`.
enum BracketList {
    indirect enum Item { case scalar(String), list([Item]) }

    /// The items of `text`, or nil when its brackets or commas do not make a list.
    static func parse(_ text: String) -> [Item]? {
        var chars = Substring(text)
        guard let items = parseList(&chars, depth: 0), chars.allSatisfy(\.isWhitespace) else { return nil }
        return items
    }

    private static func parseList(_ s: inout Substring, depth: Int) -> [Item]? {
        // A matrix is a list of rows: deeper nesting is not a NetBook value.
        guard depth < 2 else { return nil }
        skipSpaces(&s)
        guard s.first == "[" else { return nil }
        s.removeFirst()
        var items: [Item] = []
        skipSpaces(&s)
        if s.first == "]" { s.removeFirst(); return items }
        while true {
            skipSpaces(&s)
            if s.first == "[" {
                guard let inner = parseList(&s, depth: depth + 1) else { return nil }
                items.append(.list(inner))
            } else {
                let word = s.prefix { $0 != "," && $0 != "]" && $0 != "[" }
                let trimmed = word.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                items.append(.scalar(trimmed))
                s = s.dropFirst(word.count)
            }
            skipSpaces(&s)
            guard let next = s.first else { return nil }
            s.removeFirst()
            if next == "]" { return items }
            guard next == "," else { return nil }
        }
    }

    private static func skipSpaces(_ s: inout Substring) {
        while let c = s.first, c.isWhitespace { s.removeFirst() }
    }
}
