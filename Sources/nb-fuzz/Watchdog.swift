import Foundation
import NetCore
import NetLang

/// Interrupts a session whose cell runs longer than a deadline, as a user at the kernel
/// would, so that `train x, t, epochs: 1e9` costs the fuzzer a second, not its whole run.
/// (Work that does not look at the interrupt flag is libFuzzer's -timeout to report.)
final class Watchdog: @unchecked Sendable {
    static let shared = Watchdog(seconds: 1.0)

    private let lock = NSLock()
    private var flag: InterruptFlag?
    private var deadline = Date.distantFuture
    private let seconds: Double

    private init(seconds: Double) {
        self.seconds = seconds
        let thread = Thread { [unowned self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                lock.lock()
                if let flag, Date() > deadline { flag.raise(); self.flag = nil }
                lock.unlock()
            }
        }
        thread.start()
    }

    /// Runs `body` with `flag` raised once the deadline has passed.
    func guarding<T>(_ flag: InterruptFlag, _ body: () -> T) -> T {
        lock.lock(); self.flag = flag; deadline = Date().addingTimeInterval(seconds); lock.unlock()
        defer { lock.lock(); self.flag = nil; lock.unlock() }
        return body()
    }
}
