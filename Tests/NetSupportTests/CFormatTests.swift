import Foundation
import XCTest
@testable import NetSupport

/// `cFormat` replaced `String(format:)` in the engine (Foundation costs the kernel 2.7 MB
/// idle); every number printed must stay as it was, so each format the engine uses is
/// checked against Foundation's, over values of every magnitude.
final class CFormatTests: XCTestCase {
    static let values: [Double] = {
        var v: [Double] = [0, -0.0, 1, -1, 0.5, 0.05, 0.125, 2.5, 0.023971900751730026, 1e-4, 9.99995e-5,
                           1e6, 999_999.95, 12_345.678, 1e15, 9e15, 1e-300, 2.4420e229, -3.7e-6,
                           .pi, -.pi, 1e-8, 1e-308, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                           .infinity, -.infinity, .nan]
        var rng = SplitMix64(seed: 7)
        for _ in 0..<400 {
            let exponent = Double(Int.random(in: -320...308, using: &rng))
            let mantissa = Double.random(in: -10...10, using: &rng)
            v.append(mantissa * Foundation.pow(10, exponent))
        }
        return v
    }()

    func testDoubleFormatsMatchFoundation() {
        var formats = ["%g", "%.2g", "%.4g", "%.0f", "%.1f", "%.1fk", "%.1fM"]
        for p in 0...17 { formats += ["%.\(p)f", "%.\(p)e"] }
        for format in formats {
            for v in Self.values {
                XCTAssertEqual(cFormat(format, v), String(format: format, v), "\(format) of \(v)")
            }
        }
    }

    func testIntegerFormatsMatchFoundation() {
        let ints = [0, 1, 5, 9, 10, 59, 60, 99, 100, 255, 3599, 3600, 86_399, 1_000_000, 2_147_483_647]
        for i in ints {
            XCTAssertEqual(cFormat("%02x", i), String(format: "%02x", i))
            XCTAssertEqual(cFormat("%dm%02ds", i / 60, i % 60), String(format: "%dm%02ds", i / 60, i % 60))
            XCTAssertEqual(cFormat("%dh%02dm", i / 3600, (i % 3600) / 60), String(format: "%dh%02dm", i / 3600, (i % 3600) / 60))
        }
    }

    func testLongResults() {
        // Longer than the first buffer: written again at its exact size.
        XCTAssertEqual(cFormat("%.17f", Double.greatestFiniteMagnitude).count, 309 + 18)
        XCTAssertEqual(cFormat("%.17f", 1e300), String(format: "%.17f", 1e300))
        XCTAssertEqual(cFormat("%.17f", -Double.greatestFiniteMagnitude), String(format: "%.17f", -Double.greatestFiniteMagnitude))
        XCTAssertEqual(cFormat("plain"), "plain")
    }
}

/// A seeded generator (SplitMix64), so the sampled values are the same on every run;
/// NetSupport has no random numbers of its own (NetCore's SeededGenerator sits above it).
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
