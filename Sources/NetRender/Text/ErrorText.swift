import NetLang

/// An error as a terminal shows it: kind, location and message, the line, and a caret
/// under the mistake. The line is printed with its control characters escaped (a tab as
/// `\t`, ESC as `\x1b`: no terminal escape injection) and the caret placed by display
/// width (escapes as printed, wide Hangul counted twice) so it sits under the right
/// characters; ANSI colours only when asked.
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
        // Pad with the width of what precedes the column as printed: a control character is
        // shown escaped (`\t`, `\x1b`: NetError.visibleLine), a wide character takes two columns.
        func width(_ u: Unicode.Scalar) -> Int { VisibleText.escape(u)?.count ?? TextWidth.columns(u) }
        var padWidth = source.prefix(max(0, e.column - 1)).reduce(0) { $0 + width($1) }
        if e.column - 1 > source.count { padWidth += e.column - 1 - source.count }
        let pad = String(repeating: " ", count: padWidth)
        let underlined = source.dropFirst(max(0, e.column - 1)).prefix(e.length)
        let caretWidth = max(1, underlined.reduce(0) { $0 + width($1) } + max(0, e.length - underlined.count))
        let caret = String(repeating: "^", count: caretWidth)
        return "\(head)\n  \(VisibleText.escaped(e.sourceLine))\n  \(pad)\(red)\(caret)\(reset)"
    }
}
