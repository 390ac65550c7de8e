import NetSupport

/// What a running cell may publish: streams, displays, the result, pager payloads.
/// Every message it sends has the execute_request as parent, as front ends require.
///
///     context.stream("hello\n")
///     context.display(["text/plain": "50%"], displayID: "progress")
///     context.updateDisplay(["text/plain": "100%"], displayID: "progress")
///     context.publishResult(["text/plain": "42"])
public final class ExecutionContext {
    /// The count the cell shows as `In [n]` / `Out[n]`.
    public let executionCount: Int
    /// A silent request publishes no execute_result (spec: "silent").
    public let silent: Bool
    private let publish: (_ msgType: String, _ content: JSONObject) -> Void
    /// Payloads for execute_reply (the pager).
    private(set) var payloads: [JSONValue] = []
    /// text/plain of the published result, kept for history requests with output.
    private(set) var resultText: String?

    init(executionCount: Int, silent: Bool, publish: @escaping (String, JSONObject) -> Void) {
        self.executionCount = executionCount; self.silent = silent; self.publish = publish
    }

    /// Text written to standard output (or "stderr").
    public func stream(_ text: String, name: String = "stdout") {
        publish("stream", ["name": .string(name), "text": .string(text)])
    }

    /// Clears the cell's output area (clear_output); with `wait`, the front end clears it
    /// only when the next output arrives, so a redrawn output does not flicker.
    public func clearOutput(wait: Bool = false) {
        publish("clear_output", ["wait": .bool(wait)])
    }

    /// A display_data; with a display id, later `updateDisplay` calls replace it.
    public func display(_ data: MimeData, metadata: JSONObject = [:], displayID: String? = nil) {
        publish("display_data", ["data": .object(data), "metadata": .object(metadata),
                                 "transient": .object(transient(displayID))])
    }

    /// Replaces every display shown with `displayID` (update_display_data).
    public func updateDisplay(_ data: MimeData, metadata: JSONObject = [:], displayID: String) {
        publish("update_display_data", ["data": .object(data), "metadata": .object(metadata),
                                        "transient": .object(transient(displayID))])
    }

    /// The cell's value (execute_result, `Out[n]`); nothing is published for a silent request.
    public func publishResult(_ data: MimeData, metadata: JSONObject = [:]) {
        resultText = data["text/plain"]?.string
        if silent { return }
        publish("execute_result", ["data": .object(data), "metadata": .object(metadata),
                                   "execution_count": .integer(executionCount)])
    }

    /// Sends a bundle to the front end's pager (help text), as execute_reply's payload.
    public func page(_ data: MimeData, start: Int = 0) {
        payloads.append(["source": "page", "data": .object(data), "start": .integer(start)])
    }

    /// Asks the front end to close, as IPython's `exit` does: `jupyter console` quits (and,
    /// with `keepKernel` false, shuts the kernel down); notebook front ends ignore it.
    public func askExit(keepKernel: Bool = false) {
        payloads.append(["source": "ask_exit", "keepkernel": .bool(keepKernel)])
    }

    private func transient(_ displayID: String?) -> JSONObject {
        displayID.map { ["display_id": .string($0)] } ?? [:]
    }
}
