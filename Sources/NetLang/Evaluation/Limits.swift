import NetCore

/// The session's size limit (NetCore's, 50 million elements per tensor): work beyond it
/// is refused before it is attempted.
enum Limits {
    static func check(rows: Int, cols: Int, at location: SourceLocation) throws {
        do {
            try Tensor.checkSize(rows: rows, cols: cols)
        } catch let error as NetCoreError {
            throw LangError(error, at: location)
        }
    }
}
