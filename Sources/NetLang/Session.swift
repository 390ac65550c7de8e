import NetCore

// CONTRACT (scaffold by the lead; the NetLang owner fills in the bodies, keeping these signatures).

/// Where a statement's output goes: the value of a cell's last statement is its result
/// (Jupyter's execute_result); everything else is displayed along the way (display_data).
/// `.stream` and `.printed` outputs (`check`, `print`), `.warning` and `.clearOutput` always come with `.display`,
/// even after `;`; the kernel sends the first two as stream text (stdout, stderr).
public enum OutputRole: Sendable, Equatable {
    case display
    case result
    /// A live display that later emissions with the same id replace (train's progress, at
    /// most 10 a second). It is for watching, not keeping: what stays comes as `.display`.
    case liveDisplay(id: String)
    /// The live display with this id is over (its output is the last state shown): the
    /// kernel blanks it, nb-run clears its progress line. Emitted only after a `.liveDisplay`.
    case endLiveDisplay(id: String)
}

/// One persistent NetBook session: tensors, the network, loss, optimizer, history, settings.
///
///     let session = Session()
///     let error = session.run("tensor x = [0.1, 0.2]") { output, role in print(output) }
public final class Session {
    /// The session's state; statements work on a copy of it.
    var state = SessionState()

    /// How numbers and plots are shown; `precision N` and `style …` change it.
    public var settings: RenderSettings {
        get { state.settings }
        set { state.settings = newValue }
    }
    /// Set from another thread to stop the running cell within ~100 ms: every loop over
    /// user-sized data checks it (Interruption.swift), and the interrupted statement
    /// leaves the session as it was before it (a `train` keeps its completed steps).
    public let interrupt = InterruptFlag()

    /// The notebook's directory: `load`, `save` and `restore` look for relative paths
    /// there first (nb-run sets it; see FilePaths.swift).
    public var baseDirectory: String? {
        get { state.baseDirectory }
        set { state.baseDirectory = newValue }
    }

    public init() {}

    /// Runs one cell. Statements run in order; the first error stops the cell and the
    /// session stays as it was before that statement. Returns that error, or nil.
    /// `emit` is called on the calling thread as each output is produced.
    @discardableResult
    public func run(_ source: String, emit: (Output, OutputRole) -> Void) -> NetError? {
        interrupt.clear()
        let statements: [ParsedStatement]
        do {
            var parser = try Parser(source: source)
            statements = try parser.parseCell()
        } catch let error as LangError {
            return error.netError(in: source)
        } catch {
            return NetError(kind: "SyntaxError", message: "\(error)", line: 1, column: 1, sourceLine: "")
        }
        // Bound for the whole cell, rendering in `emit` included: its loops check it too.
        return Interruption.watching(interrupt) {
            withoutActuallyEscaping(emit) { emit in runStatements(statements, source: source, emit: emit) }
        }
    }

