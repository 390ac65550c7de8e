import NetSupport

/// The shell requests waiting for the worker thread, in arrival order. The receiving
/// thread adds; the worker takes one at a time, so control stays responsive while a
/// cell computes.
final class RequestQueue: @unchecked Sendable {
    private var items: [Message] = []
    private var closed = false
    /// Closed for new work but finishing what is queued (end of input on stdio).
    private var finishing = false
    private let condition = Condition()

    func push(_ message: Message) {
        condition.withLock {
            items.append(message)
            condition.signal()
        }
    }

    /// The next request; nil once closed, or once finished and empty.
    func pop() -> Message? {
        condition.withLock {
            while items.isEmpty && !closed && !finishing { condition.wait() }
            return closed || items.isEmpty ? nil : items.removeFirst()
        }
    }

    /// Lets the worker run what is queued, then stop.
    func finish() {
        condition.withLock { finishing = true; condition.broadcast() }
    }

    /// Takes out every execute_request queued now (they are answered as aborted);
    /// other requests stay, as ipykernel aborts only executions.
    func removeQueuedExecutions() -> [Message] {
        condition.withLock {
            let executions = items.filter { $0.msgType == "execute_request" }
            items.removeAll { $0.msgType == "execute_request" }
            return executions
        }
    }

    func close() {
        condition.withLock { closed = true; condition.broadcast() }
    }
}
