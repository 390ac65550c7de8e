/// Help text folded to fit a classroom screen: JupyterLab's pager and output area cut
/// (or scroll) lines wider than the panel, and a projector shows about 100 columns.
/// A long line breaks at its last space before `width`; its continuation lines are
/// indented two spaces more than the line itself, so a list entry still reads as one.
///
///     HelpWrap.fold("Keywords: backward check clear_output …", width: 30)
///     // "Keywords: backward check\n  clear_output …"
enum HelpWrap {
    static let width = 100

    static func fold(_ text: String, width: Int = HelpWrap.width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { fold(line: String($0), width: max(width, 20)) }
            .joined(separator: "\n")
    }

    private static func fold(line: String, width: Int) -> String {
        guard line.count > width else { return line }
        // At most half the width, so every continuation line has room to make progress.
        let indent = String(repeating: " ", count: min(line.prefix { $0 == " " }.count + 2, width / 2))
        var lines: [String] = []
        var rest = Substring(line)
        var prefix = ""
        while prefix.count + rest.count > width {
            let room = width - prefix.count
            let head = rest.prefix(room + 1)
            // The last space that leaves something on this line; none: break the word.
            let cut = head.lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
            let end = cut ?? rest.index(rest.startIndex, offsetBy: room)
            lines.append(prefix + rest[..<end].trimmingTrailingSpaces())
            rest = rest[end...].drop { $0 == " " }
            prefix = indent
            if rest.isEmpty { break }
        }
        if !rest.isEmpty { lines.append(prefix + rest) }
        return lines.joined(separator: "\n")
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
