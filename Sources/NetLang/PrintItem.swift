import NetCore

/// One item of a `print` statement, as a value: NetRender decides how it reads
/// (`precision`, scientific form, columns), so that `print` and a shown tensor use one formatter.
///
///     print "loss:", L, W   // [.text("loss:"), .number(0.0240), .tensor(W)]
public enum PrintItem: Sendable, Equatable {
    /// A string literal, written as it is.
    case text(String)
    /// A 1×1 value, written as one number.
    case number(Double)
    /// A larger tensor, written on its own lines (as numpy prints an array).
    case tensor(Tensor)
}
