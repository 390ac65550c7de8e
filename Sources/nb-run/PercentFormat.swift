import Foundation
import NetSupport

/// The percent format of Jupytext, VS Code and Spyder: `# %%` starts a code cell,
/// `# %% [markdown]` a markdown cell whose lines start with `# `. A file without
/// markers is one code cell. Tags ride on the marker as Jupytext writes them:
/// `# %% tags=["parameters"]` (papermill's parameters cell, for `nb-run -p`).
///
///     let notebook = PercentFormat.parse("""
///     # %% [markdown]
///     # # Forward
///     # %%
///     tensor x = [0.1, 0.2]
///     """)
///     notebook.cells.map(\.kind)   // [.markdown, .code]
enum PercentFormat {
    static func parse(_ text: String) -> Notebook {
        // Each marker opens a segment; the text before the first marker is a segment of
        // its own only when it is not blank (so a file without markers is one cell).
        var segments: [(kind: NotebookCell.Kind, tags: [String], lines: [String])] = [(.code, [], [])]
        // "\r\n" is one Character in Swift, so Windows line ends are matched as such.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = String(rawLine)
            if let kind = markerKind(line) {
                segments.append((kind, markerTags(line), []))
            } else {
                segments[segments.count - 1].lines.append(line)
            }
        }
        if trimBlankLines(segments[0].lines).isEmpty { segments.removeFirst() }

        var cells: [NotebookCell] = []
        for segment in segments {
            let body = trimBlankLines(segment.lines)
            let source = segment.kind == .markdown ? body.map(unmarkdown).joined(separator: "\n")
                                                   : body.joined(separator: "\n")
            var cell = NotebookCell(kind: segment.kind, source: source, id: "cell-\(cells.count + 1)")
            if !segment.tags.isEmpty { cell.metadata["tags"] = JSONValue(segment.tags) }
            cells.append(cell)
        }
        return Notebook(cells: cells)
    }

    /// The kind of cell a marker line starts, or nil for an ordinary line.
    static func markerKind(_ line: String) -> NotebookCell.Kind? {
        let trimmed = line.trimmingTrailingSpaces
        guard trimmed == "# %%" || trimmed.hasPrefix("# %% ") else { return nil }
        let rest = trimmed.dropFirst(4)
        if rest.contains("[markdown]") || rest.contains("[md]") { return .markdown }
        if rest.contains("[raw]") { return .raw }
        return .code
    }

    /// The tags of a marker line, `tags=["parameters", "x"]` (a JSON list of strings, as
    /// Jupytext writes cell metadata); none when absent or not such a list.
    static func markerTags(_ line: String) -> [String] {
        guard let start = line.range(of: "tags=[") else { return [] }
        let list = line[line.index(before: start.upperBound)...]
        guard let end = list.firstIndex(of: "]"), let items = (try? JSONReader.read(String(list[...end])))?.array else { return [] }
        let tags = items.compactMap(\.string)
        return tags.count == items.count ? tags : []
    }

    /// `# text` -> `text`, `#` -> an empty line; other lines stay as they are.
    private static func unmarkdown(_ line: String) -> String {
        if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
        if line.trimmingTrailingSpaces == "#" { return "" }
        return line
    }

    private static func trimBlankLines(_ lines: [String]) -> [String] {
        var slice = lines[...]
        while let first = slice.first, first.trimmingTrailingSpaces.isEmpty { slice = slice.dropFirst() }
        while let last = slice.last, last.trimmingTrailingSpaces.isEmpty { slice = slice.dropLast() }
        return Array(slice)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
