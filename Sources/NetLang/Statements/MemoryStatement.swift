import NetCore

/// `memory 4GB` sets the session's memory budget; `show memory` shows what the session
/// holds against it (MemoryBudget in NetCore says why the default is what it is).
struct MemoryStatement: Statement {
    var amount: Double
    var unit: Token?
    var location: SourceLocation

    static let parsers: [String: StatementParser] = [
        "memory": { parser, keyword in
            let number = parser.advance()
            guard case .number(let value) = number.kind else {
                throw LangError(.syntax, "expected an amount of memory, found \(number.describe)", at: number.location,
                                hint: "memory 4GB (units: \(MemoryBudget.units.joined(separator: ", "))); show memory shows the budget")
            }
            var unit: Token? = nil
            var location = keyword.location.through(number.location)
            if parser.current.identifier != nil {
                unit = parser.advance()
                location = location.through(unit!.location)
            }
            return MemoryStatement(amount: value, unit: unit, location: location)
        },
    ]

    func execute(in context: inout ExecutionContext) throws -> [Output] {
        guard let bytes = MemoryBudget.bytes(amount, unit: unit?.identifier) else {
            if let unit, MemoryBudget.bytes(1, unit: unit.identifier) == nil {
                throw LangError(.value, "unknown unit '\(unit.identifier ?? "")'", at: unit.location,
                                hint: "units: \(MemoryBudget.units.joined(separator: ", "))")
            }
            throw LangError(.value, "the memory budget must be a size from 0 up, like 4GB", at: location)
        }
        if let machine = MemoryBudget.physicalMemory(), bytes > machine {
            throw LangError(.value, "\(MemoryBudget.describe(bytes: bytes)) is more than this machine's \(MemoryBudget.describe(bytes: machine))",
                            at: location, hint: "a budget the machine cannot hold would let a large tensor end the process")
        }
        context.state.memoryLimit = bytes
        let used = SessionFootprint(context.state).total
        var text = "memory budget \(MemoryBudget.describe(bytes: bytes)): \(MemoryBudget.describe(bytes: used)) in use"
        text += used > bytes ? ", more than the budget: nothing larger can be made until some is freed (reset)"
                             : ", \(MemoryBudget.describe(bytes: bytes - used)) left"
        return [.note(Note(text: text))]
    }

    /// The table of `show memory`.
    static func view(_ state: SessionState) -> Output {
        let f = SessionFootprint(state)
        func row(_ what: String, _ bytes: Int) -> [Cell] { [.text(what), .text(MemoryBudget.describe(bytes: bytes))] }
        let rows = [row("tensors and their graphs", f.tensors), row("layer parameters", f.parameters),
                    row("last forward/backward pass", f.passes), row("optimizer state", f.optimizer),
                    row("gradients (grad)", f.gradients), row("data sets", f.datasets), row("loss history", f.history),
                    row("total", f.total)]
        let left = max(0, state.memoryLimit - f.total)
        return .table(Table(title: "memory", columns: ["held by", "size"], rows: rows,
                            footer: ["budget \(MemoryBudget.describe(bytes: state.memoryLimit)), \(MemoryBudget.describe(bytes: left)) left (set it with memory 4GB)"]))
    }
}
