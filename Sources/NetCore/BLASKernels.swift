import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Which OpenBLAS kernels do the matrix products, and a switch to the fastest ones.
///
///     BLASKernels.preferFastestOnLoad()          // once, first thing in main(): the
///                                                // switch happens when OpenBLAS opens
///     let choice = BLASKernels.preferFastest()   // or now (opens OpenBLAS at once)
///     print(choice.summary)                      // "OpenBLAS core SkylakeX (was Haswell; CPU has AVX-512)"
///
/// Why: a DYNAMIC_ARCH OpenBLAS (Debian's 0.3.21) picks its kernels when the library
/// loads. On CPUs newer than the library (e.g. AMD Zen 4/5) it can fall back to
/// AVX2 "Haswell" kernels although the CPU runs AVX-512, which on one Zen 5 machine
/// meant ~60 instead of ~99 GFLOP/s for a 1024² DGEMM on one core.
/// OpenBLAS's documented override is the `OPENBLAS_CORETYPE` environment variable,
/// but it is read only while the library initializes. So right after OpenBLAS opens
/// (`OpenBLASLibrary`), `preferFastest` sets the variable and asks OpenBLAS's
/// dynamic dispatcher to choose again (`gotoblas_dynamic_quit` then
/// `gotoblas_dynamic_init`, the two functions its own constructor uses) — before
/// any product has been computed: opening happens once, inside the first product.
///
/// Who asks for it: `nb-kernel` (what students run, where speed matters; on first
/// use, so an idle kernel never maps OpenBLAS), `nb-run` (the same way, so that the
/// outputs it stores in notebooks are the kernel's to the last bit: kernel sets round
/// differently, e.g. Prescott without FMA against SkylakeX, and nbval compares the
/// full-precision JSON) and `nb-bench` (at once). The XCTest suites do not: their
/// figures are compared with tolerances.
///
/// It changes nothing when the user set `OPENBLAS_CORETYPE` (their choice wins),
/// when the CPU lacks the AVX-512 subsets SkylakeX kernels use, when OpenBLAS
/// already chose AVX-512 kernels, or when the library has no dynamic dispatcher.
public enum BLASKernels {
    public struct Choice: Equatable, Sendable {
        /// The core OpenBLAS uses now (`openblas_get_corename`).
        public var core: String
        /// The core before the switch, when there was one.
        public var previous: String?
        /// Why nothing changed, or why it did.
        public var reason: String
        public var summary: String {
            previous.map { "OpenBLAS core \(core) (was \($0); \(reason))" } ?? "OpenBLAS core \(core) (\(reason))"
        }
    }

    /// OpenBLAS core names whose DGEMM already uses AVX-512.
    static let avx512Cores: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
    /// The AVX-512 subsets OpenBLAS's SkylakeX kernels need (as /proc/cpuinfo names them).
    static let requiredFlags = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    /// The core OpenBLAS uses now, e.g. "Haswell" or "SkylakeX" (opens OpenBLAS).
    public static var currentCore: String { OpenBLASLibrary.shared.currentCore }

    /// Asks for `preferFastest` to run when OpenBLAS opens, on the first large product.
    /// Call once, at the start of an executable, before any matrix product.
    public static func preferFastestOnLoad() {
        OpenBLASLibrary.switchToFastestOnLoad = true
    }

    /// Switches OpenBLAS to its SkylakeX kernels when that is safe and faster (see
    /// the type's comment), opening it now. Call once, at the start of an executable,
    /// before any matrix product. After `preferFastestOnLoad()` it returns what the
    /// load decided.
    @discardableResult
    public static func preferFastest(environment: [String: String]? = nil,
                                     cpuFlags: Set<String>? = nil) -> Choice {
        let library = OpenBLASLibrary.shared
        if let decided = library.loadChoice, environment == nil, cpuFlags == nil { return decided }
        return preferFastest(in: library, environment: environment ?? ProcessInfo.processInfo.environment, cpuFlags: cpuFlags)
    }

    static func preferFastest(in library: OpenBLASLibrary,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              cpuFlags: Set<String>? = nil) -> Choice {
        let before = library.currentCore
        if let user = environment["OPENBLAS_CORETYPE"], !user.isEmpty {
            return Choice(core: before, previous: nil, reason: "OPENBLAS_CORETYPE=\(user) set by the user")
        }
        if avx512Cores.contains(before.lowercased()) {
            return Choice(core: before, previous: nil, reason: "already AVX-512 kernels")
        }
        let flags = cpuFlags ?? linuxCPUFlags()
        guard requiredFlags.allSatisfy(flags.contains) else {
            return Choice(core: before, previous: nil, reason: "CPU without AVX-512; kept OpenBLAS's choice")
        }
        // Looked up at run time: a build of OpenBLAS without DYNAMIC_ARCH has no dispatcher.
        guard let quit = library.dispatcherQuit, let initialize = library.dispatcherInit else {
            return Choice(core: before, previous: nil, reason: "this OpenBLAS has one fixed kernel set")
        }
        // Other threads may exist by now (the kernel's I/O threads); none of them reads
        // the environment while idle, and OpenBLAS reads it only inside `initialize()`.
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
        quit()
        initialize()
        // The variable stays set: child processes inherit the same kernels.
        return Choice(core: library.currentCore, previous: before, reason: "CPU has AVX-512")
    }

    /// The `flags` line of /proc/cpuinfo (empty elsewhere: no switch).
    static func linuxCPUFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
