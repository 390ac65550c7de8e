import Foundation
import NetLang

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
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(description: "not valid JSON (\(jsonErrorDetail(error)))")
        }
        guard let top = root as? [String: Any] else { throw Problem(description: "the top level is not a JSON object") }
        guard let major = top["nbformat"] as? Int else { throw Problem(description: "no 'nbformat' version number") }
        guard major == 4 else { throw Problem(description: "nbformat \(major) is not supported (nb-run reads nbformat 4)") }
        guard let rawCells = top["cells"] as? [Any] else { throw Problem(description: "no 'cells' list") }
        var cells: [NotebookCell] = []
        for (i, raw) in rawCells.enumerated() {
            cells.append(try cell(raw, at: i))
        }
        return Notebook(cells: cells, metadata: top["metadata"] as? [String: Any] ?? [:])
    }

    private static func cell(_ raw: Any, at index: Int) throws -> NotebookCell {
        let place = "cells[\(index)]"
        guard let object = raw as? [String: Any] else { throw Problem(description: "\(place) is not a JSON object") }
        guard let type = object["cell_type"] as? String else { throw Problem(description: "\(place) has no 'cell_type'") }
        guard let kind = NotebookCell.Kind(rawValue: type) else {
            throw Problem(description: "\(place) has an unknown cell_type '\(type)' (expected code, markdown or raw)")
        }
        guard let source = multiline(object["source"]) else {
            throw Problem(description: "\(place) has no 'source' (a string or a list of strings)")
        }
        var cell = NotebookCell(kind: kind, source: source, id: object["id"] as? String)
        cell.metadata = object["metadata"] as? [String: Any] ?? [:]
        cell.executionCount = object["execution_count"] as? Int
        if kind == .code {
            let rawOutputs = object["outputs"] as? [Any] ?? []
            for (j, rawOutput) in rawOutputs.enumerated() {
                cell.outputs.append(try output(rawOutput, at: "\(place).outputs[\(j)]"))
            }
        }
        return cell
    }

    private static func output(_ raw: Any, at place: String) throws -> CellOutput {
        guard let object = raw as? [String: Any], let type = object["output_type"] as? String else {
            throw Problem(description: "\(place) has no 'output_type'")
        }
        switch type {
        case "stream":
            let text = multiline(object["text"]) ?? ""
            return object["name"] as? String == "stderr" ? .stderr(text) : .stream(text)
        case "display_data", "update_display_data":
            return .display(data: object["data"] as? [String: Any] ?? [:])
        case "execute_result":
            return .result(data: object["data"] as? [String: Any] ?? [:], executionCount: object["execution_count"] as? Int)
        case "error":
            return .error(name: object["ename"] as? String ?? "", value: object["evalue"] as? String ?? "",
                          traceback: object["traceback"] as? [String] ?? [])
        default:
            throw Problem(description: "\(place) has an unknown output_type '\(type)'")
        }
    }

    static func serialize(_ notebook: Notebook) throws -> Data {
        var metadata = notebook.metadata
        if metadata["kernelspec"] == nil {
            metadata["kernelspec"] = ["name": "netbook", "display_name": "NetBook", "language": "netbook"]
        }
        // Always the kernel's current language_info, as nbclient stores it after a run:
        // a notebook whose metadata differs from the kernel's opens in JupyterLab as modified.
        metadata["language_info"] = LanguageMetadata.languageInfo
        let cells = notebook.cells.enumerated().map { i, cell in json(cell, index: i) }
        let top: [String: Any] = ["nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": cells]
        var data = try JSONSerialization.data(withJSONObject: top, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    private static func json(_ cell: NotebookCell, index: Int) -> [String: Any] {
        var object: [String: Any] = [
            "cell_type": cell.kind.rawValue,
            "id": validID(cell.id) ?? "cell-\(index + 1)",
            "metadata": cell.metadata,
            "source": lines(cell.source),
        ]
        if cell.kind == .code {
            object["execution_count"] = cell.executionCount ?? NSNull()
            object["outputs"] = cell.outputs.map(json)
        }
        return object
    }

    private static func json(_ output: CellOutput) -> [String: Any] {
        switch output {
        case .stream(let text):
            return ["output_type": "stream", "name": "stdout", "text": lines(text)]
        case .stderr(let text):
            return ["output_type": "stream", "name": "stderr", "text": lines(text)]
        case .display(let data):
            return ["output_type": "display_data", "data": bundle(data), "metadata": [String: Any]()]
        case .result(let data, let count):
            return ["output_type": "execute_result", "execution_count": count ?? NSNull(),
                    "data": bundle(data), "metadata": [String: Any]()]
        case .error(let name, let value, let traceback):
            return ["output_type": "error", "ename": name, "evalue": value, "traceback": traceback]
        }
    }

    /// Text types are stored as lists of lines, as Jupyter writes them (diffs stay readable).
    private static func bundle(_ data: [String: Any]) -> [String: Any] {
        data.mapValues { value in (value as? String).map { lines($0) } ?? value }
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

    private static func multiline(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let parts = value as? [Any] {
            let strings = parts.compactMap { $0 as? String }
            return strings.count == parts.count ? strings.joined() : nil
        }
        return nil
    }

    /// nbformat 4.5: 1 to 64 of letters, digits, '-' and '_'.
    private static func validID(_ id: String?) -> String? {
        guard let id, (1...64).contains(id.count),
              id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" })
        else { return nil }
        return id
    }

    private static func jsonErrorDetail(_ error: Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        return nsError.localizedDescription
    }
}
