import Foundation

/// `nb-run --student`: the version of a teacher's notebook that students get, as
/// nbgrader's `generate_assignment` makes it, without nbgrader: each solution replaced by
/// the stub, hidden tests removed, outputs cleared. Nothing is run.
///
///     let (student, summary) = try StudentVersion.of(notebook)          // an .ipynb
///     let (text, summary) = try StudentVersion.ofPercent(percentText)   // a .txt, line by line
///     summary.solutions   // 2
enum StudentVersion {
    /// NetBook's code stub: `todo` fails with "not answered yet", so an untouched exercise
    /// scores zero. The same as `CODE_STUB` in python/netbook_jupyter/netbook_jupyter/
    /// nbgrader_support.py (what nbgrader writes); tests-python/test_nbgrader.py compares them.
    static let codeStub = ["# YOUR CODE HERE", "todo"]
    /// nbgrader's `ClearSolutions.text_stub`, for solutions in markdown cells.
    static let textStub = ["YOUR ANSWER HERE"]

    struct Summary: CustomStringConvertible {
        var solutions = 0
        var hiddenTests = 0
        var clearedOutputs = 0

        mutating func add(_ edit: GradingRegions.Edit) {
            solutions += edit.solutions
            hiddenTests += edit.hiddenTests
        }

        /// One line for the teacher: what changed, and a warning when nothing was marked.
        var description: String {
            var parts = [solutions == 1 ? "1 solution replaced by a stub" : "\(solutions) solutions replaced by stubs",
                         "\(hiddenTests) hidden test region\(hiddenTests == 1 ? "" : "s") removed"]
            if clearedOutputs > 0 { parts.append("outputs of \(clearedOutputs) cell\(clearedOutputs == 1 ? "" : "s") cleared") }
            var text = parts.joined(separator: ", ")
            if solutions == 0 {
                text += "\nnote: no solution was marked (### BEGIN SOLUTION ... ### END SOLUTION, or an nbgrader solution cell): the student version holds every answer"
            }
            return text
        }
    }

    /// A marker out of place, said with where it is ("cell 3, line 2" or "line 14").
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// An .ipynb, cell by cell. A cell nbgrader marks as a solution (`metadata.nbgrader.
    /// solution`) with no region in it is replaced whole, as nbgrader replaces it.
    static func of(_ notebook: Notebook) throws -> (Notebook, Summary) {
        var student = notebook
        var summary = Summary()
        for i in student.cells.indices {
            var cell = student.cells[i]
            let stub = cell.kind == .code ? codeStub : textStub
            let edit: GradingRegions.Edit
            do {
                edit = try GradingRegions.studentLines(lines(of: cell.source), stub: stub)
            } catch let problem as GradingRegions.Problem {
                throw Problem(description: "cell \(i + 1), line \(problem.lineIndex + 1): \(problem.explanation)")
            }
            summary.add(edit)
            cell.source = edit.lines.joined(separator: "\n")
            if edit.solutions == 0, isSolutionCell(cell) {
                cell.source = stub.joined(separator: "\n")
                summary.solutions += 1
            }
            if !cell.outputs.isEmpty { summary.clearedOutputs += 1 }
            cell.outputs = []
            cell.executionCount = nil
            student.cells[i] = cell
        }
        student.metadata["celltoolbar"] = nil   // nbgrader's "Create Assignment" toolbar
        return (student, summary)
    }

    /// A percent-format file, edited line by line so that everything else (blank lines,
    /// marker lines with their titles, line endings) stays as the teacher wrote it.
    static func ofPercent(_ text: String) throws -> (String, Summary) {
        let lines = lines(of: text)
        var output: [String] = []
        var summary = Summary()
        var segment: [String] = []
        var segmentStart = 0
        var kind = NotebookCell.Kind.code

        func flush() throws {
            // Markdown lines start with "# " in this format; so does their stub.
            let stub = kind == .code ? codeStub : kind == .markdown ? textStub.map { "# " + $0 } : textStub
            do {
                let edit = try GradingRegions.studentLines(segment, stub: stub)
                summary.add(edit)
                output += edit.lines
            } catch let problem as GradingRegions.Problem {
                throw Problem(description: "line \(segmentStart + problem.lineIndex + 1): \(problem.explanation)")
            }
        }

        for (index, line) in lines.enumerated() {
            let withoutCR = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if let next = PercentFormat.markerKind(withoutCR) {
                try flush()
                output.append(line)
                segment = []
                segmentStart = index + 1
                kind = next
            } else {
                segment.append(line)
            }
        }
        try flush()
        return (output.joined(separator: "\n"), summary)
    }

    /// The lines between "\n"s. A CRLF line keeps its "\r" (and a stub put in its place
    /// gets one): split by Unicode scalar, since Swift reads "\r\n" as one Character.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    private static func isSolutionCell(_ cell: NotebookCell) -> Bool {
        cell.metadata["nbgrader"]?["solution"]?.bool == true
    }
}
