import Foundation
import NetSupport
@testable import JupyterKernel

/// A tiny language for testing the kernel core: `print TEXT` streams, `show TEXT` displays,
/// `value TEXT` is the result, `fail` errors, `help` pages, `progress N` shows a live
/// display updated N times, `spin` runs until interrupted (checking at each safe point).
final class TestInterpreter: Interpreter {
    let kernelInfo = KernelInfo(implementation: "test", implementationVersion: "0.1",
                                language: LanguageInfo(name: "testlang", version: "1", mimetype: "text/x-test",
                                                       fileExtension: ".test"),
                                banner: "test", helpLinks: [("docs", "https://example.org")])
    private let flag = NSLock()
    private var interrupted = false
    /// Cells that ran to the end (the "state" an interrupt must leave consistent).
    private(set) var completed: [String] = []
    let spinning = DispatchSemaphore(value: 0)

    func execute(_ request: ExecuteRequest, context: ExecutionContext) -> ExecuteOutcome {
        flag.withLock { interrupted = false }
        for line in request.code.split(separator: "\n").map(String.init) {
            let (word, rest) = (line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? "",
                                line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? "")
            switch word {
            case "print": context.stream(rest + "\n")
            case "show": context.display(["text/plain": .string(rest)])
            case "value": context.publishResult(["text/plain": .string(rest)])
            case "nan": context.display(["text/plain": "nan", "application/json": ["x": [.number(.nan), 1.0]]])
            case "help": context.page(["text/plain": .string("help for \(rest)")])
            case "progress":
                for i in 0...(Int(rest) ?? 1) {
                    let data: MimeData = ["text/plain": .string("step \(i)")]
                    if i == 0 { context.display(data, displayID: "p") } else { context.updateDisplay(data, displayID: "p") }
                }
            case "spin":
                spinning.signal()
                while !flag.withLock({ interrupted }) { usleep(1000) }
                return .error(ExecutionError(ename: "KeyboardInterrupt", evalue: "interrupted", traceback: ["interrupted"]))
            case "fail":
                return .error(ExecutionError(ename: "TestError", evalue: "failed on purpose",
                                             traceback: ["fail", "^^^^"]))
            default: break
            }
        }
        completed.append(request.code)
        return .ok
    }

    func complete(_ code: String, cursor: Int) -> CompletionResult {
        let prefix = String(String.UnicodeScalarView(code.unicodeScalars.prefix(cursor)))
        let word = prefix.split(separator: " ").last.map(String.init) ?? ""
        return CompletionResult(matches: ["print", "progress"].filter { $0.hasPrefix(word) && !word.isEmpty },
                                cursorStart: cursor - word.unicodeScalars.count, cursorEnd: cursor)
    }

    func isComplete(_ code: String) -> CompletenessResult {
        code.hasSuffix("(") ? .incomplete(indent: "    ") : .complete
    }

    func interrupt() { flag.withLock { interrupted = true } }
}

/// Records what the kernel sends, and lets a test wait for a message.
final class RecordingSink: MessageSink, @unchecked Sendable {
    private let condition = NSCondition()
    private var sent: [(Message, Channel)] = []

    func send(_ message: Message, on channel: Channel) {
        condition.withLock { sent.append((message, channel)); condition.broadcast() }
    }

    var messages: [(Message, Channel)] { condition.withLock { sent } }

    /// Everything sent for the request `parentID`, once its status idle went out.
    func waitForIdle(of parentID: String, timeout: TimeInterval = 5) -> [(type: String, channel: Channel, message: Message)]? {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while true {
                let mine = sent.filter { ($0.0.parentHeader["msg_id"]?.string) == parentID }
                if mine.contains(where: { $0.0.msgType == "status" && ($0.0.content["execution_state"]?.string) == "idle" }) {
                    return mine.map { (type: $0.0.msgType, channel: $0.1, message: $0.0) }
                }
                if !condition.wait(until: deadline) { return nil }
            }
        }
    }
}

func request(_ type: String, _ content: JSONObject = [:], id: String = UUID().uuidString) -> Message {
    Message(header: ["msg_id": .string(id), "msg_type": .string(type), "session": "client", "username": "test",
                     "date": "2026-01-01T00:00:00Z", "version": "5.3"], content: content)
}
