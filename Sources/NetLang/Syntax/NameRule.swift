/// Whether a text is one NetBook name, by the lexer's own rule: for tools that write
/// source, such as `nb-run -p NAME VALUE`, so that a name the lexer would not read as one
/// name is refused before it becomes a cell.
///
///     NameRule.isName("lr")        // true
///     NameRule.isName("학습률")     // true
///     NameRule.isName("x²")        // false: ² is not a letter or an ASCII digit
///     NameRule.isName("hidden.W")  // false: a dotted member, not a name
public enum NameRule {
    public static func isName(_ text: String) -> Bool {
        var lexer = Lexer(source: text)
        guard let tokens = try? lexer.tokenize() else { return false }
        // One identifier and nothing else (a comment, a `;` or a line break would vanish
        // from the text compared, so the identifier must be the whole text).
        let words = tokens.filter { !$0.isEnd }
        return words.count == 1 && words[0].identifier == text
    }
}
