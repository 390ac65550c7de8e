/// A problem with a data file or a data-set request, said the way a person fixes it.
///
///     DataError("row 12, column 5 (line 13 of digits.csv): 'abc' is not a number")
///
/// NetCore knows nothing of cells and source lines; the language layer adds the
/// location of the `load` or `dataset` statement around this message.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// True when the problem is the label column asked for (so a caller can point at it).
    public var concernsLabel: Bool
    public init(_ message: String, concernsLabel: Bool = false) {
        self.message = message
        self.concernsLabel = concernsLabel
    }
    public var description: String { message }
}
