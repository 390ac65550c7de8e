/// One operation of the language as people see it: its name, what it takes, and its help.
///
/// The tables in this folder are the single source for every activation, loss, optimizer,
/// initializer and built-in function: the parser accepts their names, completion offers
/// them, `help` prints their text and error messages list and suggest them. Adding an
/// operation is one entry (an activation also carries its forward and derivative, see
/// ActivationTable.swift), not an edit in each of those places.
///
///     OperationTable.names(of: .optimizer)   // ["sgd", "momentum", "adam"]
///     OperationTable.entry("adam", .optimizer)?.arguments.map(\.name)   // lr, beta1, beta2, eps
public struct OperationInfo: Sendable {
    public enum Kind: Sendable, Equatable {
        case activation, loss, optimizer, initializer
        /// A callable built-in; the group says how a call is evaluated.
        case function(FunctionGroup)
    }

    /// How the language evaluates a call of a built-in function.
    public enum FunctionGroup: Sendable, Equatable {
        /// exp(x): one value per value, differentiable.
        case elementwise
        /// sum(a), sum(a, rows), sum(a, cols).
        case reduction
        /// zeros(r, c): a new constant tensor.
        case constructor
        /// argmax, accuracy, grad, reshape, find: each its own rule.
        case other
    }

    /// A named option with its default (`lr: 0.1`); nil when the argument is required.
    public struct Argument: Sendable, Equatable {
        public let name: String
        public let defaultValue: Double?
        public init(_ name: String, default defaultValue: Double? = nil) {
            self.name = name; self.defaultValue = defaultValue
        }
    }

    public let name: String
    public let kind: Kind
    public let arguments: [Argument]
    /// One line, for listings (`help activations`) and completion.
    public let summary: String
    /// The full help text with examples.
    public let help: String

    public init(_ name: String, _ kind: Kind, arguments: [Argument] = [], summary: String, help: String) {
        self.name = name; self.kind = kind; self.arguments = arguments; self.summary = summary; self.help = help
    }

    /// The default of argument `name`, if the operation has it.
    public func defaultValue(of name: String) -> Double? {
        arguments.first { $0.name == name }?.defaultValue
    }
}

/// Every operation, in the order `help` lists them.
public enum OperationTable {
    public static let all: [OperationInfo] =
        Activation.allCases.map(\.info) + LossTable.entries + FunctionEntries.entries
        + OptimizerTable.entries + InitializerTable.entries

    /// The entries of one kind, in table order.
    public static func entries(of kind: OperationInfo.Kind) -> [OperationInfo] {
        all.filter { $0.kind == kind }
    }

    public static func names(of kind: OperationInfo.Kind) -> [String] {
        entries(of: kind).map(\.name)
    }

    public static func entry(_ name: String, _ kind: OperationInfo.Kind) -> OperationInfo? {
        all.first { $0.name == name && $0.kind == kind }
    }

    /// What `NAME(…)` in an expression calls: an activation, loss or function (not the
    /// initializer `zeros`, which is only a word after `init:`).
    public static func callable(_ name: String) -> OperationInfo? {
        all.first { entry in
            guard entry.name == name else { return false }
            switch entry.kind {
            case .activation, .loss, .function: return true
            case .optimizer, .initializer: return false
            }
        }
    }

    /// Every name an expression can call, grouped as the evaluator dispatches them:
    /// elementwise (activations first), reductions, constructors, losses, the rest.
    public static var functionNames: [String] {
        Activation.allCases.map(\.name) + names(of: .function(.elementwise)) + names(of: .function(.reduction))
            + names(of: .function(.constructor)) + names(of: .loss) + names(of: .function(.other))
    }
}
