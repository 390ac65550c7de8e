/// `exit` or `quit` typed alone in a cell: the user wants to leave the front end, as in
/// IPython. Not a statement of the language (a notebook file never needs it); the REPL
/// of nb-run ends on it, and the kernel asks its front end to close (`ask_exit`), which
/// `jupyter console` does and notebook front ends ignore.
///
///     ExitRequest.matches("quit()")   // true
public enum ExitRequest {
    public static func matches(_ code: String) -> Bool {
        // Every kernel cell is asked: a cell longer than a word and its blanks is code, and
        // is not walked Character by Character (that cost ~0.1 ms a cell).
        guard code.utf8.count <= 64 else { return false }
        let words = code.split(whereSeparator: \.isWhitespace)
        return words.count == 1 && ["exit", "quit", "exit()", "quit()"].contains(words[0])
    }
}
