import Glibc

/// Starts a detached, named thread (what Foundation's `Thread` did for the kernel: the
/// worker with a large stack, the heartbeat, the parent watch).
///
///     KernelThread.start(name: "kernel-worker", stackSize: 64 << 20) { serve() }
enum KernelThread {
    /// `stackSize` nil: the system default. Names longer than Linux's 15 bytes are cut.
    static func start(name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Body(name: name, run: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attributes, { raw in
            let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
            KernelThread.nameCurrentThread(body.name)
            body.run()
            return nil
        }, box)
        // As Foundation's Thread.start: a kernel that cannot start its threads cannot run.
        precondition(rc == 0, "pthread_create failed for \(name): \(rc)")
    }

    /// What pthread_setname_np does (Glibc's module map leaves it out: it is a GNU
    /// extension): the name goes to /proc's comm file, at most 15 bytes.
    fileprivate static func nameCurrentThread(_ name: String) {
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    private final class Body {
        let name: String
        let run: @Sendable () -> Void
        init(name: String, run: @escaping @Sendable () -> Void) { self.name = name; self.run = run }
    }
}
