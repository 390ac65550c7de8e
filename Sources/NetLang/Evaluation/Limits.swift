import NetCore

/// The session's limits, checked before work is attempted: NetCore's size limit per
/// tensor (50 million elements) and the session's memory budget (`MemoryBudget`, set
/// with `memory 4GB`, shown by `show memory`).
enum Limits {
    static func check(rows: Int, cols: Int, at location: SourceLocation) throws {
        do {
            try Tensor.checkSize(rows: rows, cols: cols)
        } catch let error as NetCoreError {
            throw LangError(error, at: location)
        }
    }

    /// What an error about the budget suggests.
    static let memoryHint = "`show memory` shows what the session holds; free some with `reset` or by replacing large tensors, or raise the budget with `memory 4GB`"

    /// Reserves `elements` numbers in the budget, or throws a LimitError at `location`
    /// saying how much `what` needs and how much is left.
    static func reserve(elements: Int, for what: String, in memory: MemoryBudget, at location: SourceLocation) throws {
        do {
            try memory.reserve(elements: elements, for: what)
        } catch let error as NetCoreError {
            throw LangError(error, at: location, hint: memoryHint)
        }
    }

    static func reserve(rows: Int, cols: Int, for what: String, in memory: MemoryBudget, at location: SourceLocation) throws {
        let (n, overflow) = max(0, rows).multipliedReportingOverflow(by: max(0, cols))
        try reserve(elements: overflow ? Int.max : n, for: what, in: memory, at: location)
    }

    static func reserve(bytes: Int, for what: String, in memory: MemoryBudget, at location: SourceLocation) throws {
        do {
            try memory.reserve(bytes: bytes, for: what)
        } catch let error as NetCoreError {
            throw LangError(error, at: location, hint: memoryHint)
        }
    }
}
