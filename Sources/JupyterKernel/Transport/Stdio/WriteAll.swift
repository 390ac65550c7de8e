import FoundationEssentials
import Glibc

/// Writes all of `data` to a file descriptor (standard output or error), retrying
/// partial writes and EINTR, as FileHandle.write did; other errors drop the rest.
func writeAll(_ data: Data, to fd: Int32) {
    data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }
}
