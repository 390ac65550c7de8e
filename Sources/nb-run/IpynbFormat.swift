import Foundation
import NetLang
import NetSupport

/// Jupyter's .ipynb (nbformat 4): reading any 4.x notebook, writing 4.5 with cell ids,
/// MIME bundles, stream and error outputs.
///
///     let notebook = try IpynbFormat.parse(data)          // throws IpynbFormat.Problem
///     let json = try IpynbFormat.serialize(notebook)      // nbformat 4.5, sorted keys
enum IpynbFormat {
    /// What is wrong with a notebook file, said so that a person can find it.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ data: Data) throws -> Notebook {
        let root: JSONValue
        do {
            root = try JSONReader.read([UInt8](data))
        } catch let failure as JSONReader.Failure {
            throw Problem(description: "not valid JSON (\(failure))")
        }
        guard let top = root.object else { throw Problem(description: "the top level is not a JSON object") }
        guard let major = top["nbformat"]?.int else { throw Problem(description: "no 'nbformat' version number") }
        guard major == 4 else { throw Problem(description: "nbformat \(major) is not supported (nb-run reads nbformat 4)") }
        guard let rawCells = top["cells"]?.array else { throw Problem(description: "no 'cells' list") }
        var cells: [NotebookCell] = []
        for (i, raw) in rawCells.enumerated() {
            cells.append(try cell(raw, at: i))
        }
        return Notebook(cells: cells, metadata: top["metadata"]?.object ?? [:])
    }

    private static func cell(_ raw: JSONValue, at index: Int) throws -> NotebookCell {
        let place = "cells[\(index)]"
        guard let object = raw.object else { throw Problem(description: "\(place) is not a JSON object") }
        guard let type = object["cell_type"]?.string else { throw Problem(description: "\(place) has no 'cell_type'") }
        guard let kind = NotebookCell.Kind(rawValue: type) else {
            throw Problem(description: "\(place) has an unknown cell_type '\(type)' (expected code, markdown or raw)")
        }
        guard let source = multiline(object["source"]) else {
            throw Problem(description: "\(place) has no 'source' (a string or a list of strings)")
        }
        var cell = NotebookCell(kind: kind, source: source, id: object["id"]?.string)
        cell.metadata = object["metadata"]?.object ?? [:]
        cell.executionCount = object["execution_count"]?.int
        if kind == .code {
            for (j, rawOutput) in (object["outputs"]?.array ?? []).enumerated() {
                cell.outputs.append(try output(rawOutput, at: "\(place).outputs[\(j)]"))
            }
        }
        return cell
    }

    private static func output(_ raw: JSONValue, at place: String) throws -> CellOutput {
        guard let object = raw.object, let type = object["output_type"]?.string else {
            throw Problem(description: "\(place) has no 'output_type'")
        }
        switch type {
        case "stream":
            let text = multiline(object["text"]) ?? ""
            return object["name"]?.string == "stderr" ? .stderr(text) : .stream(text)
        case "display_data", "update_display_data":
            return .display(data: object["data"]?.object ?? [:])
        case "execute_result":
            return .result(data: object["data"]?.object ?? [:], executionCount: object["execution_count"]?.int)
        case "error":
            return .error(name: object["ename"]?.string ?? "", value: object["evalue"]?.string ?? "",
                          traceback: object["traceback"]?.array?.compactMap(\.string) ?? [])
        default:
            throw Problem(description: "\(place) has an unknown output_type '\(type)'")
        }
    }

    /// The notebook's JSON in the layout Jupyter's files have (JSONWriter.prettyBytes:
    /// indent 2, sorted keys), with a final newline.
    static func serialize(_ notebook: Notebook) throws -> Data {
        var metadata = notebook.metadata
        if metadata["kernelspec"] == nil {
            metadata["kernelspec"] = ["name": "netbook", "display_name": "NetBook", "language": "netbook"]
        }
        // Always the kernel's current language_info, as nbclient stores it after a run:
        // a notebook whose metadata differs from the kernel's opens in JupyterLab as modified.
        metadata["language_info"] = .object(JSONObject(LanguageMetadata.languageInfo.map { ($0.key, .string($0.value)) }))
        let cells = notebook.cells.enumerated().map { i, cell in json(cell, index: i) }
        let top: JSONValue = ["nbformat": 4, "nbformat_minor": 5, "metadata": .object(metadata), "cells": .array(cells)]
        var data = Data(JSONWriter.prettyBytes(top))
        data.append(0x0A)
        return data
    }

    private static func json(_ cell: NotebookCell, index: Int) -> JSONValue {
        var object: JSONObject = [
            "cell_type": .string(cell.kind.rawValue),
            "id": .string(validID(cell.id) ?? "cell-\(index + 1)"),
            "metadata": .object(cell.metadata),
            "source": JSONValue(lines(cell.source)),
        ]
        if cell.kind == .code {
            object["execution_count"] = cell.executionCount.map(JSONValue.integer) ?? .null
            object["outputs"] = .array(cell.outputs.map(json))
        }
        return .object(object)
    }

    private static func json(_ output: CellOutput) -> JSONValue {
        switch output {
        case .stream(let text):
            return ["output_type": "stream", "name": "stdout", "text": JSONValue(lines(text))]
        case .stderr(let text):
            return ["output_type": "stream", "name": "stderr", "text": JSONValue(lines(text))]
        case .display(let data):
            return ["output_type": "display_data", "data": bundle(data), "metadata": [:]]
        case .result(let data, let count):
            return ["output_type": "execute_result", "execution_count": count.map(JSONValue.integer) ?? .null,
                    "data": bundle(data), "metadata": [:]]
        case .error(let name, let value, let traceback):
            return ["output_type": "error", "ename": .string(name), "evalue": .string(value), "traceback": JSONValue(traceback)]
        }
    }

    /// Text types are stored as lists of lines, as Jupyter writes them (diffs stay readable).
    private static func bundle(_ data: JSONObject) -> JSONValue {
        .object(JSONObject(data.map { type, value in (type, value.string.map { JSONValue(lines($0)) } ?? value) }))
    }

    /// nbformat's multi-line string: the lines, each keeping its "\n" but the last.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func multiline(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .array(let parts)?:
            let strings = parts.compactMap(\.string)
            return strings.count == parts.count ? strings.joined() : nil
        default: return nil
        }
    }

    /// nbformat 4.5: 1 to 64 of letters, digits, '-' and '_'.
    private static func validID(_ id: String?) -> String? {
        guard let id, (1...64).contains(id.count),
              id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" })
        else { return nil }
        return id
    }
}
