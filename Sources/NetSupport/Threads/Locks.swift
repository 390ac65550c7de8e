#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock (pthread), for state shared between threads (the kernel's
/// I/O and worker threads, the interrupt flag a cell's loops read).
///
///     let lock = Lock()
///     lock.withLock { count += 1 }
///
/// Foundation's NSLock did this; the full Foundation is no longer linked (its idle
/// memory), and a class keeps the lock at a stable address, as pthread requires.
public final class Lock: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    // Inlinable: NetCore's interrupt flag is read inside loops over user-sized data.
    @inlinable
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// A lock with a condition variable (what NSCondition was): `wait()` inside `withLock`
/// releases the lock until another thread signals.
///
///     condition.withLock { while items.isEmpty { condition.wait() } }
public final class Condition: @unchecked Sendable {
    private let lock = Lock()
    private let cond: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        cond = .allocate(capacity: 1)
        cond.initialize(to: pthread_cond_t())
        pthread_cond_init(cond, nil)
    }

    deinit {
        pthread_cond_destroy(cond)
        cond.deallocate()
    }

    public func withLock<T>(_ body: () throws -> T) rethrows -> T { try lock.withLock(body) }

    /// Only inside `withLock`.
    public func wait() { pthread_cond_wait(cond, lock.mutex) }
    public func signal() { pthread_cond_signal(cond) }
    public func broadcast() { pthread_cond_broadcast(cond) }
}
