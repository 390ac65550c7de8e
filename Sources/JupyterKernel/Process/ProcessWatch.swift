import FoundationEssentials
import Dispatch
import Glibc

/// What a kernel process watches besides its sockets: SIGINT (interrupt the cell) and the
/// parent named by JPY_PARENT_PID (exit when it dies, so no kernel is left orphaned).
///
///     let watch = ProcessWatch(onInterrupt: { kernel.interrupt() })
///     watch.start()
public final class ProcessWatch: @unchecked Sendable {
    private let onInterrupt: () -> Void
    private let onParentExit: () -> Void
    private var signalSource: DispatchSourceSignal?

    public init(onInterrupt: @escaping () -> Void, onParentExit: @escaping () -> Void = { ProcessExit.now() }) {
        self.onInterrupt = onInterrupt; self.onParentExit = onParentExit
    }

    public func start(environment: [String: String] = ProcessInfo.processInfo.environment) {
        // jupyter_client's shutdown and interrupt_mode "signal" both send SIGINT: it must
        // stop the cell, never the process.
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [onInterrupt] in onInterrupt() }
        source.resume()
        signalSource = source

        if let text = environment["JPY_PARENT_PID"], let pid = pid_t(text), pid > 1 {
            KernelThread.start(name: "kernel-parent-watch") { [onParentExit] in
                while true {
                    sleep(1)
                    if kill(pid, 0) != 0 && errno == ESRCH { onParentExit() }
                }
            }
        }
    }
}
