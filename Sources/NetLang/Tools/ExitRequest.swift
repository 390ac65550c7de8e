/// `exit` or `quit` typed alone in a cell: the user wants to leave the front end, as in
/// IPython. Not a statement of the language (a notebook file never needs it); the REPL
/// of nb-run ends on it, and the kernel asks its front end to close (`ask_exit`), which
/// `jupyter console` does and notebook front ends ignore.
///
///     ExitRequest.matches("quit()")   // true
public enum ExitRequest {
    public static func matches(_ code: String) -> Bool {
        let word = String(code.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        return ["exit", "quit", "exit()", "quit()"].contains(word)
    }
}
