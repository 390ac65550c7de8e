#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size chunks, so that no loader ever holds a whole file in memory
/// to find out that it is too large. Only regular files are read: a device (/dev/zero),
/// a FIFO or a directory is refused by name before anything is read from it.
///
///     let file = try FileStream(path: "digits.csv")      // file.size: bytes, from fstat
///     try file.forEachChunk { bytes in … }               // 64 KB at a time
struct FileStream: ~Copyable {
    let path: String
    /// Bytes in the file when it was opened.
    let size: Int
    private let descriptor: Int32

    static let chunkSize = 1 << 16

    init(path: String) throws {
        // O_NONBLOCK: opening a FIFO would otherwise wait for a writer before fstat can
        // refuse it (it changes nothing for a regular file).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw DataError("cannot read '\(path)': no such file or not readable") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw DataError("cannot read '\(path)': no such file or not readable")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(fd)
            throw DataError("cannot read '\(path)': it is \(FileKind.describe(kind)), not a regular file")
        }
        self.path = path
        self.descriptor = fd
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }


    /// Calls `body` with each chunk of the file in order until the end or a throw.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(descriptor, buffer.baseAddress, Self.chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw DataError("cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Exactly `count` bytes from the current position, or nil at an early end of file.
    func readExactly(count: Int) throws -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DataError("cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
            if n == 0 { return nil }
            filled += n
        }
        return bytes
    }
}
