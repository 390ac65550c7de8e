import CBLAS
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS, opened on the first matrix product large enough to need it.
///
///     OpenBLASLibrary.shared.dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n)
///
/// Why not link it: a linked OpenBLAS is mapped, relocated and starts its thread pool
/// before `main`, about 2.2 MB of resident memory plus a thread, in every kernel — also
/// in one that only ever runs the lessons' 2×2 products (those use the plain loop of
/// `MatrixProduct`). Opened here, an idle `nb-kernel` stays without it; the first large
/// product pays the few milliseconds of loading once. `static let` makes the first use
/// thread-safe (Swift runs the initializer exactly once).
///
/// The CBLAS module (Sources/CBLAS) still provides the header, so the function types and
/// constants below are OpenBLAS's own declarations, not copies.
public struct OpenBLASLibrary: @unchecked Sendable {
    @usableFromInline typealias DGEMM = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE,
                                      blasint, blasint, blasint, Double,
                                      UnsafePointer<Double>?, blasint,
                                      UnsafePointer<Double>?, blasint, Double,
                                      UnsafeMutablePointer<Double>?, blasint) -> Void
    typealias CoreName = @convention(c) () -> UnsafeMutablePointer<CChar>?
    typealias VoidFunction = @convention(c) () -> Void

    /// The soname Debian's libopenblas0 (pthread, openmp or serial variant) installs.
    static let soname = "libopenblas.so.0"

    /// What the first load should do about the kernels OpenBLAS picks (see `BLASKernels`).
    /// Set once, at the start of an executable, before any product.
    nonisolated(unsafe) static var switchToFastestOnLoad = false

    /// The library, opened on first use; `loadChoice` says which kernels it runs.
    @usableFromInline static let shared: OpenBLASLibrary = open()

    @usableFromInline let dgemm: DGEMM
    let coreName: CoreName
    /// OpenBLAS's dynamic dispatcher (absent from builds without DYNAMIC_ARCH).
    let dispatcherQuit: VoidFunction?
    let dispatcherInit: VoidFunction?
    /// What `BLASKernels.preferFastest` decided when the library was opened, if it ran.
    private(set) var loadChoice: BLASKernels.Choice?

    private static func open() -> OpenBLASLibrary {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            // No BLAS means no large products: an installation problem, not a cell's mistake.
            fatalError("NetBook needs OpenBLAS for matrix products and could not open \(soname): \(reason). "
                       + "On Debian: sudo apt-get install libopenblas0 (make run installs it).")
        }
        func function<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let dgemm = function("cblas_dgemm", as: DGEMM.self),
              let coreName = function("openblas_get_corename", as: CoreName.self) else {
            fatalError("\(soname) lacks cblas_dgemm or openblas_get_corename: not an OpenBLAS library")
        }
        var library = OpenBLASLibrary(dgemm: dgemm, coreName: coreName,
                                      dispatcherQuit: function("gotoblas_dynamic_quit", as: VoidFunction.self),
                                      dispatcherInit: function("gotoblas_dynamic_init", as: VoidFunction.self),
                                      loadChoice: nil)
        if switchToFastestOnLoad {
            library.loadChoice = BLASKernels.preferFastest(in: library)
        }
        return library
    }

    /// The core OpenBLAS uses now, e.g. "Haswell" or "SkylakeX".
    var currentCore: String {
        guard let name = coreName() else { return "unknown" }
        return String(String(cString: name).filter { !$0.isWhitespace })
    }
}
