#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetCore
import NetSupport

/// Writes a whole file so that whatever happens — a full disk, an error, `kill -9` at any
/// moment — the path holds either its old complete contents or the new complete contents:
/// the bytes go to a temporary file in the same directory, are flushed to disk (fsync),
/// and only then renamed over the target (rename(2) is atomic within a file system).
///
///     try SafeFileWrite.write(bytes, to: "session.json")
///
/// Foundation's `.atomic` write does the same rename but would also rename over /dev/null
/// or a FIFO (replacing the device with a file when run as root), and a process killed
/// mid-write leaves its temporary file forever. Here a target that exists must be a
/// regular file, refused by name before anything is touched, and a temporary file left
/// by a killed writer (its process gone) is removed by the next write to the same path.
/// `nb-kernel install` replaces the installed kernel binary this way, so a kernel that is
/// running (or starting) keeps the complete old file.
public enum SafeFileWrite {
    public struct Failure: Error, Equatable {
        public var reason: String
    }

    /// `permissions` (e.g. 0o755) are set before the rename, so the new file is never seen
    /// without them; nil keeps those of the file being replaced (0o644 for a new one).
    /// Throws `Failure`, or `Interrupted` (from `Interruption.check`) with the target untouched.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String, permissions: mode_t? = nil) throws {
        try write(to: path, permissions: permissions) { sink in try sink(bytes) }
    }

    /// The same, for contents produced piece by piece: `produce` hands each piece to the
    /// sink it is given (a session's JSON text, streamed as it is written, never whole in
    /// memory). An error or `Interrupted` thrown by `produce` leaves the target untouched.
    public static func write(to path: String, permissions: mode_t? = nil,
                             produce: (_ sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let target = try regularTarget(path)
        let directory = PathText.deletingLastComponent(target)
        let name = PathText.lastComponent(target)
        removeAbandonedTemporaries(of: name, in: directory)
        let temporary = PathText.appending("\(temporaryPrefix(name))\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp",
                                           to: directory.isEmpty ? "." : directory)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(errno, directory: directory) }
        var done = false
        defer { if !done { unlink(temporary) } }
        do {
            defer { close(fd) }
            // The permissions asked for, else those of the file being replaced.
            var old = stat()
            if let permissions { fchmod(fd, permissions) }
            else if stat(target, &old) == 0 { fchmod(fd, old.st_mode & 0o7777) }
            // In 64 KiB pieces, as cp writes: one large write(2) fills the page cache with
            // large folios, and a program run from the file (the kernel binary that
            // `nb-kernel install` writes) then maps whole folios on each page fault:
            // an idle kernel measured 23.4 MB RSS from a one-write copy, 17.5 MB from this.
            // An interrupt check before each: an interrupted save removes its temporary
            // file (above) and leaves the old file as it was.
            try produce { bytes in
                var written = 0
                while written < bytes.count {
                    try Interruption.check()
                    let n = systemWrite(fd, bytes.baseAddress! + written, min(bytes.count - written, 1 << 16))
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw failure(errno, directory: directory)
                    }
                    written += n
                }
            }
            guard fsync(fd) == 0 else { throw failure(errno, directory: directory) }
            // The last moment to stop: after the rename the new file is saved.
            try Interruption.check()
        }
        guard rename(temporary, target) == 0 else { throw failure(errno, directory: directory) }
        done = true
        // The rename itself reaches the disk with the directory.
        let dir = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// ".session.json.netbook-save-": hidden, and named for the file it will become.
    static func temporaryPrefix(_ name: String) -> String { ".\(name).netbook-save-" }

    /// The path to write: `path` itself, or where a symbolic link points (the link stays).
    /// Anything that exists and is not a regular file is refused.
    static func regularTarget(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return path }   // a new file (a missing directory is found on open)
            throw failure(errno, directory: PathText.deletingLastComponent(path))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw Failure(reason: "it is \(FileKind.describe(kind)), not a regular file; save writes regular files only")
        }
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return path
    }

    /// The size of an existing regular file, or a Failure that says what it is instead
    /// (reading a FIFO would wait forever, a device like /dev/zero never ends).
    static func regularFileSize(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(reason: "no such file or not readable") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(reason: "it is \(FileKind.describe(info.st_mode & S_IFMT)), not a regular file")
        }
        return Int(info.st_size)
    }


    /// Removes temporaries of `name` whose writing process no longer exists (killed during
    /// a save). Those of a live process are another save in progress and stay.
    static func removeAbandonedTemporaries(of name: String, in directory: String) {
        let dirPath = directory.isEmpty ? "." : directory
        guard let dir = opendir(dirPath) else { return }
        defer { closedir(dir) }
        let prefix = temporaryPrefix(name)
        while let entry = readdir(dir) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard file.hasPrefix(prefix), file.hasSuffix(".tmp") else { continue }
            let rest = file.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = pid_t(pidText) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                unlink(PathText.appending(file, to: dirPath))
            }
        }
    }

    private static func failure(_ code: Int32, directory: String) -> Failure {
        switch code {
        case ENOENT: return Failure(reason: "its directory '\(directory.isEmpty ? "." : directory)' does not exist")
        case EACCES, EPERM, EROFS: return Failure(reason: "not writable")
        case ENOSPC, EDQUOT: return Failure(reason: "the disk is full (the old file, if any, is unchanged)")
        case EISDIR: return Failure(reason: "it is a directory, not a regular file; save writes regular files only")
        default: return Failure(reason: String(cString: strerror(code)))
        }
    }
}

/// write(2), outside `SafeFileWrite` whose own `write` would hide it.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
