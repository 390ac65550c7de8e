import Glibc

/// What a path is when it is not a regular file, in the words of an error message; the
/// loaders (`FileStream`) and `save` (`SafeFileWrite`) refuse such paths alike.
///
///     FileKind.describe(S_IFIFO)   // "a FIFO (named pipe)"
public enum FileKind {
    public static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: return "a directory"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
