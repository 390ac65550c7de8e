/// What every NetCore error offers the language: a kind (Jupyter's `ename`) and a message
/// that names the operation and the shapes involved. NetCore knows no source locations;
/// NetLang adds line and column.
///
///     do { _ = try a + b } catch let e as NetCoreError { print(e.kind, e.message) }
///     // ShapeError shape mismatch in a + b: 2×3 + 3×2
public protocol NetCoreError: Error, CustomStringConvertible, Sendable {
    /// "ShapeError", "ValueError" or "LimitError".
    var kind: String { get }
    var message: String { get }
}

extension NetCoreError {
    public var description: String { "\(kind): \(message)" }
}

/// Two shapes that do not fit together, e.g. `shape mismatch in x @ W: 1×3 @ 2×2`.
public struct ShapeError: NetCoreError, Equatable {
    public var message: String
    public var kind: String { "ShapeError" }
    public init(_ message: String) { self.message = message }
}

/// An argument with a bad value (negative size, class index out of range, unknown name).
public struct ValueError: NetCoreError, Equatable {
    public var message: String
    public var kind: String { "ValueError" }
    public init(_ message: String) { self.message = message }
}

/// Work beyond the session's size limit, refused before it is attempted.
public struct LimitError: NetCoreError, Equatable {
    public var message: String
    public var kind: String { "LimitError" }
    public init(_ message: String) { self.message = message }
}
