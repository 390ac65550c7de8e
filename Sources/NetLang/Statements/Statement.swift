import NetCore

/// One parsed statement, ready to run against a draft of the session.
///
/// `execute` works on `context.state`, a copy of the session's state; `Session` keeps the
/// copy only when `execute` returns, so a failing statement changes nothing.
/// Long statements (train) may call `context.emit` for live output as they go.
protocol Statement {
    func execute(in context: inout ExecutionContext) throws -> [Output]
}

/// What a running statement can reach: the draft state, the cell's source (for messages
/// that quote an expression), the interrupt flag and a way to emit live output.
struct ExecutionContext {
    /// The statement's draft of the session state. Every Evaluator made from this context
    /// works on this one draft, not on a copy of it: `rand` in any argument (an optimizer's
    /// `lr`, a dataset's `n:`) advances the one generator, and nothing is copied back.
    var state: SessionState {
        get { draft.state }
        nonmutating set { draft.state = newValue }
        nonmutating _modify { yield &draft.state }
    }
    /// Shared by reference with the evaluators of this statement (see `state`).
    let draft: DraftState
    let source: String
    let interrupt: InterruptFlag
    let emit: (Output, OutputRole) -> Void
    /// This statement's memory budget: what the session held when it started plus what
    /// the statement reserved since (Evaluation/Limits.swift).
    var memory: MemoryBudget = .unlimited

    init(state: SessionState, source: String, interrupt: InterruptFlag, emit: @escaping (Output, OutputRole) -> Void) {
        draft = DraftState(state)
        self.source = source
        self.interrupt = interrupt
        self.emit = emit
    }

    /// The source text an expression was written as ("x @ W").
    func text(of location: SourceLocation) -> String { location.text(in: source) }
}

/// The one owner of a running statement's state: the session makes one per statement
/// from its committed state and keeps it only if the statement succeeds (Session.swift).
final class DraftState {
    var state: SessionState
    init(_ state: SessionState) { self.state = state }
}

/// Reads a statement after its keyword (the keyword token is passed for locations).
typealias StatementParser = (inout Parser, Token) throws -> Statement

/// The statement keywords and their parsers. A new family of statements (train,
/// dataset, load, save…) is one file with its parsers plus one line here.
enum StatementTable {
    static let parsers: [String: StatementParser] = {
        var table: [String: StatementParser] = [:]
        for family in [TensorStatements.parsers, NetworkStatements.parsers, InspectionStatements.parsers,
                       SettingsStatements.parsers, MemoryStatement.parsers, DataStatements.parsers, PersistenceStatements.parsers,
                       CheckStatement.parsers, ClearOutputStatement.parsers,
                       ["train": TrainStatement.parse]] {
            table.merge(family) { first, _ in first }
        }
        return table
    }()

    static var keywords: [String] { parsers.keys.sorted() }
}

/// A bare expression as a statement: its value is shown.
struct ExpressionStatement: Statement {
    var expr: Expr
    func execute(in context: inout ExecutionContext) throws -> [Output] {
        var evaluator = Evaluator(context: context)
        let value = try evaluator.evaluate(expr)
        return [.tensor(TensorView(name: expr.simpleName ?? context.text(of: expr.location), value: value.value))]
    }
}
