import Foundation
import XCTest
import NetSupport
@testable import JupyterKernel

/// The kernel core with the test interpreter: message order, counting, errors,
/// interrupts and shutdown, as a front end sees them.
final class KernelTests: XCTestCase {
    var interpreter: TestInterpreter!
    var sink: RecordingSink!
    var kernel: Kernel!

    override func setUp() {
        interpreter = TestInterpreter()
        sink = RecordingSink()
        kernel = Kernel(interpreter: interpreter, sink: sink)
        kernel.log = { _ in }
        kernel.start()
    }

    func send(_ type: String, _ content: JSONObject = [:], on channel: Channel = .shell)
        -> [(type: String, channel: Channel, message: Message)] {
        let message = request(type, content)
        kernel.receive(message, on: channel)
        guard let sent = sink.waitForIdle(of: message.msgID) else {
            XCTFail("no idle for \(type)"); return []
        }
        return sent
    }

    func testStartingIsPublishedOnce() {
        _ = send("kernel_info_request")
        let starting = sink.messages.filter { ($0.0.content["execution_state"]?.string) == "starting" }
        XCTAssertEqual(starting.count, 1)
    }

    func testKernelInfoIsWrappedInBusyIdle() {
        let sent = send("kernel_info_request")
        XCTAssertEqual(sent.map(\.type), ["status", "kernel_info_reply", "status"])
        let content = sent[1].message.content
        XCTAssertEqual(content["protocol_version"]?.string, "5.3")
        XCTAssertEqual(content["language_info"]?["file_extension"]?.string, ".test")
        XCTAssertEqual(content["help_links"]?[0]?["url"]?.string, "https://example.org")
    }

    func testExecuteOrderAndRoles() {
        let sent = send("execute_request", ["code": "print hi\nshow table\nvalue 42"])
        XCTAssertEqual(sent.map(\.type), ["status", "execute_input", "stream", "display_data", "execute_result",
                                          "execute_reply", "status"])
        XCTAssertEqual(sent.map(\.channel), [.iopub, .iopub, .iopub, .iopub, .iopub, .shell, .iopub])
        XCTAssertEqual(sent[0].message.content["execution_state"]?.string, "busy")
        XCTAssertEqual(sent[4].message.content["execution_count"]?.int, 1)
        XCTAssertEqual(sent[5].message.content["status"]?.string, "ok")
    }

    func testExecutionCountCountsStoredExecutionsOnly() {
        func count(_ content: JSONObject) -> Int? {
            send("execute_request", content).first { $0.type == "execute_reply" }?.message.content["execution_count"]?.int
        }
        XCTAssertEqual(count(["code": "value 1"]), 1)
        _ = count(["code": "value 2", "silent": true])
        _ = count(["code": "value 3", "store_history": false])
        XCTAssertEqual(count(["code": "value 4"]), 2)
        let history = send("history_request", ["hist_access_type": "tail", "n": 10, "output": true])
            .first { $0.type == "history_reply" }?.message.content["history"]?.array
        XCTAssertEqual(history?.map { $0[2]?[0]?.string }, ["value 1", "value 4"])
        XCTAssertEqual(history?.map { $0[2]?[1]?.string }, ["1", "4"])
    }

    func testSilentPublishesNoInputAndNoResult() {
        let sent = send("execute_request", ["code": "print hi\nvalue 1", "silent": true])
        XCTAssertEqual(sent.map(\.type), ["status", "stream", "execute_reply", "status"])
    }

    func testErrorIsTheOnlyOutputAndTheReplyCarriesIt() {
        let sent = send("execute_request", ["code": "fail"])
        XCTAssertEqual(sent.map(\.type), ["status", "execute_input", "error", "execute_reply", "status"])
        let reply = sent[3].message.content
        XCTAssertEqual(reply["status"]?.string, "error")
        XCTAssertEqual(reply["ename"]?.string, "TestError")
        XCTAssertEqual(reply["traceback"], ["fail", "^^^^"])
    }

    func testANaNInABundleGoesOutAsNull() {
        let sent = send("execute_request", ["code": "nan"])
        guard let display = sent.first(where: { $0.type == "display_data" }) else { return XCTFail("no display") }
        let wire = WireFormat(signer: MessageSigner(key: "k"))
        let back = try? WireFormat(signer: MessageSigner(key: "k")).message(from: wire.frames(for: display.message))
        XCTAssertEqual(back?.content["data"]?["application/json"]?["x"], [.null, 1])
    }

