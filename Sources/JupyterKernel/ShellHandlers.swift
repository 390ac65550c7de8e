/// Shell requests, answered one at a time on the worker thread.
extension Kernel {
    func handleShell(_ request: Message) {
        withBusy(request, channel: .shell) {
            let content = request.content
            switch request.msgType {
            case "execute_request":
                execute(request)
            case "kernel_info_request":
                reply(request, kernelInfoContent, on: .shell)
            case "complete_request":
                let code = content["code"] as? String ?? ""
                let cursor = clampedCursor(content["cursor_pos"], in: code)
                let result = interpreter.complete(code, cursor: cursor)
                reply(request, ["status": "ok", "matches": result.matches, "cursor_start": result.cursorStart,
                                "cursor_end": result.cursorEnd, "metadata": [String: Any]()], on: .shell)
            case "inspect_request":
                let code = content["code"] as? String ?? ""
                let cursor = clampedCursor(content["cursor_pos"], in: code)
                let found = interpreter.inspect(code, cursor: cursor, detailLevel: content["detail_level"] as? Int ?? 0)
                reply(request, ["status": "ok", "found": found != nil, "data": found ?? [:],
                                "metadata": [String: Any]()], on: .shell)
            case "is_complete_request":
                reply(request, isCompleteContent(interpreter.isComplete(content["code"] as? String ?? "")), on: .shell)
            case "history_request":
                reply(request, ["status": "ok", "history": historyRows(content)], on: .shell)
            case "comm_info_request":
                reply(request, ["status": "ok", "comms": [String: Any]()], on: .shell)
            case "comm_open":
                // No comm targets: logged and closed again, as ipykernel does for an unknown target.
                log("no such comm target: '\(content["target_name"] as? String ?? "")'")
                if let id = content["comm_id"] as? String {
                    publish("comm_close", ["comm_id": id, "data": [String: Any]()], parent: request)
                }
            case "comm_msg", "comm_close":
                break
            default:
                // As ipykernel: an unknown type is logged and gets no reply (busy/idle still go out).
                log("unknown message type '\(request.msgType)'")
            }
        }
    }

    /// cursor_pos counts Unicode code points; a missing one means the end of the code.
    func clampedCursor(_ value: Any?, in code: String) -> Int {
        let length = code.unicodeScalars.count
        guard let cursor = value as? Int else { return length }
        return min(max(0, cursor), length)
    }

    func isCompleteContent(_ result: CompletenessResult) -> [String: Any] {
        switch result {
        case .complete: return ["status": "complete"]
        case .incomplete(let indent): return ["status": "incomplete", "indent": indent]
        case .invalid: return ["status": "invalid"]
        case .unknown: return ["status": "unknown"]
        }
    }

    func historyRows(_ content: [String: Any]) -> [[Any]] {
        let output = content["output"] as? Bool ?? false
        switch content["hist_access_type"] as? String ?? "tail" {
        case "range":
            return history.range(session: content["session"] as? Int ?? 0, start: content["start"] as? Int ?? 1,
                                 stop: content["stop"] as? Int, output: output)
        case "search":
            return history.search(pattern: content["pattern"] as? String ?? "*", n: content["n"] as? Int,
                                  unique: content["unique"] as? Bool ?? false, output: output)
        default:
            return history.tail(content["n"] as? Int ?? 10, output: output)
        }
    }
}
