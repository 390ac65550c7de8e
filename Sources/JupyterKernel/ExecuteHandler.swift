/// execute_request: counting, execute_input, the interpreter's outputs, the reply, errors,
/// user_expressions and stop_on_error.
extension Kernel {
    func execute(_ request: Message) {
        let content = request.content
        let code = content["code"] as? String ?? ""
        let silent = content["silent"] as? Bool ?? false
        // A silent request never enters history (spec), so it does not count either.
        let storeHistory = !silent && (content["store_history"] as? Bool ?? true)
        let stopOnError = content["stop_on_error"] as? Bool ?? true
        if storeHistory { executionCount += 1 }
        // An unstored run shows the number the next stored cell will take, as IPython does.
        let count = storeHistory ? executionCount : executionCount + 1

        if !silent {
            publish("execute_input", ["code": code, "execution_count": count], parent: request)
        }
        let context = ExecutionContext(executionCount: count, silent: silent) { [self] type, body in
            publish(type, body, parent: request)
        }
        let outcome = interpreter.execute(
            ExecuteRequest(code: code, silent: silent, storeHistory: storeHistory, executionCount: count),
            context: context)
        if storeHistory { history.record(line: count, input: code, output: context.resultText) }

        switch outcome {
        case .ok:
            reply(request, ["status": "ok", "execution_count": count, "payload": context.payloads,
                            "user_expressions": userExpressions(content["user_expressions"])], on: .shell)
        case .error(let error):
            // Taken before the reply goes out: a request sent after the client saw the
            // error must run, so only what is already waiting now is aborted.
            let aborted = stopOnError ? queue.removeQueuedExecutions() : []
            publish("error", error.content, parent: request)
            var body = error.content
            body["status"] = "error"
            body["execution_count"] = count
            reply(request, body, on: .shell)
            abort(aborted)
        }
    }

    private func userExpressions(_ value: Any?) -> [String: Any] {
        guard let expressions = value as? [String: Any] else { return [:] }
        var results: [String: Any] = [:]
        for (name, expression) in expressions {
            guard let text = expression as? String else { continue }
            switch interpreter.evaluate(expression: text) {
            case .success(let data):
                results[name] = ["status": "ok", "data": data, "metadata": [String: Any]()]
            case .failure(let error):
                var body = error.content
                body["status"] = "error"
                results[name] = body
            }
        }
        return results
    }

    /// After a failed cell, the executions already waiting are not run (the notebook's
    /// "run all" stops at the error). Spec 5.1+: an aborted request gets an error reply.
    private func abort(_ requests: [Message]) {
        for queued in requests {
            withBusy(queued, channel: .shell) {
                reply(queued, ["status": "error", "ename": "Aborted",
                               "evalue": "not run: an earlier cell failed", "traceback": [String](),
                               "execution_count": executionCount], on: .shell)
            }
        }
    }
}
