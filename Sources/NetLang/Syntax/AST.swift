/// An expression as written, with where it was written.
///
///     (a @ b)[2, :]   →  .index(.binary("@", a, b), [.at(2), .all])
indirect enum ExprKind {
    case number(Double)
    case string(String)
    case name(String)
    /// `[1, 2]` (a row) or `[[1, 2], [3, 4]]` (rows); elements are expressions.
    case list([Expr])
    case unary(String, Expr)
    case binary(String, Expr, Expr)
    /// `a.T`
    case transpose(Expr)
    /// `hidden.W`, `xor.x`
    case member(Expr, String, SourceLocation)
    /// `a[i, j]`, `a[i, :]`, `a[i:k, j]`; one or two subscripts.
    case index(Expr, [Subscript])
    /// `f(a, b, name: c)`
    case call(String, [Argument])
}

/// One subscript of an index: 1-based position, `:`, or the inclusive range `i:k`.
enum Subscript {
    case at(Expr)
    case all
    case range(Expr, Expr)
}

/// A call argument, positional (`label` nil) or named (`lr: 0.1`).
struct Argument {
    var label: String?
    var labelLocation: SourceLocation?
    var value: Expr
}

/// An expression node: what it is, where it is, and how deep its tree goes
/// (kept small so evaluation never exhausts the stack).
struct Expr {
    var kind: ExprKind
    var location: SourceLocation
    var depth: Int

    init(_ kind: ExprKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        switch kind {
        case .number, .string, .name: depth = 1
        case .list(let items): depth = 1 + (items.map(\.depth).max() ?? 0)
        case .unary(_, let e), .transpose(let e), .member(let e, _, _): depth = 1 + e.depth
        case .binary(_, let a, let b): depth = 1 + max(a.depth, b.depth)
        case .index(let e, let subs):
            let inner = subs.map { s -> Int in
                switch s {
                case .at(let i): return i.depth
                case .all: return 0
                case .range(let a, let b): return max(a.depth, b.depth)
                }
            }
            depth = 1 + max(e.depth, inner.max() ?? 0)
        case .call(_, let args): depth = 1 + (args.map(\.value.depth).max() ?? 0)
        }
    }

    /// The bare name, if this expression is one.
    var simpleName: String? {
        if case .name(let n) = kind { return n }
        return nil
    }

    /// `layer.member` when this is a member of a bare name.
    var dottedName: (base: String, member: String)? {
        if case .member(let base, let member, _) = kind, let b = base.simpleName { return (b, member) }
        return nil
    }
}
