import ArgumentParser
import Foundation

/// The `nb-run` command line: runs, converts and checks NetBook notebooks.
///
///     nb-run notebooks/03-backprop-by-hand.txt
///     nb-run --to ipynb -o 03.ipynb notebooks/03-backprop-by-hand.txt
///     nb-run --check notebooks/*.txt
///     nb-run --student -o handout.ipynb lesson.ipynb

///     nb-run -p lr 0.1 -p w "[[1, 2], [3, 4]]" lesson.ipynb
struct NbRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb-run",
        abstract: "Run, convert and check NetBook notebooks (percent-format .txt or .ipynb).",
        discussion: """
        With no NOTEBOOK on a terminal, nb-run is a REPL (Ctrl-D exits). `-` reads a notebook from stdin.

        A NAME.txt notebook keeps its expected outputs in NAME.out beside it (the transcript of its \
        code cells, written by --update); an .ipynb keeps them in its cells. `--to ipynb -o FILE` \
        over an existing FILE keeps that notebook's own metadata (title, authors, "language": "ko").

        --student writes the version students get, as nbgrader's generate_assignment \
        makes it, and runs nothing. In each cell:
          ### BEGIN SOLUTION ... ### END SOLUTION         -> # YOUR CODE HERE, todo
          ### BEGIN HIDDEN TESTS ... ### END HIDDEN TESTS -> removed
        `todo` fails with "not answered yet". A solution in a markdown cell becomes \
        YOUR ANSWER HERE, an .ipynb cell nbgrader marks as a solution is replaced whole, \
        and outputs are cleared. The notebook keeps its format (.txt or .ipynb).

        Parameters, as papermill sets them: `-p lr 0.1` puts a cell `tensor lr = 0.1` right after the \
        cell tagged `parameters` (an .ipynb cell's tags; in a .txt the marker `# %% tags=["parameters"]`), \
        or at the top when no cell is tagged (a note says so). VALUE is a number (0.1, -2, 1e-3, inf, nan), true/false, \
        or a row or matrix in brackets ("[1, 2]", "[[1, 2], [3, 4]]"); a name given twice keeps the \
        last value. The cell is the one `papermill -p` injects.

        Exit status: 0 ok, 1 a cell failed, 2 usage or file error, 3 --check found a difference.
        """)

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, ipynb, markdown, json }
    enum ColorChoice: String, CaseIterable, ExpressibleByArgument { case auto, always, never }

    @Argument(help: "Notebooks to run (.txt percent format or .ipynb); - reads stdin.")
    var notebooks: [String] = []

    @Option(name: .customLong("to"), help: "Output format: text (the default), ipynb, markdown or json.")
    var requestedFormat: Format?
    /// `--to`, text when not given (--student refuses it given: it writes its own format).
    var to: Format { requestedFormat ?? .text }

    @Option(name: .shortAndLong, help: "Write the output to FILE instead of stdout.")
    var output: String?

    @Flag(help: "Re-run and compare with the stored outputs; exit 3 with a diff on a difference.")
    var check = false

    @Flag(help: "Re-run and store the outputs (NAME.out beside a .txt; in the cells of an .ipynb).")
    var update = false

    @Flag(help: "Write the student version (solutions replaced by `todo`, hidden tests removed, outputs cleared) to -o FILE or stdout; runs nothing.")
    var student = false

    @Flag(help: "Run the remaining cells after a cell fails (the exit status is still 1).")
    var keepGoing = false

    @Option(help: "Colour the text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Stop a cell that runs longer than SECONDS (it fails).")
    var timeout: Double?

    // Given as `-p NAME VALUE`; `start` hands each pair over as NAME=VALUE (ParameterArguments).
    @Option(name: [.customShort("p"), .customLong("parameter")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Set a parameter, as papermill -p does (repeatable); see above.",
                               valueName: "NAME VALUE"))
    var parameter: [String] = []

    /// The `-p` values, read and checked.
    func parameters() throws -> NotebookParameters {
        do {
            return try NotebookParameters(pairs: parameter.map(ParameterArguments.split))
        } catch let problem as ParameterValue.Problem {
            throw ValidationError(problem.description)
        }
    }

    func validate() throws {
        if check && update { throw ValidationError("--check and --update cannot be used together") }
        if (check || update) && notebooks.isEmpty { throw ValidationError("--check and --update need a NOTEBOOK") }
        if (check || update) && notebooks.contains("-") { throw ValidationError("--check and --update need a file, not stdin") }
        if (check || update) && output != nil { throw ValidationError("--check and --update write no output file; leave out -o") }
        if output != nil && notebooks.count > 1 { throw ValidationError("-o writes one notebook; give one NOTEBOOK") }
        if student { try validateStudent() }
        if student && !parameter.isEmpty { throw ValidationError("-p cannot be used with --student: the students' version runs nothing") }
        if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout needs a number of seconds > 0") }
        if !parameter.isEmpty && (check || update) {
            throw ValidationError("-p cannot be used with --check or --update: the stored outputs are the notebook's own")
        }
        if !parameter.isEmpty && notebooks.isEmpty && Terminal.stdinIsTerminal {
            throw ValidationError("-p needs a NOTEBOOK (or - for stdin) to put the parameters in")
        }
        _ = try parameters()
    }

    /// Runs the command and returns the exit status.
    func execute() -> Int32 {
        if notebooks.isEmpty {
            if Terminal.stdinIsTerminal { return REPL(color: useColor(forStdout: true)).run() }
            return runOne("-")
        }
        // Several notebooks: each in its own session; the worst outcome decides the status.
        let statuses = notebooks.map(runOne)
        for worst in [ExitStatus.usageOrFile, ExitStatus.checkMismatch, ExitStatus.cellFailed] where statuses.contains(worst) {
            return worst
        }
        return ExitStatus.ok
    }

    private func runOne(_ path: String) -> Int32 {
        do {
            var file = try NotebookFile.load(path)
            let parameters = try parameters()
            if !parameters.isEmpty {
                let (injected, note) = parameters.inject(into: file.notebook)
                file.notebook = injected
                if let note { Terminal.error("nb-run: \(file.displayName): \(note)") }
            }
            if check { return try CheckMode(file: file, keepGoing: keepGoing, timeout: timeout).check() }
            if update { return try CheckMode(file: file, keepGoing: keepGoing, timeout: timeout).update() }
            if student { return try writeStudentVersion(of: file) }
            return try convert(file)
        } catch let problem as FileProblem {
            Terminal.error("nb-run: \(problem)")
            return ExitStatus.usageOrFile
        } catch {
            Terminal.error("nb-run: \(path): \(error)")
            return ExitStatus.usageOrFile
        }
    }

    /// Runs a notebook and writes it in the chosen format; text to stdout streams cell by cell.
    private func convert(_ file: NotebookFile) throws -> Int32 {
        let streaming = to == .text && (output == nil || output == "-")
        let colored = to == .text && useColor(forStdout: streaming)
        var text = ""
        // Warnings go to standard error in every format (a notebook file also keeps them).
        let execution = NotebookExecution(keepGoing: keepGoing, color: colored, timeout: timeout,
                                          echo: to == .text ? { streaming ? Terminal.write($0) : text.append($0) } : nil,
                                          warn: { Terminal.error($0) })
        let (ran, failed) = execution.run(file.notebook, baseDirectory: file.directory)
        switch to {
        case .text: if !streaming { try writeOutput(Data(text.utf8), to: output) }
        case .ipynb: try writeOutput(IpynbFormat.serialize(ran.keepingMetadata(ofExisting: output)), to: output)
        case .markdown: try writeOutput(Data(MarkdownExport.render(ran).utf8), to: output)
        case .json: try writeOutput(JSONExport.render(ran, name: file.displayName), to: output)
        }
        return failed ? ExitStatus.cellFailed : ExitStatus.ok
    }

    private func useColor(forStdout: Bool) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto: return forStdout && Terminal.wantsColor
        }
    }

    /// Parses the arguments and runs; usage errors exit 2 (not ArgumentParser's 64).
    static func start() -> Never {
        let command: NbRunCommand
        do {
            command = try parse(ParameterArguments.rewrite(Array(CommandLine.arguments.dropFirst())))
        } catch let problem as ParameterArguments.Problem {
            Terminal.error("nb-run: Error: \(problem)\n  See 'nb-run --help' for more information.")
            Foundation.exit(ExitStatus.usageOrFile)
        } catch {
            if exitCode(for: error) == .success {
                Terminal.write(fullMessage(for: error) + "\n")   // --help, --version
                Foundation.exit(ExitStatus.ok)
            }
            Terminal.error("nb-run: " + fullMessage(for: error))
            Foundation.exit(ExitStatus.usageOrFile)
        }
        Foundation.exit(command.execute())
    }
}
