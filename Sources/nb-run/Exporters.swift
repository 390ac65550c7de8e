import Foundation
import NetSupport

/// `--to markdown`: prose as it is, code in ```netbook fences, each output after its
/// cell (an output with a `text/markdown` form, like `explain`, is shown in that form).
///
///     MarkdownExport.render(notebook)   // "# 03 — ...\n\n```netbook\nprecision 8\n```\n..."
enum MarkdownExport {
    static func render(_ notebook: Notebook) -> String {
        var parts: [String] = []
        for cell in notebook.cells {
            switch cell.kind {
            case .markdown: parts.append(cell.source)
            case .raw: parts.append(fenced(cell.source, language: ""))
            case .code:
                parts.append(fenced(cell.source, language: "netbook"))
                for output in cell.outputs { parts.append(render(output)) }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ output: CellOutput) -> String {
        switch output {
        case .display(let data), .result(let data, _):
            if let markdown = data["text/markdown"]?.string { return markdown }
            return fenced(output.plainText, language: "text")
        default:
            return fenced(output.plainText, language: "text")
        }
    }

    private static func fenced(_ text: String, language: String) -> String {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        // A fence longer than any run of backticks inside, so outputs cannot close it.
        var fence = "```"
        while body.contains(fence) { fence += "`" }
        return "\(fence)\(language)\n\(body)\n\(fence)"
    }
}

/// `--to json`: one JSON document with the run's results, for scripts and CI:
///
///     {"notebook": "03.txt", "ok": true,
///      "cells": [{"index": 1, "type": "code", "source": "...", "execution_count": 1,
///                 "outputs": [{"type": "result", "text": "...", "data": {"text/plain": ...}}]}]}
enum JSONExport {
    static func render(_ notebook: Notebook, name: String) throws -> Data {
        let cells: [JSONValue] = notebook.cells.enumerated().map { i, cell in
            var object: JSONObject = ["index": .integer(i + 1), "type": .string(cell.kind.rawValue), "source": .string(cell.source)]
            if cell.kind == .code {
                object["execution_count"] = cell.executionCount.map(JSONValue.integer) ?? .null
                object["outputs"] = .array(cell.outputs.map(json))
            }
            return .object(object)
        }
        let ok = !notebook.cells.contains { $0.outputs.contains { $0.isError } }
        let top: JSONValue = ["notebook": .string(name), "ok": .bool(ok), "cells": .array(cells)]
        var data = Data(JSONWriter.prettyBytes(top))
        data.append(0x0A)
        return data
    }

    private static func json(_ output: CellOutput) -> JSONValue {
        let text = JSONValue.string(output.plainText)
        switch output {
        case .stream(let s): return ["type": "stream", "text": .string(s)]
        case .stderr(let s): return ["type": "stream", "name": "stderr", "text": .string(s)]
        case .display(let data): return ["type": "display", "text": text, "data": .object(data)]
        case .result(let data, _): return ["type": "result", "text": text, "data": .object(data)]
        case .error(let name, let value, _): return ["type": "error", "text": text, "ename": .string(name), "evalue": .string(value)]
        }
    }
}
