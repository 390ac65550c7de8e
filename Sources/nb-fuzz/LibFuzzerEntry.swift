import Foundation

/// libFuzzer's entry point. The sanitizer build (fuzz/libfuzzer.sh, `-sanitize=fuzzer,address
/// -DFUZZING`) links libFuzzer; SwiftPM's own `main` (main.swift) then hands the process to
/// `LLVMFuzzerRunDriver` with this function. In an ordinary build it is simply unused.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size <= LibFuzzer.target.maximumBytes else { return 0 }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    LibFuzzer.target.run(bytes)
    return 0
}

enum LibFuzzer {
    /// NB_FUZZ_TARGET: libFuzzer owns the command line.
    static let target = FuzzTarget.fromEnvironment

    #if FUZZING
    /// Runs libFuzzer with the program's arguments (-max_total_time=…, corpus folders).
    static func run() -> Never {
        _ = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
    #endif
}

#if FUZZING
// libFuzzer's driver for programs that keep their own main (compiler-rt, FuzzerInterface.h).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
