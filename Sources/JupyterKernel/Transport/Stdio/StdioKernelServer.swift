import NetSupport
import FoundationEssentials
import Glibc

/// Serves a `Kernel` over standard input and output: one JSON message per line, unsigned,
/// each with a `"channel"` field ("shell", "control", "stdin" in; "shell", "control",
/// "iopub" out) beside header, parent_header, metadata and content.
///
///     {"channel":"shell","header":{"msg_id":"1","msg_type":"kernel_info_request"},"content":{}}
///
/// The same kernel core as ZeroMQ: control lines (interrupt, shutdown) are handled while
/// a cell runs. End of input runs what is queued, then returns.
public final class StdioKernelServer: MessageSink, @unchecked Sendable {
    public private(set) var kernel: Kernel!
    /// A file descriptor (standard output unless a test gives another).
    private let output: Int32
    private let outputLock = Lock()
    private var stopping = false

    public init(interpreter: Interpreter, output: Int32 = STDOUT_FILENO) {
        self.output = output
        kernel = Kernel(interpreter: interpreter, sink: self)
        kernel.onShutdown = { [unowned self] _ in stopping = true }
    }

    public func send(_ message: Message, on channel: Channel) {
        var object = message.jsonObject
        object["channel"] = .string(channel.rawValue)
        let line = Data(JSONWriter.bytes(.object(object)) + [UInt8(ascii: "\n")])
        outputLock.withLock { writeAll(line, to: output) }
    }

    /// Reads lines until end of input or shutdown_request.
    public func run(input: UnsafeMutablePointer<FILE> = Glibc.stdin) {
        kernel.start()
        while !stopping, let line = Self.readLine(from: input) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            do {
                let (message, channel) = try Self.parse(line)
                kernel.receive(message, on: channel)
            } catch {
                kernel.log("refused a line: \(error)")
            }
        }
        if !stopping { kernel.finishQueuedRequests() }
    }

    private static func readLine(from file: UnsafeMutablePointer<FILE>) -> String? {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let n = getline(&buffer, &capacity, file)
        guard n >= 0, let buffer else { return nil }
        var line = String(cString: buffer)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    enum LineError: Error, CustomStringConvertible {
        case notJSON, unknownChannel(String)
        case wire(WireFormat.Failure)
        var description: String {
            switch self {
            case .notJSON: return "not a JSON object"
            case .unknownChannel(let c): return "unknown channel '\(c)'"
            case .wire(let f): return f.description
            }
        }
    }

    static func parse(_ line: String) throws -> (Message, Channel) {
        guard let object = WireFormat.object(Data(line.utf8)) else { throw LineError.notJSON }
        let name = object["channel"]?.string ?? "shell"
        guard let channel = Channel(rawValue: name), channel != .iopub else { throw LineError.unknownChannel(name) }
        guard let header = object["header"]?.object else { throw LineError.wire(.badJSON("header")) }
        do { try WireFormat.checkHeader(header) } catch let f as WireFormat.Failure { throw LineError.wire(f) }
        let message = Message(header: header, parentHeader: object["parent_header"]?.object ?? [:],
                              metadata: object["metadata"]?.object ?? [:],
                              content: object["content"]?.object ?? [:])
        return (message, channel)
    }
}
