import ArgumentParser
import FoundationEssentials
import Glibc
import JupyterKernel
import NetCore
import NetSupport

/// `nb-kernel -f CONNECTION_FILE` (what Jupyter runs), `nb-kernel --stdio`, `nb-kernel install`.
struct NBKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb-kernel",
        abstract: "The NetBook Jupyter kernel.",
        discussion: """
            Jupyter starts it with a connection file (-f). --stdio serves the same kernel \
            with one JSON message per line on standard input and output (see README).
            """,
        subcommands: [Install.self])

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The connection file Jupyter wrote.")
    var connectionFile: String?

    @Flag(help: "Serve Jupyter messages as lines of JSON on stdin/stdout, unsigned.")
    var stdio = false

    func run() throws {
        // Checked here, not in validate(): ArgumentParser validates parents of `install` too.
        if stdio == (connectionFile != nil) {
            throw ValidationError("give either -f CONNECTION_FILE or --stdio")
        }
        // The fastest kernels, chosen when the first large product opens OpenBLAS:
        // an idle kernel does not map it at all.
        BLASKernels.preferFastestOnLoad()
        if stdio {
            let server = StdioKernelServer(interpreter: NetBookInterpreter())
            ProcessWatch(onInterrupt: { server.kernel.interrupt() }).start()
            server.run()
            ProcessExit.now()
        }
        let info = try ConnectionInfo(contentsOf: connectionFile ?? "")
        let server = try ZMQKernelServer(connection: info, interpreter: NetBookInterpreter())
        let watch = ProcessWatch(onInterrupt: { server.kernel.interrupt() })
        watch.start()
        server.run()   // returns after shutdown_request, with the replies flushed
        ProcessExit.now()
    }
}

extension NBKernel {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install the NetBook kernel: a copy of this binary, kernel.json and the logos.",
            discussion: """
                Everything goes into one directory, KERNELS/NAME (printed at the end); \
                `jupyter kernelspec uninstall NAME` removes it. Without a flag: \
                /usr/local/share/jupyter/kernels, like `jupyter kernelspec install`.
                """)

        @Flag(help: "Install for the current user (~/.local/share/jupyter/kernels).")
        var user = false
        @Flag(help: "Install into the Python environment that runs Jupyter ($VIRTUAL_ENV, $CONDA_PREFIX, else python3's sys.prefix).")
        var sysPrefix = false
        @Option(help: "Install under DIR/share/jupyter/kernels.")
        var prefix: String?
        @Option(help: "The kernelspec's name.")
        var name = "netbook"
        @Option(help: "The name front ends show.")
        var displayName = "NetBook"

        func validate() throws {
            if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
                throw ValidationError("choose at most one of --user, --sys-prefix, --prefix")
            }
        }

        func run() throws {
            let kernels: String
            if user { kernels = KernelspecInstaller.userKernelsDirectory() }
            else if sysPrefix { kernels = KernelspecInstaller.kernelsDirectory(prefix: try SysPrefix.find()) }
            else if let prefix { kernels = KernelspecInstaller.kernelsDirectory(prefix: absolute(prefix)) }
            else { kernels = "/usr/local/share/jupyter/kernels" }   // as `jupyter kernelspec install` without flags
            let executable = executablePath()
            let installer = KernelspecInstaller(name: name, displayName: displayName, executable: executable,
                                                logoDirectories: logoDirectories(executable: executable))
            let directory = try installer.install(into: kernels)
            print("Installed kernelspec \(name) in \(directory)")
            print("  kernel binary: \(PathText.appending(KernelspecInstaller.binaryName, to: directory)) (a copy of \(executable))")
            print("  to remove it:  jupyter kernelspec uninstall \(name)")
            if let runtime = KernelspecInstaller.sharedSwiftRuntime() {
                fputs("""
                    note: this nb-kernel loads the Swift runtime from \(runtime) (a debug build); \
                    the installed copy runs only where that directory exists. `make release` builds \
                    one with the runtime linked in.\n
                    """, stderr)
            }
        }

        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        }

        /// This binary's absolute path (/proc/self/exe on Linux; argv[0] where there is none,
        /// which is what Foundation's Bundle.main fell back to as well).
        func executablePath() -> String {
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
            return absolute(CommandLine.arguments[0])
        }

        /// The binary's own directory first (an installed copy has its logos beside it; a
        /// Docker stage puts them there, hub/Dockerfile), then kernelspec/ of the source
        /// checkout this binary was built from (a build in .build/ has none beside it).
        func logoDirectories(executable: String) -> [String] {
            let source = URL(fileURLWithPath: #filePath)   // Sources/nb-kernel/main.swift
            let checkout = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("kernelspec").path
            return [PathText.deletingLastComponent(executable), checkout]
        }
    }
}

NBKernel.main()
