import Foundation

/// A notebook read from a path (or stdin, `-`), with the format it was written in.
///
///     let file = try NotebookFile.load("notebooks/03-backprop-by-hand.txt")
///     file.format        // .percent
///     file.notebook.cells.count
struct NotebookFile {
    enum Format { case percent, ipynb }
    var path: String
    var format: Format
    var notebook: Notebook
    /// A percent-format file's text as read (`--student` edits it line by line).
    var text: String?

    var isStdin: Bool { path == "-" }
    /// What messages call it.
    var displayName: String { isStdin ? "<stdin>" : path }
    /// Where `load`/`save` in the notebook look for relative paths.
    var directory: String {
        isStdin ? FileManager.default.currentDirectoryPath : (URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    static func load(_ path: String) throws -> NotebookFile {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw FileProblem(path: path, message: "no such file")
            }
            guard !isDirectory.boolValue else { throw FileProblem(path: path, message: "is a directory, not a notebook") }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw FileProblem(path: path, message: "cannot be read (permissions?)")
            }
            data = contents
        }
        let format = guessFormat(path: path, data: data)
        switch format {
        case .ipynb:
            do {
                return NotebookFile(path: path, format: .ipynb, notebook: try IpynbFormat.parse(data))
            } catch let problem as IpynbFormat.Problem {
                throw FileProblem(path: path == "-" ? "<stdin>" : path, message: "is not a valid .ipynb notebook: \(problem)")
            }
        case .percent:
            guard let text = String(data: data, encoding: .utf8) else {
                throw FileProblem(path: path == "-" ? "<stdin>" : path, message: "is not UTF-8 text")
            }
            return NotebookFile(path: path, format: .percent, notebook: PercentFormat.parse(text), text: text)
        }
    }

    /// `.ipynb` by name; stdin by content (a notebook's JSON starts with `{`).
    private static func guessFormat(path: String, data: Data) -> Format {
        if path.hasSuffix(".ipynb") { return .ipynb }
        if path == "-", let first = data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }), first == UInt8(ascii: "{") {
            return .ipynb
        }
        return .percent
    }
}

/// A file that cannot be read or written: exit status 2, with the file named.
struct FileProblem: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
}

/// Writes text to a file, or to stdout for nil / `-`.
func writeOutput(_ data: Data, to path: String?) throws {
    guard let path, path != "-" else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw FileProblem(path: path, message: "cannot be written (\((error as NSError).localizedDescription))")
    }
}