    func testHelpGoesToThePager() {
        let reply = send("execute_request", ["code": "help topic"]).first { $0.type == "execute_reply" }?.message
        let payload = reply?.content["payload"]?.array
        XCTAssertEqual(payload?.count, 1)
        XCTAssertEqual(payload?.first?["source"]?.string, "page")
    }

    func testLiveDisplayIsUpdatedUnderOneID() {
        let sent = send("execute_request", ["code": "progress 3"])
        XCTAssertEqual(sent.filter { $0.type == "display_data" }.count, 1)
        let updates = sent.filter { $0.type == "update_display_data" }
        XCTAssertEqual(updates.count, 3)
        XCTAssertTrue(updates.allSatisfy { $0.message.content["transient"]?["display_id"] == "p" })
    }

    func testInterruptOnControlStopsARunningCellAndAbortsWhatWasQueued() {
        let running = request("execute_request", ["code": "spin"])
        kernel.receive(running, on: .shell)
        XCTAssertEqual(interpreter.spinning.wait(timeout: .now() + 5), .success)
        let queued = request("execute_request", ["code": "value queued"])
        kernel.receive(queued, on: .shell)
        // Control is answered while the cell still runs.
        let interrupt = send("interrupt_request", on: .control)
        XCTAssertEqual(interrupt.first { $0.type == "interrupt_reply" }?.channel, .control)
        let stopped = sink.waitForIdle(of: running.msgID)?.first { $0.type == "execute_reply" }?.message.content
        XCTAssertEqual(stopped?["ename"]?.string, "KeyboardInterrupt")
        let aborted = sink.waitForIdle(of: queued.msgID)?.first { $0.type == "execute_reply" }?.message.content
        XCTAssertEqual(aborted?["status"]?.string, "error")
        XCTAssertEqual(aborted?["ename"]?.string, "Aborted")
        // The session goes on: the next cell runs, and the interrupted one left no trace.
        XCTAssertEqual(send("execute_request", ["code": "value after"]).first { $0.type == "execute_reply" }?
            .message.content["status"]?.string, "ok")
        XCTAssertEqual(interpreter.completed, ["value after"])
    }

    func testInterruptRequestOnShellIsAnsweredAtOnce() {
        let running = request("execute_request", ["code": "spin"])
        kernel.receive(running, on: .shell)
        XCTAssertEqual(interpreter.spinning.wait(timeout: .now() + 5), .success)
        let sent = send("interrupt_request", on: .shell)
        XCTAssertEqual(sent.first { $0.type == "interrupt_reply" }?.channel, .shell)
        XCTAssertNotNil(sink.waitForIdle(of: running.msgID))
    }

    func testShutdownRepliesOnControlAndIOPubThenStops() {
        var restart: Bool?
        kernel.onShutdown = { restart = $0 }
        let sent = send("shutdown_request", ["restart": true], on: .control)
        XCTAssertEqual(sent.map(\.type), ["status", "shutdown_reply", "shutdown_reply", "status"])
        XCTAssertEqual(sent.map(\.channel), [.iopub, .control, .iopub, .iopub])
        XCTAssertEqual(restart, true)
    }

    func testCompleteInspectIsCompleteCommInfoAndUnknownTypes() {
        let code = "x = ü pr"
        let complete = send("complete_request", ["code": .string(code), "cursor_pos": .integer(code.unicodeScalars.count)])[1].message.content
        XCTAssertEqual(complete["matches"], ["print", "progress"])
        XCTAssertEqual(complete["cursor_start"]?.int, 6)
        XCTAssertEqual(complete["cursor_end"]?.int, 8)
        XCTAssertEqual(send("inspect_request", ["code": "x", "cursor_pos": 1])[1].message.content["found"]?.bool, false)
        let incomplete = send("is_complete_request", ["code": "f("])[1].message.content
        XCTAssertEqual(incomplete["status"]?.string, "incomplete")
        XCTAssertEqual(incomplete["indent"]?.string, "    ")
        XCTAssertEqual(send("comm_info_request")[1].message.content["comms"], [:])
        XCTAssertEqual(send("no_such_request").map(\.type), ["status", "status"])
    }
}
