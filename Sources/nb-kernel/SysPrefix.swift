import FoundationEssentials
import Glibc

/// What `--sys-prefix` means for a kernel that is not Python: the prefix of the Python that
/// runs Jupyter, as `ipykernel install --sys-prefix` takes its own `sys.prefix`. In order:
/// the active virtual environment ($VIRTUAL_ENV), the active conda environment
/// ($CONDA_PREFIX), else `sys.prefix` of `python3` on the PATH (in a Docker image of the
/// Jupyter stacks, /opt/conda, where no environment is "activated").
enum SysPrefix {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func find() throws -> String {
        let env = ProcessInfo.processInfo.environment
        for variable in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
            if let prefix = env[variable], !prefix.isEmpty { return prefix }
        }
        if let prefix = pythonPrefix(), prefix.hasPrefix("/") { return prefix }
        throw Failure(description: "--sys-prefix needs an active virtual environment (VIRTUAL_ENV) or python3 on the PATH; use --prefix DIR")
    }

    /// `python3 -c 'import sys; print(sys.prefix)'`, or nil if there is no python3 or it fails.
    static func pythonPrefix() -> String? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "python3", &actions, nil, argv, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { return nil }
        // A path is short; read at most 64 kB so a strange python3 cannot grow this.
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while output.count < 65_536 {
            let n = read(pipe[0], &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally with status 0: the low 7 bits (signal) and the exit code are all zero.
        guard status == 0 else { return nil }
        let line = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isNewline).first
        return line.map(String.init)
    }
}
