import ArgumentParser
import Foundation

/// `nb-run --student IN -o OUT` (StudentVersion): its checks and its one job.
extension NbRunCommand {
    func validateStudent() throws {
        if check || update { throw ValidationError("--student writes a notebook; it cannot be used with --check or --update") }
        if requestedFormat != nil { throw ValidationError("--student writes the notebook in its own format (.txt or .ipynb); leave out --to") }
        guard notebooks.count == 1, let input = notebooks.first else {
            throw ValidationError("--student needs one NOTEBOOK (the teacher's version)")
        }
        guard let output, output != "-" else { return }
        let inputIsIpynb = input.hasSuffix(".ipynb"), outputIsIpynb = output.hasSuffix(".ipynb")
        if input != "-" && inputIsIpynb != outputIsIpynb {
            throw ValidationError("--student writes the notebook in its own format: \(input) is \(inputIsIpynb ? "an .ipynb" : "percent-format text"), so -o needs a name \(inputIsIpynb ? "ending in .ipynb" : "not ending in .ipynb")")
        }
        if input != "-" && Self.sameFile(input, output) {
            throw ValidationError("-o \(output) is the teacher's notebook itself; the student version would overwrite its solutions, so write it to another file")
        }
    }

    /// Writes the student version of `file` and says on stderr what changed.
    func writeStudentVersion(of file: NotebookFile) throws -> Int32 {
        let data: Data
        let summary: StudentVersion.Summary
        do {
            switch file.format {
            case .ipynb:
                let (notebook, changes) = try StudentVersion.of(file.notebook)
                data = try IpynbFormat.serialize(notebook)
                summary = changes
            case .percent:
                let (studentText, changes) = try StudentVersion.ofPercent(file.text ?? "")
                data = Data(studentText.utf8)
                summary = changes
            }
        } catch let problem as StudentVersion.Problem {
            throw FileProblem(path: file.displayName, message: problem.description)
        }
        try writeOutput(data, to: output)
        let target = (output == nil || output == "-") ? "stdout" : output!
        Terminal.error("nb-run: student version of \(file.displayName) written to \(target): \(summary)")
        return ExitStatus.ok
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolve(a) == resolve(b)
    }
}
