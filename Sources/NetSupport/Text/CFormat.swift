#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A printf-style format, as the C library writes it:
///
///     cFormat("%.4e", 3.7e-6)             // "3.7000e-06"
///     cFormat("%dm%02ds", 1, 5)           // "1m05s"
///
/// Why not `String(format:)`: it lives in Foundation, and linking Foundation costs the
/// kernel 2.7 MB of idle memory; FoundationEssentials has no `String(format:)`. For the
/// numeric conversions used here (%d, %x, %f, %e, %g with flags, width and precision)
/// `String(format:)` hands the work to the same C `snprintf`, so the text is identical
/// (NetSupportTests checks that). Not for `%@` or `%s`: pass Swift strings by interpolation.
public func cFormat(_ format: String, _ arguments: CVarArg...) -> String {
    // Most results fit the first buffer; a longer one is written again at its exact size
    // (a va_list cannot be read twice, so each attempt makes its own).
    var buffer = [CChar](repeating: 0, count: 64)
    let length = Int(withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) })
    guard length >= 0 else { return "" }
    if length >= buffer.count {
        buffer = [CChar](repeating: 0, count: length + 1)
        _ = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
    }
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
