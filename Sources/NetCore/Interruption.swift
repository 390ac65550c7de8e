#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NetSupport

/// A flag another thread raises to stop long work at its next safe point (Ctrl-C,
/// Jupyter's interrupt, nb-run's `--timeout`).
///
///     let flag = InterruptFlag()
///     DispatchQueue.global().asyncAfter(deadline: .now() + 1) { flag.raise() }
///     try Interruption.watching(flag) { try a.matmul(b) }   // throws `Interrupted` after ~1 s
public final class InterruptFlag: @unchecked Sendable {
    private var raised = false
    private let lock = Lock()
    public init() {}
    public func raise() { lock.withLock { raised = true } }
    public func clear() { lock.withLock { raised = false } }
    public var isRaised: Bool { lock.withLock { raised } }
}

/// Long work stopped by an interrupt; the language reports it as Python does a Ctrl-C.
public struct Interrupted: NetCoreError, Equatable {
    public var message: String
    public var kind: String { "KeyboardInterrupt" }
    public init(_ message: String = "interrupted") { self.message = message }
}

/// The interrupt flag of the work running on this thread, and the check that long loops
/// make against it.
///
/// Why a task-local and not a parameter: the loops that must stop (matrix products, CSV
/// parsing, data set generators, rendering) sit under many layers of calls that know
/// nothing of sessions; the session binds its flag once around a cell (`watching`) and
/// every loop below asks `Interruption.check()`. Outside `watching` (tests, nb-bench)
/// nothing is bound and the checks cost one load and never throw.
///
/// Loops call `check()` every few milliseconds of work (a block of rows, a chunk of a
/// file), so an interrupt lands within ~100 ms without slowing the loop down.
public enum Interruption {
    @TaskLocal static var flag: InterruptFlag?

    /// Elements an elementwise loop handles between two checks: about a millisecond.
    public static let elementsPerCheck = 1 << 20

    /// Runs `body` with `flag` as the interrupt flag of this thread's work.
    public static func watching<T>(_ flag: InterruptFlag, _ body: () throws -> T) rethrows -> T {
        try $flag.withValue(flag, operation: body)
    }

    /// Runs `body` as if no interrupt had been asked for: the little work that must finish
    /// after an interrupt was handled, such as showing the curve and summary of the steps
    /// an interrupted `train` completed (their rendering checks the flag too).
    public static func finishing<T>(_ body: () throws -> T) rethrows -> T {
        try $flag.withValue(nil, operation: body)
    }

    /// Whether the work running on this thread has been asked to stop.
    public static var isRequested: Bool { flag?.isRaised ?? false }

    /// Throws `Interrupted` when the work running on this thread has been asked to stop.
    public static func check() throws {
        if isRequested { throw Interrupted() }
    }

    /// `check()` on every `period`-th item of a loop (`item` counts from 0), so that a
    /// loop with cheap iterations pays for the check only now and then.
    ///
    ///     for i in 0..<n { try Interruption.check(item: i, every: 1 << 16); … }
    @inline(__always)
    public static func check(item: Int, every period: Int) throws {
        if item % period == 0 { try check() }
    }
}
