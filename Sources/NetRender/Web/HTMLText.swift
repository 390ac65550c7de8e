/// Escaping for HTML and XML text and attributes, and the `<pre>` twin of a text output.
///
///     HTMLText.escape("a < b & c")    // "a &lt; b &amp; c"
enum HTMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters (ANSI escapes, NUL) are not allowed in XML 1.0.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Text art in HTML: VS Code's text/plain view reflows and changes fonts, a `<pre>` does not.
    static func pre(_ text: String) -> String {
        "<pre style=\"white-space: pre; line-height: normal; font-family: monospace\">\(escape(text))</pre>"
    }

    /// Sentences in a monospace block (help, notes, the progress line): lines wider than
    /// JupyterLab's output area wrap instead of being cut off at its edge.
    static func wrappingPre(_ text: String) -> String {
        "<pre style=\"white-space: pre-wrap; overflow-wrap: anywhere; line-height: normal; font-family: monospace\">\(escape(text))</pre>"
    }
}
