import Glibc

/// How a kernel process ends once its messages are out: at once, without the exit-time
/// handlers of the libraries it loaded.
///
/// `exit()` runs every library's destructors while the worker thread may still be inside
/// a cell. OpenBLAS's destructor shuts its thread pool down and joins its threads; with the
/// worker inside a large product that deadlocked shutdown and restart until the front end
/// killed the kernel (issue 10.6). Nothing the kernel keeps needs those handlers: messages
/// are flushed by closing the ZeroMQ sockets with a linger, the stdio transport and the
/// log write with write(2) (no C stdio buffers; `fflush(NULL)` would even wait for the
/// stdin lock a blocked `getline` holds), and saved files are complete when `save` returns.
///
///     server.run()                 // returns after shutdown_request, messages flushed
///     ProcessExit.now()
public enum ProcessExit {
    public static func now(status: Int32 = 0) -> Never {
        _exit(status)
    }
}
