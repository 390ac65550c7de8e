import NetLang

/// nbgrader's markers in the lines of one cell, found as nbgrader finds them: the words
/// anywhere in a line, so a teacher writes them as NetBook comments and the teacher's
/// version runs as it is.
///
///     ### BEGIN SOLUTION        the answer, up to END SOLUTION: replaced by the stub
///     ### BEGIN HIDDEN TESTS    checks the students do not see, up to END HIDDEN TESTS: removed
///
///     let edit = try GradingRegions.studentLines(
///         ["### BEGIN SOLUTION", "tensor z = x @ W", "### END SOLUTION"], stub: ["todo"])
///     edit.lines       // ["todo"]
///     edit.solutions   // 1
///
/// Where nbgrader quietly drops an END marker without a BEGIN, this refuses it: a stray
/// marker means the regions are not where the teacher thinks, and a student version with
/// an answer left in it cannot be taken back.
enum GradingRegions {
    enum Region {
        case solution, hiddenTests

        /// nbgrader's default delimiters (ClearSolutions, ClearHiddenTests).
        var begin: String { self == .solution ? "BEGIN SOLUTION" : "BEGIN HIDDEN TESTS" }
        var end: String { self == .solution ? "END SOLUTION" : "END HIDDEN TESTS" }
    }

    /// The cell's lines as students get them, and how many regions were edited.
    struct Edit {
        var lines: [String] = []
        var solutions = 0
        var hiddenTests = 0
    }

    /// A marker out of place: which of the given lines, where in it, and what is wrong.
    struct Problem: Error {
        var lineIndex: Int
        var line: String
        var marker: String
        var message: String

        /// `message`, the line and a caret under the marker.
        var explanation: String {
            let shown = VisibleText.escaped(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            let offset = shown.range(of: marker).map { shown.distance(from: shown.startIndex, to: $0.lowerBound) } ?? 0
            return "\(message)\n  \(shown)\n  \(String(repeating: " ", count: offset))\(String(repeating: "^", count: marker.count))"
        }
    }

    /// Replaces each solution region by `stub` (each stub line indented like the BEGIN
    /// line, as nbgrader does, and ending like it: `\r` stays with CRLF files) and
    /// removes each hidden-tests region, markers included.
    static func studentLines(_ lines: [String], stub: [String]) throws -> Edit {
        var edit = Edit()
        var open: (region: Region, index: Int)?
        for (index, line) in lines.enumerated() {
            if let (region, isBegin) = marker(in: line) {
                if isBegin {
                    if let open {
                        throw Problem(lineIndex: index, line: line, marker: region.begin,
                                      message: "`\(region.begin)` inside the \(describe(open.region)) region opened on line \(open.index + 1) of this cell; close that one first (`\(open.region.end)`)")
                    }
                    open = (region, index)
                    if region == .solution {
                        edit.solutions += 1
                        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
                        let ending = line.hasSuffix("\r") ? "\r" : ""
                        edit.lines += stub.map { indent + $0 + ending }
                    } else {
                        edit.hiddenTests += 1
                    }
                } else {
                    guard let current = open, current.region == region else {
                        let inside = open.map { " (the \(describe($0.region)) region opened on line \($0.index + 1) is still open)" } ?? ""
                        throw Problem(lineIndex: index, line: line, marker: region.end,
                                      message: "`\(region.end)` without a `\(region.begin)` before it in this cell\(inside)")
                    }
                    open = nil
                }
            } else if open == nil {
                edit.lines.append(line)
            }
        }
        if let open {
            throw Problem(lineIndex: open.index, line: lines[open.index], marker: open.region.begin,
                          message: "`\(open.region.begin)` is not closed: no `\(open.region.end)` after it in this cell")
        }
        return edit
    }

    /// The marker a line holds, checked in nbgrader's order (a line holding two is read
    /// as the first of them).
    private static func marker(in line: String) -> (Region, isBegin: Bool)? {
        for region in [Region.solution, .hiddenTests] {
            if line.contains(region.begin) { return (region, true) }
            if line.contains(region.end) { return (region, false) }
        }
        return nil
    }

    private static func describe(_ region: Region) -> String {
        region == .solution ? "solution" : "hidden tests"
    }
}
