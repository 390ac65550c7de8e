/// Runs a notebook's code cells in order in one fresh session and fills in their
/// outputs; the first failing cell stops the run unless `keepGoing`.
///
///     let execution = NotebookExecution(keepGoing: false, color: false, timeout: nil, echo: { print($0, terminator: "") })
///     let (ran, failed) = execution.run(notebook, baseDirectory: "notebooks")
struct NotebookExecution {
    var keepGoing: Bool
    var color: Bool
    var timeout: Double?
    /// Receives each cell's terminal text as soon as it has run (markdown cells too);
    /// nil to run quietly (--check, --update, and formats other than text).
    var echo: ((String) -> Void)?
    /// Receives each warning (the stderr stream), in its place among the echoed text, or
    /// after the cell when nothing is echoed; nil to keep them only in the outputs.
    var warn: ((String) -> Void)? = nil

    func run(_ notebook: Notebook, baseDirectory: String?) -> (notebook: Notebook, failed: Bool) {
        let runner = NotebookRunner(baseDirectory: baseDirectory, color: color, timeout: timeout)
        let progress = ProgressLine()
        // Rendering progress is only worth it where someone watches it.
        if progress.enabled {
            runner.onProgress = { progress.show($0) }
            runner.onProgressEnd = { progress.clear() }
        }
        let colors = Colors(enabled: color)

        var result = notebook
        var failed = false
        var codeIndex = 0
        for index in result.cells.indices {
            // Outputs of a previous run never survive: a cell that does not run has none.
            result.cells[index].outputs = []
            result.cells[index].executionCount = nil
        }
        for index in result.cells.indices {
            if failed && !keepGoing { break }
            let cell = result.cells[index]
            switch cell.kind {
            case .markdown:
                echo?(Transcript.markdownCell(cell.source, colors: colors))
            case .raw:
                continue
            case .code:
                codeIndex += 1
                let run = runner.run(cell.source)
                progress.clear()
                result.cells[index].outputs = run.outputs
                result.cells[index].executionCount = run.executionCount
                if let echo {
                    for piece in Transcript.codeCell(source: cell.source, count: codeIndex, outputs: run.terminalTexts, colors: colors) {
                        if piece.isWarning { warn?(piece.text) } else { echo(piece.text) }
                    }
                } else {
                    for piece in run.terminalTexts where piece.isWarning { warn?(piece.text) }
                }
                if run.failed { failed = true }
            }
        }
        return (result, failed)
    }
}
