/// Text from a cell or a file made safe to print in an error: every character a terminal
/// would act on instead of show (ESC, BEL, CR, backspace, C1 controls such as CSI) or that
/// hides or reorders text (bidi overrides, zero-width marks, odd spaces) is written as
/// Python's `repr` writes it, so a name, string or path cannot recolour the terminal,
/// move the cursor or disguise the line an error points at.
///
///     VisibleText.escaped("tensor x = \"\u{1B}[31m")   // tensor x = "\x1b[31m
///     VisibleText.escaped("a\tb\r")                    // a\tb\r
public enum VisibleText {
    public static func escaped(_ text: String) -> String {
        escaped(text, keeping: [])
    }

    /// `text` escaped except for the characters in `kept`: a cell's source echoed line by
    /// line keeps its tabs (indentation is what the student typed, and a tab moves no cursor
    /// anywhere a newline would not).
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar>) -> String {
        func needsEscape(_ u: Unicode.Scalar) -> Bool { !kept.contains(u) && escape(u) != nil }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if needsEscape(u), let e = escape(u) { out += e } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// How `u` is written, or nil when it prints as itself (Python's `str.isprintable`:
    /// everything but control, format, surrogate, private-use, unassigned characters and
    /// separators other than the plain space).
    public static func escape(_ u: Unicode.Scalar) -> String? {
        switch u {
        case " ": return nil
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default: break
        }
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            let hex = String(u.value, radix: 16)
            if u.value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
            if u.value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
            return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        default:
            return nil
        }
    }
}
