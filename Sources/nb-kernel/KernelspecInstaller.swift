import FoundationEssentials
import Glibc
import NetCore

/// Writes the NetBook kernelspec (kernel.json with this binary's absolute path, and the
/// logos) where Jupyter looks for kernels, like `python -m ipykernel install`.
///
///     let dir = try KernelspecInstaller(name: "netbook", displayName: "NetBook")
///         .install(into: KernelspecInstaller.userKernelsDirectory())
struct KernelspecInstaller {
    var name: String
    var displayName: String
    var executable: String
    /// Where kernelspec/logo-*.png live (the source checkout); logos are skipped if absent.
    var logoDirectory: String?

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func userKernelsDirectory() -> String {
        // $HOME first, as Jupyter (Python's expanduser) reads it (PathText.homeDirectory).
        let home = PathText.homeDirectory
        #if os(macOS)
        return home + "/Library/Jupyter/kernels"
        #else
        let data = ProcessInfo.processInfo.environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        return data + "/jupyter/kernels"
        #endif
    }

    static func kernelsDirectory(prefix: String) -> String {
        PathText.appending("share/jupyter/kernels", to: prefix)
    }

    /// The active virtual environment (or conda env), as `--sys-prefix` means for a binary
    /// that is not Python.
    static func sysPrefix() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let venv = env["VIRTUAL_ENV"] ?? env["CONDA_PREFIX"], !venv.isEmpty { return venv }
        throw Failure(description: "--sys-prefix needs an active virtual environment (VIRTUAL_ENV); use --prefix DIR")
    }

    /// kernel.json, as Jupyter reads it (the property names are its keys).
    struct KernelJSON: Encodable {
        struct Metadata: Encodable { var debugger = false }
        var argv: [String]
        var display_name: String
        var language = "netbook"
        var interrupt_mode = "message"
        var metadata = Metadata()
    }

    var kernelJSON: KernelJSON {
        KernelJSON(argv: [executable, "-f", "{connection_file}"], display_name: displayName)
    }

    func install(into kernelsDirectory: String) throws -> String {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw Failure(description: "kernel name '\(name)' may only hold letters, digits, '-', '_' and '.'")
        }
        let directory = PathText.appending(name, to: kernelsDirectory)
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(kernelJSON)
            try json.write(to: URL(fileURLWithPath: directory + "/kernel.json"))
            for logo in ["logo-32x32.png", "logo-64x64.png"] {
                guard let source = logoDirectory.map({ $0 + "/" + logo }), files.fileExists(atPath: source) else { continue }
                let target = directory + "/" + logo
                try? files.removeItem(atPath: target)
                try files.copyItem(atPath: source, toPath: target)
            }
        } catch {
            throw Failure(description: "cannot write the kernelspec in \(directory): \(Self.reason(error))")
        }
        return directory
    }

    /// "PATH: No such file or directory" for a file error. (`localizedDescription` is in
    /// the full Foundation only, which this binary no longer links.)
    static func reason(_ error: Error) -> String {
        guard let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError else { return "\(error)" }
        let text = String(cString: strerror(posix.code.rawValue))
        return cocoa.filePath.map { "\($0): \(text)" } ?? text
    }
}
