import NetLang

/// An error as a terminal shows it: kind, location and message, the line, and a caret
/// under the mistake. The caret is placed by display width (tabs kept, wide Hangul counted
/// twice) so it sits under the right characters; ANSI colours only when asked.
///
///     NameError: line 2, column 12: unknown name 'hiden' — did you mean 'hidden'?
///       tensor y = hiden.a
///                  ^^^^^
struct ErrorText {
    var color: Bool

    func render(_ e: NetError) -> String {
        let red = color ? "\u{1B}[31m" : "", bold = color ? "\u{1B}[1m" : ""
        let cyan = color ? "\u{1B}[36m" : "", reset = color ? "\u{1B}[0m" : ""
        var head = "\(bold)\(red)\(e.kind)\(reset): line \(e.line), column \(e.column): \(e.message)"
        if let hint = e.hint { head += " — \(cyan)\(hint)\(reset)" }
        let source = Array(e.sourceLine.unicodeScalars)
        // Pad with what precedes the column: a tab stays a tab, a wide character two spaces.
        var pad = ""
        for u in source.prefix(max(0, e.column - 1)) {
            pad += u == "\t" ? "\t" : String(repeating: " ", count: TextWidth.columns(u))
        }
        if e.column - 1 > source.count { pad += String(repeating: " ", count: e.column - 1 - source.count) }
        let underlined = source.dropFirst(max(0, e.column - 1)).prefix(e.length)
        let caretWidth = max(1, underlined.reduce(0) { $0 + TextWidth.columns($1) } + max(0, e.length - underlined.count))
        let caret = String(repeating: "^", count: caretWidth)
        return "\(head)\n  \(e.sourceLine)\n  \(pad)\(red)\(caret)\(reset)"
    }
}
