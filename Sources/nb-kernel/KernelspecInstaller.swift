import FoundationEssentials
import Glibc
import NetCore
import NetLang
import NetSupport

/// Installs the NetBook kernel where Jupyter looks for kernels, like
/// `python -m ipykernel install`: a directory KERNELS/NAME holding a copy of the kernel
/// binary, kernel.json whose argv runs that copy, and the logos. The copy makes the install
/// independent of the checkout it was built in (cleaning or moving `.build/` breaks nothing)
/// and usable by every user who can read the directory (a JupyterHub image). Everything
/// of the install is in that one directory, so `jupyter kernelspec uninstall NAME` removes
/// all of it.
///
///     let dir = try KernelspecInstaller(name: "netbook", displayName: "NetBook",
///                                       executable: ".build/release/nb-kernel", logoDirectories: ["kernelspec"])
///         .install(into: KernelspecInstaller.userKernelsDirectory())
struct KernelspecInstaller {
    var name: String
    var displayName: String
    /// The binary to copy (the running nb-kernel).
    var executable: String
    /// Directories that may hold logo-32x32.png and logo-64x64.png, first match wins;
    /// logos are skipped if none has them.
    var logoDirectories: [String]

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The file name of the installed binary inside the kernelspec directory.
    static let binaryName = "nb-kernel"
    static let logoNames = ["logo-32x32.png", "logo-64x64.png"]

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

    /// kernel.json, as Jupyter reads it (the property names are its keys).
    struct KernelJSON: Encodable {
        struct Metadata: Encodable { var debugger = false }
        var argv: [String]
        var display_name: String
        var language = "netbook"
        var interrupt_mode = "message"
        var metadata = Metadata()
    }

    func kernelJSON(binary: String) -> KernelJSON {
        KernelJSON(argv: [binary, "-f", "{connection_file}"], display_name: displayName)
    }

    /// Installs into KERNELS/NAME and returns that directory. Each file is replaced
    /// atomically (SafeFileWrite: a temporary file renamed over the old one), so a kernel
    /// running from an earlier install keeps its binary and one starting meanwhile finds
    /// either the old or the new complete file.
    func install(into kernelsDirectory: String) throws -> String {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw Failure(description: "kernel name '\(name)' may only hold letters, digits, '-', '_' and '.'")
        }
        let directory = PathText.appending(name, to: kernelsDirectory)
        let binary = PathText.appending(Self.binaryName, to: directory)
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the kernelspec directory \(directory): \(Self.reason(error))")
        }
        try copy(executable, to: binary, permissions: 0o755)
        let json = JSONWriter.prettyBytes(try JSONValueEncoder().encode(kernelJSON(binary: binary)))   // keys sorted
        try write(Data(json), to: PathText.appending("kernel.json", to: directory), permissions: 0o644)
        // Logos from the first directory that has them, unless that is the kernelspec
        // directory itself (an installed copy reinstalling in place).
        if let logos = logoDirectories.first(where: { dir in Self.logoNames.allSatisfy { files.fileExists(atPath: dir + "/" + $0) } }),
           !Self.sameFile(logos, directory) {
            for logo in Self.logoNames {
                try copy(logos + "/" + logo, to: PathText.appending(logo, to: directory), permissions: 0o644)
            }
        }
        return directory
    }

    private func copy(_ source: String, to target: String, permissions: mode_t) throws {
        guard let bytes = FileManager.default.contents(atPath: source) else {
            throw Failure(description: "cannot read \(source)")
        }
        try write(bytes, to: target, permissions: permissions)
    }

    private func write(_ bytes: Data, to target: String, permissions: mode_t) throws {
        do {
            try bytes.withUnsafeBytes { try SafeFileWrite.write($0, to: target, permissions: permissions) }
        } catch let failure as SafeFileWrite.Failure {
            throw Failure(description: "cannot write \(target): \(failure.reason)")
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// "PATH: No such file or directory" for a file error. (`localizedDescription` is in
    /// the full Foundation only, which this binary no longer links.)
    static func reason(_ error: Error) -> String {
        guard let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError else { return "\(error)" }
        let text = String(cString: strerror(posix.code.rawValue))
        return cocoa.filePath.map { "\($0): \(text)" } ?? text
    }

    /// Where the running binary loads the Swift runtime from, if it does not link it
    /// statically (a debug build): its copy runs only where that directory exists.
    static func sharedSwiftRuntime() -> String? {
        for line in procFile("/proc/self/maps").split(separator: "\n") where line.hasSuffix("/libswiftCore.so") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            return PathText.deletingLastComponent(String(line[slash...]))
        }
        return nil
    }

    /// A /proc file's text (its size reads as 0, so read until the end), at most 4 MB.
    static func procFile(_ path: String) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < 4 << 20 {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