    /// Runs parsed statements in order, each on a draft of the state that is kept only if
    /// the statement succeeds (internal so tests can run statements that fail half-way).
    func runStatements(_ statements: [ParsedStatement], source: String,
                               emit: @escaping (Output, OutputRole) -> Void) -> NetError? {
        for (i, parsed) in statements.enumerated() {
            let isLast = i == statements.count - 1
            // An interrupt that came while the previous statement's output was shown
            // stops the cell here, before this statement changes anything.
            if interrupt.isRaised { return Self.interrupted(at: parsed.location).netError(in: source) }
            // `;` silences a statement entirely, live displays (train's progress) included.
            var context = ExecutionContext(state: state, source: source, interrupt: interrupt,
                                           emit: parsed.suppressed ? { _, _ in } : emit)
            let committed = state
            context.memory = MemoryBudget(limit: state.memoryLimit, used: { SessionFootprint(committed).total })
            let outputs: [Output]
            do {
                outputs = try parsed.statement.execute(in: &context)
            } catch let stop as TrainingInterrupted {
                // An interrupted train keeps what it finished (TrainStatement.swift), then stops the cell.
                state = stop.state
                // Shown although the interrupt is raised: the steps it finished are kept.
                Interruption.finishing {
                    for output in stop.outputs where !parsed.suppressed || output.isStreamLike { emit(output, .display) }
                }
                return stop.error.netError(in: source)
            } catch is Interrupted {
                return Self.interrupted(at: parsed.location).netError(in: source)
            } catch let error as LangError where error.kind == .interrupt {
                // Stopped inside an expression: the caret shows the operation it stopped in.
                return Self.interrupted(at: error.location).netError(in: source)
            } catch let error as LangError {
                return error.netError(in: source)
            } catch let error as NetCoreError {
                return LangError(LangError.Kind(rawValue: error.kind) ?? .value, error.message,
                                 at: parsed.location).netError(in: source)
            } catch {
                return LangError(.value, "\(error)", at: parsed.location).netError(in: source)
            }
            // Commit only after the statement finished: a failure above left `state` untouched.
            state = context.state
            if let warning = memoryWarning() { emit(warning, .display) }
            // `;` hides what a statement shows, not what it prints: `print x;` still writes
            // (as `println(x);` does in Julia and `disp(x);` in MATLAB).
            if parsed.suppressed {
                for output in outputs where output.isStreamLike { emit(output, .display) }
                continue
            }
            // The cell's result is the last statement's last output that is shown (not a
            // print, a warning or a clear that came after it).
            let resultIndex = isLast ? outputs.lastIndex { !$0.isStreamLike } : nil
            for (j, output) in outputs.enumerated() {
                emit(output, j == resultIndex ? .result : .display)
            }
            // Showing a large output can take a while: an interrupt then ends the cell here.
            if interrupt.isRaised {
                return LangError(.interrupt, "interrupted while showing this statement's output; the statement itself had finished and is kept",
                                 at: parsed.location).netError(in: source)
            }
        }
        return nil
    }

    /// Whether the session was told it is near its memory budget (and has not fallen well
    /// below it since): the warning comes once per approach, not after every statement.
    private var warnedNearMemoryBudget = false

    /// A warning when the session has just come within 10% of its memory budget.
    private func memoryWarning() -> Output? {
        let limit = state.memoryLimit
        guard limit > 0 else { return nil }
        let used = SessionFootprint(state).total
        let share = Double(used) / Double(limit)
        if share < Warnings.rearmMemoryShare { warnedNearMemoryBudget = false }
        guard share >= Warnings.nearMemoryShare, !warnedNearMemoryBudget else { return nil }
        warnedNearMemoryBudget = true
        return Warnings.nearMemoryBudget(used: used, limit: limit)
    }

    /// The error of a statement stopped by an interrupt: its draft state was dropped.
    static func interrupted(at location: SourceLocation) -> LangError {
        LangError(.interrupt, "interrupted; the session is as it was before this statement", at: location)
    }

    /// Completion candidates at a cursor (an offset in Unicode scalars).
    public func complete(_ code: String, cursor: Int) -> Completion {
        CompletionEngine(state: state).complete(code, cursor: cursor)
    }

    /// What to show for the word under the cursor (Shift-Tab): a tensor's shape,
    /// statistics and values, or a keyword's help. Nil when there is nothing there.
    public func inspect(_ code: String, cursor: Int) -> Output? {
        Inspector(state: state).inspect(code, cursor: cursor)
    }

    /// Whether a cell is finished (an open bracket or trailing comma is not).
    public func isComplete(_ code: String) -> Completeness { CompletenessCheck.check(code) }
}

/// Completion candidates and the span of text they replace.
///
///     session.complete("layer h = dense(2 -> 2, sig", cursor: 27)
///     // Completion(start: 24, end: 27, matches: ["sigmoid"])
public struct Completion: Sendable, Equatable {
    /// Offsets in Unicode scalars of the text the matches replace.
    public var start: Int
    public var end: Int
    public var matches: [String]
    public init(start: Int, end: Int, matches: [String]) { self.start = start; self.end = end; self.matches = matches }
}

/// Whether a cell can run as it is (Jupyter's is_complete).
///
///     session.isComplete("tensor x = [1,")   // .incomplete(indent: "  ")
///     session.isComplete("tensor x = 1)")    // .invalid
public enum Completeness: Sendable, Equatable {
    case complete
    case incomplete(indent: String)
    case invalid
}

