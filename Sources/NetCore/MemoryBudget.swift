import FoundationEssentials

/// How many bytes of numbers a session may hold, and how many it holds: every allocation
/// whose size a user chose is reserved here BEFORE it is made, so a request the machine
/// cannot serve is an error instead of an aborted process.
///
///     let budget = MemoryBudget(limit: 1_000_000, used: 600_000)
///     try budget.reserve(elements: 100_000, for: "zeros(100000, 1)")
///     // LimitError: zeros(100000, 1) needs 800.0 KB, but only 400.0 KB of the session's
///     //             1.0 MB memory budget is left
///
/// `used` starts at what the session already holds (NetLang measures its state) and
/// grows with each reservation of the running statement; nothing is ever given back
/// during a statement, so the figure is an upper bound of the statement's peak.
public final class MemoryBudget {
    /// The bytes the session may hold.
    public let limit: Int
    /// Measured lazily: most statements never reserve anything large, and measuring a
    /// session walks all its tensors.
    private var measure: (() -> Int)?
    private var measured = 0
    private var reserved = 0

    /// `used` is called at most once, at the first reservation.
    public init(limit: Int, used: @escaping () -> Int) {
        self.limit = limit
        self.measure = used
    }

    public convenience init(limit: Int, used: Int = 0) {
        self.init(limit: limit, used: { used })
    }

    /// No limit (NetCore's own callers and tests that do not care).
    public static var unlimited: MemoryBudget { MemoryBudget(limit: Int.max) }

    /// Bytes held: what the session held when the statement started plus what it reserved since.
    public var used: Int {
        if let m = measure { measured = m(); measure = nil }
        let (sum, overflow) = measured.addingReportingOverflow(reserved)
        return overflow ? Int.max : sum
    }

    /// Bytes that may still be reserved.
    public var available: Int { max(0, limit - used) }

    /// Reserves room for `elements` Doubles (8 bytes each), or throws a `LimitError` that
    /// says how much `what` asked for and how much is left.
    public func reserve(elements: Int, for what: String) throws {
        let (bytes, overflow) = max(0, elements).multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
        try reserve(bytes: overflow ? Int.max : bytes, for: what)
    }

    /// Reserves rows×cols Doubles (overflow-safe).
    public func reserve(rows: Int, cols: Int, for what: String) throws {
        let (n, overflow) = max(0, rows).multipliedReportingOverflow(by: max(0, cols))
        try reserve(elements: overflow ? Int.max : n, for: what)
    }

    public func reserve(bytes: Int, for what: String) throws {
        guard bytes <= available else {
            throw LimitError("\(what) needs \(Self.describe(bytes: bytes)), but only \(Self.describe(bytes: available)) of the session's \(Self.describe(bytes: limit)) memory budget is left")
        }
        reserved += bytes
    }
}

extension MemoryBudget {
    /// 2 GB, or half of the memory this process may use when that is less.
    ///
    /// Why: a student laptop has 8–16 GB shared with a browser, an editor and the OS; 2 GB
    /// holds MNIST's 60000×784 training set (376 MB) several times over with a 784-512-512-10
    /// network training on it, while a runaway `zeros(50000000, 1)` in a loop (400 MB each)
    /// is stopped long before the machine swaps. On a small machine or a JupyterHub pod
    /// with a memory limit (cgroup `memory.max`), half of it leaves room for the kernel's
    /// own working memory (rendering, JSON, temporaries the budget does not count).
    public static let defaultLimit: Int = {
        let twoGB = 2_000_000_000
        guard let machine = physicalMemory() else { return twoGB }
        return min(twoGB, machine / 2)
    }()

    /// The smaller of the machine's RAM and the control group's limit, if known.
    public static func physicalMemory() -> Int? {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        var best: Int? = pages > 0 && size > 0 ? pages.multipliedReportingOverflow(by: size).partialValue : nil
        for file in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                  let bytes = Int(text.filter { !$0.isWhitespace }), bytes > 0 else { continue }
            best = min(best ?? bytes, bytes)
        }
        return best
    }

    /// "400.0 MB", "2.0 GB", "512 bytes": decimal units, as disks and `ls --si` count.
    public static func describe(bytes: Int) -> String {
        if bytes == Int.max { return "more than 9.2 EB" }
        if bytes < 1000 { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        let units = ["KB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 { value /= 1000; unit += 1 }
        let tenths = (value * 10).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
    }

    /// Bytes for "4GB", "512 MB", "1.5GiB", "2e9" (no unit: bytes). Nil when unreadable.
    public static func bytes(_ number: Double, unit: String?) -> Int? {
        let scale: Double
        switch unit?.lowercased() {
        case nil, "b", "bytes": scale = 1
        case "kb": scale = 1e3
        case "mb": scale = 1e6
        case "gb": scale = 1e9
        case "tb": scale = 1e12
        case "kib": scale = 1024
        case "mib": scale = 1024 * 1024
        case "gib": scale = 1024 * 1024 * 1024
        case "tib": scale = 1024 * 1024 * 1024 * 1024
        default: return nil
        }
        let value = number * scale
        guard value.isFinite, value >= 0, value < 9e18 else { return nil }
        return Int(value.rounded())
    }

    public static let units = ["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB"]
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
