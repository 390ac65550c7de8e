/// The session's size limit: work beyond it is refused before it is attempted.
enum Limits {
    /// Elements per tensor (DSL.md: 50 million by default).
    static let maxElements = 50_000_000

    static func check(rows: Int, cols: Int, at location: SourceLocation) throws {
        guard rows >= 0, cols >= 0 else {
            throw LangError(.value, "a size cannot be negative (\(rows)×\(cols))", at: location)
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
        guard !overflow, count <= maxElements else {
            throw LangError(.limit, "a \(rows)×\(cols) tensor is larger than the session's limit of 50 million elements",
                            at: location)
        }
    }
}
