import NetSupport

/// A language served by the kernel: the one protocol between the Jupyter messaging core
/// and any interpreter (as xeus's `xinterpreter`). The kernel calls these methods on one
/// worker thread, one request at a time; only `interrupt()` comes from another thread.
///
///     final class Echo: Interpreter {
///         let kernelInfo = KernelInfo(implementation: "echo", implementationVersion: "1",
///             language: LanguageInfo(name: "echo", version: "1", mimetype: "text/plain",
///                                    fileExtension: ".txt"), banner: "Echo")
///         func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecuteOutcome {
///             context.publishResult(["text/plain": request.code]); return .ok
///         }
///     }
///     try ZMQKernelServer(connection: info, interpreter: Echo()).run()
public protocol Interpreter: AnyObject {
    /// What kernel_info_reply says about the implementation and the language.
    var kernelInfo: KernelInfo { get }

    /// Runs one cell. Outputs go through `context` as they are produced; the result or
    /// error is returned. An error must not also be published: the kernel publishes it.
    func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecuteOutcome

    /// Completion candidates at `cursor` (an offset in Unicode code points).
    func complete(_ code: String, cursor: Int) -> CompletionResult

    /// What to show for the name under the cursor, or nil when nothing is found.
    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeData?

    /// Whether the code is ready to run (an open bracket is not).
    func isComplete(_ code: String) -> CompletenessResult

    /// Evaluates one of execute_request's `user_expressions`: a MIME bundle or an error.
    func evaluate(expression: String) -> Result<MimeData, ExecutionError>

    /// Asks running work to stop at its next safe point. Called from another thread.
    func interrupt()
}

extension Interpreter {
    public func complete(_ code: String, cursor: Int) -> CompletionResult {
        CompletionResult(matches: [], cursorStart: cursor, cursorEnd: cursor)
    }
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeData? { nil }
    public func isComplete(_ code: String) -> CompletenessResult { .unknown }
    public func evaluate(expression: String) -> Result<MimeData, ExecutionError> {
        .failure(ExecutionError(ename: "NotImplementedError", evalue: "user expressions are not supported", traceback: []))
    }
    public func interrupt() {}
}

/// A MIME-type keyed bundle ("text/plain" → text, "application/json" → a JSON value).
public typealias MimeData = JSONObject

/// One execute_request, as the interpreter needs it.
public struct ExecuteRequest {
    public var code: String
    public var silent: Bool
    public var storeHistory: Bool
    /// The count this cell shows as `In [n]`.
    public var executionCount: Int
    public init(code: String, silent: Bool = false, storeHistory: Bool = true, executionCount: Int = 1) {
        self.code = code; self.silent = silent; self.storeHistory = storeHistory; self.executionCount = executionCount
    }
}

/// How a cell ended.
public enum ExecuteOutcome {
    case ok
    case error(ExecutionError)
}

/// An error as Jupyter shows it: name, value and traceback lines.
public struct ExecutionError: Error {
    public var ename: String
    public var evalue: String
    public var traceback: [String]
    public init(ename: String, evalue: String, traceback: [String]) {
        self.ename = ename; self.evalue = evalue; self.traceback = traceback
    }
    var content: JSONObject { ["ename": .string(ename), "evalue": .string(evalue), "traceback": JSONValue(traceback)] }
}

/// complete_reply's matches and the span (code-point offsets) they replace.
public struct CompletionResult {
    public var matches: [String]
    public var cursorStart: Int
    public var cursorEnd: Int
    public init(matches: [String], cursorStart: Int, cursorEnd: Int) {
        self.matches = matches; self.cursorStart = cursorStart; self.cursorEnd = cursorEnd
    }
}

/// is_complete_reply's status; `incomplete` carries the indent of the next line.
public enum CompletenessResult: Equatable {
    case complete
    case incomplete(indent: String)
    case invalid
    case unknown
}

/// kernel_info_reply's description of the kernel.
public struct KernelInfo {
    public var implementation: String
    public var implementationVersion: String
    public var language: LanguageInfo
    public var banner: String
    public var helpLinks: [(text: String, url: String)]
    public init(implementation: String, implementationVersion: String, language: LanguageInfo,
                banner: String, helpLinks: [(text: String, url: String)] = []) {
        self.implementation = implementation; self.implementationVersion = implementationVersion
        self.language = language; self.banner = banner; self.helpLinks = helpLinks
    }
}

/// kernel_info_reply's `language_info`.
public struct LanguageInfo {
    public var name: String
    public var version: String
    public var mimetype: String
    public var fileExtension: String
    public var pygmentsLexer: String?
    public var codemirrorMode: String?
    public init(name: String, version: String, mimetype: String, fileExtension: String,
                pygmentsLexer: String? = nil, codemirrorMode: String? = nil) {
        self.name = name; self.version = version; self.mimetype = mimetype
        self.fileExtension = fileExtension; self.pygmentsLexer = pygmentsLexer; self.codemirrorMode = codemirrorMode
    }
    var dictionary: JSONObject {
        var d: JSONObject = ["name": .string(name), "version": .string(version), "mimetype": .string(mimetype),
                             "file_extension": .string(fileExtension)]
        if let pygmentsLexer { d["pygments_lexer"] = .string(pygmentsLexer) }
        if let codemirrorMode { d["codemirror_mode"] = .string(codemirrorMode) }
        return d
    }
}
