import NetSupport

/// execute_request: counting, execute_input, the interpreter's outputs, the reply, errors,
/// user_expressions and stop_on_error.
extension Kernel {
    func execute(_ request: Message) {
        let content = request.content
        let code = content["code"]?.string ?? ""
        let silent = content["silent"]?.bool ?? false
        // A silent request never enters history (spec), so it does not count either.
        let storeHistory = !silent && (content["store_history"]?.bool ?? true)
        let stopOnError = content["stop_on_error"]?.bool ?? true
        if storeHistory { executionCount += 1 }
        // An unstored run shows the number the next stored cell will take, as IPython does.
        let count = storeHistory ? executionCount : executionCount + 1

        if !silent {
            publish("execute_input", ["code": .string(code), "execution_count": .integer(count)], parent: request)
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
            reply(request, ["status": "ok", "execution_count": .integer(count), "payload": .array(context.payloads),
                            "user_expressions": .object(userExpressions(content["user_expressions"]))], on: .shell)
        case .error(let error):
            // Taken before the reply goes out: a request sent after the client saw the
            // error must run, so only what is already waiting now is aborted.
            let aborted = stopOnError ? queue.removeQueuedExecutions() : []
            publish("error", error.content, parent: request)
            var body = error.content
            body["status"] = "error"
            body["execution_count"] = .integer(count)
            reply(request, body, on: .shell)
            abort(aborted)
        }
    }

    private func userExpressions(_ value: JSONValue?) -> JSONObject {
        guard let expressions = value?.object else { return [:] }
        var results = JSONObject()
        for (name, expression) in expressions {
            guard let text = expression.string else { continue }
            switch interpreter.evaluate(expression: text) {
            case .success(let data):
                results[name] = ["status": "ok", "data": .object(data), "metadata": [:]]
            case .failure(let error):
                var body = error.content
                body["status"] = "error"
                results[name] = .object(body)
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
                               "evalue": "not run: an earlier cell failed", "traceback": [],
                               "execution_count": .integer(executionCount)], on: .shell)
            }
        }
    }
}
