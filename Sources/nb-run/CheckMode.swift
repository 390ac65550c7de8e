import Foundation

/// `--check` and `--update`: a notebook's expected outputs, compared or refreshed.
///
/// A percent-format `NAME.txt` stores them in `NAME.out` (see `Transcript`); an .ipynb
/// in its cells, compared by their `text/plain`. Both compare the same transcript: each
/// code cell's source followed by the text of its outputs.
///
///     try CheckMode(file: file, keepGoing: false, timeout: nil).check()   // 0, or 3 with a diff
struct CheckMode {
    var file: NotebookFile
    var keepGoing: Bool
    var timeout: Double?

    /// Where the expected outputs live.
    var storePath: String { file.format == .percent ? Transcript.path(for: file.path) : file.path }

    func check() throws -> Int32 {
        let expected: String
        switch file.format {
        case .percent:
            guard FileManager.default.fileExists(atPath: storePath) else {
                throw FileProblem(path: storePath, message: "no stored outputs to check against; create them with `nb-run --update \(file.path)`")
            }
            guard let data = FileManager.default.contents(atPath: storePath), let text = String(data: data, encoding: .utf8) else {
                throw FileProblem(path: storePath, message: "cannot be read as UTF-8 text")
            }
            expected = text
        case .ipynb:
            expected = Transcript.of(file.notebook)
        }
        let (ran, _) = rerun()
        let actual = Transcript.of(ran)
        if let diff = UnifiedDiff.make(old: expected, new: actual, oldName: "\(storePath) (stored)",
                                       newName: "\(file.path) (this run)") {
            Terminal.write(diff)
            Terminal.error("nb-run: \(file.path): outputs differ from the stored ones (diff above); `nb-run --update \(file.path)` stores the new ones")
            return ExitStatus.checkMismatch
        }
        Terminal.write("ok  \(file.path)  (\(ran.codeCells.count) code cells match \(storePath))\n")
        return ExitStatus.ok
    }

    func update() throws -> Int32 {
        let (ran, failed) = rerun()
        switch file.format {
        case .percent: try writeOutput(Data(Transcript.of(ran).utf8), to: storePath)
        case .ipynb: try writeOutput(IpynbFormat.serialize(ran), to: storePath)
        }
        Terminal.write("updated \(storePath)\n")
        if failed {
            Terminal.error("nb-run: \(file.path): a cell failed; its error is stored in \(storePath)")
            return ExitStatus.cellFailed
        }
        return ExitStatus.ok
    }

    private func rerun() -> (Notebook, Bool) {
        NotebookExecution(keepGoing: keepGoing, color: false, timeout: timeout, echo: nil)
            .run(file.notebook, baseDirectory: file.directory)
    }
}
