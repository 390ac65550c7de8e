import Foundation

/// What a kernel process watches besides its sockets: SIGINT (interrupt the cell) and the
/// parent named by JPY_PARENT_PID (exit when it dies, so no kernel is left orphaned).
///
///     let watch = ProcessWatch(onInterrupt: { kernel.interrupt() })
///     watch.start()
///
/// One thread does both: the SIGINT handler only writes a byte to a pipe (all a signal
/// handler may safely do), and the thread waits on that pipe with a one-second timeout,
/// after which it looks at the parent. (A Dispatch signal source and a sleeping thread
/// did the same with two threads, each with its own stack and thread-local blocks.)
public final class ProcessWatch: @unchecked Sendable {
    private let onInterrupt: () -> Void
    private let onParentExit: () -> Void

    public init(onInterrupt: @escaping () -> Void, onParentExit: @escaping () -> Void = { exit(0) }) {
        self.onInterrupt = onInterrupt; self.onParentExit = onParentExit
    }

    public func start(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            // No pipe, no interrupts by signal; SIGINT must still never stop the process.
            signal(SIGINT, SIG_IGN)
            return
        }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)   // a full pipe drops a byte, never blocks the handler
        signalPipe = ends[1]
        // jupyter_client's shutdown and interrupt_mode "signal" both send SIGINT: it must
        // stop the cell, never the process. glibc's signal() restarts interrupted calls.
        signal(SIGINT) { _ in
            var byte: UInt8 = 1
            _ = write(signalPipe, &byte, 1)
        }

        let parent = environment["JPY_PARENT_PID"].flatMap { pid_t($0) }.flatMap { $0 > 1 ? $0 : nil }
        let readEnd = ends[0]
        let thread = Thread { [onInterrupt, onParentExit] in
            var waiting = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            var drained = [UInt8](repeating: 0, count: 64)
            while true {
                if poll(&waiting, 1, parent == nil ? -1 : 1000) > 0, read(readEnd, &drained, drained.count) > 0 {
                    onInterrupt()
                }
                if let pid = parent, kill(pid, 0) != 0 && errno == ESRCH { onParentExit() }
            }
        }
        thread.name = "kernel-process-watch"
        thread.start()
    }
}

/// The write end of the pipe the SIGINT handler writes to (a handler cannot capture state).
nonisolated(unsafe) private var signalPipe: Int32 = -1
