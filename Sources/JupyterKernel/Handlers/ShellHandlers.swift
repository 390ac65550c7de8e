import NetSupport

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
                let code = content["code"]?.string ?? ""
                let cursor = clampedCursor(content["cursor_pos"], in: code)
                let result = interpreter.complete(code, cursor: cursor)
                reply(request, ["status": "ok", "matches": JSONValue(result.matches), "cursor_start": .integer(result.cursorStart),
                                "cursor_end": .integer(result.cursorEnd), "metadata": [:]], on: .shell)
            case "inspect_request":
                let code = content["code"]?.string ?? ""
                let cursor = clampedCursor(content["cursor_pos"], in: code)
                let found = interpreter.inspect(code, cursor: cursor, detailLevel: content["detail_level"]?.int ?? 0)
                reply(request, ["status": "ok", "found": .bool(found != nil), "data": .object(found ?? [:]),
                                "metadata": [:]], on: .shell)
            case "is_complete_request":
                reply(request, isCompleteContent(interpreter.isComplete(content["code"]?.string ?? "")), on: .shell)
            case "history_request":
                reply(request, ["status": "ok", "history": .array(historyRows(content))], on: .shell)
            case "comm_info_request":
                reply(request, ["status": "ok", "comms": [:]], on: .shell)
            case "comm_open":
                // No comm targets: logged and closed again, as ipykernel does for an unknown target.
                log("no such comm target: '\(content["target_name"]?.string ?? "")'")
                if let id = content["comm_id"]?.string {
                    publish("comm_close", ["comm_id": .string(id), "data": [:]], parent: request)
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
    func clampedCursor(_ value: JSONValue?, in code: String) -> Int {
        let length = code.unicodeScalars.count
        guard let cursor = value?.int else { return length }
        return min(max(0, cursor), length)
    }

    func isCompleteContent(_ result: CompletenessResult) -> JSONObject {
        switch result {
        case .complete: return ["status": "complete"]
        case .incomplete(let indent): return ["status": "incomplete", "indent": .string(indent)]
        case .invalid: return ["status": "invalid"]
        case .unknown: return ["status": "unknown"]
        }
    }

    func historyRows(_ content: JSONObject) -> [JSONValue] {
        let output = content["output"]?.bool ?? false
        switch content["hist_access_type"]?.string ?? "tail" {
        case "range":
            return history.range(session: content["session"]?.int ?? 0, start: content["start"]?.int ?? 1,
                                 stop: content["stop"]?.int, output: output)
        case "search":
            return history.search(pattern: content["pattern"]?.string ?? "*", n: content["n"]?.int,
                                  unique: content["unique"]?.bool ?? false, output: output)
        default:
            return history.tail(content["n"]?.int ?? 10, output: output)
        }
    }
}
