import XCTest
import NetCore
@testable import NetRender

/// The one number formatter rounds as printf, numpy and Python do: the exact binary value,
/// to nearest, ties to even. Every expected string below is Python's `'%.*f' % (p, v)`
/// (C printf underneath), printed by
///
///     python3 -c "for v in [0.125, 0.375, 2.5, 3.5, -0.5, 2.675, 1e-5, -0.125, 0.285, 1.005]:
///                     print(repr(v), ['%.*f' % (p, v) for p in range(6)])"
///
/// except where NetBook deliberately differs, said at each place: a value that rounds to
/// zero has no sign ("0.00" where printf writes "-0.00").
final class NumberFormatTests: XCTestCase {
    /// Python's '%.*f' for precision 0...5.
    static let printf: [(Double, [String])] = [
        (0.125, ["0", "0.1", "0.12", "0.125", "0.1250", "0.12500"]),      // exactly 1/8: a tie, to even
        (0.375, ["0", "0.4", "0.38", "0.375", "0.3750", "0.37500"]),      // exactly 3/8: a tie, to even
        (2.5, ["2", "2.5", "2.50", "2.500", "2.5000", "2.50000"]),        // a tie at 0: to even, 2
        (3.5, ["4", "3.5", "3.50", "3.500", "3.5000", "3.50000"]),        // a tie at 0: to even, 4
        (-0.125, ["-0", "-0.1", "-0.12", "-0.125", "-0.1250", "-0.12500"]),
        (2.675, ["3", "2.7", "2.67", "2.675", "2.6750", "2.67500"]),      // 2.67499999… in binary
        (0.285, ["0", "0.3", "0.28", "0.285", "0.2850", "0.28500"]),      // 0.28499999… in binary
        (1.005, ["1", "1.0", "1.00", "1.005", "1.0050", "1.00500"]),      // 1.00499999… in binary
        (1e-5, ["0", "0.0", "0.00", "0.000", "0.0000", "0.00001"]),
        (-0.5, ["-0", "-0.5", "-0.50", "-0.500", "-0.5000", "-0.50000"]),
        (-0.0, ["-0", "-0.0", "-0.00", "-0.000", "-0.0000", "-0.00000"]),
    ]

    /// printf's text with the sign of a zero dropped (NetBook's one deliberate difference).
    static func unsignedZero(_ s: String) -> String {
        s.hasPrefix("-") && !s.contains(where: { $0 >= "1" && $0 <= "9" }) ? String(s.dropFirst()) : s
    }

    func testFixedRoundsTheExactBinaryValueAsPrintfDoes() {
        for (v, expected) in Self.printf {
            for (p, text) in expected.enumerated() {
                XCTAssertEqual(NumberFormat.fixed(v, precision: p), Self.unsignedZero(text), "\(v) at precision \(p)")
            }
        }
        // The examples in issue 11: one answer, whichever output shows the number.
        XCTAssertEqual(NumberFormat.fixed(0.125, precision: 2), "0.12")
        XCTAssertEqual(NumberFormat.fixed(2.5, precision: 0), "2")
        XCTAssertEqual(NumberFormat.fixed(3.5, precision: 0), "4")
        XCTAssertEqual(NumberFormat.fixed(0.023971900751730026, precision: 8), "0.02397190")
    }

    func testNanAndInfinitiesHaveNoDigits() {
        // Python: '%.2f' % float('nan') == 'nan', '%.2f' % float('inf') == 'inf', '-inf'.
        for p in [0, 2, 17] {
            XCTAssertEqual(NumberFormat.fixed(.nan, precision: p), "nan")
            XCTAssertEqual(NumberFormat.fixed(.infinity, precision: p), "inf")
            XCTAssertEqual(NumberFormat.fixed(-.infinity, precision: p), "-inf")
            XCTAssertEqual(NumberFormat.shown(.nan, precision: p), "nan")
            XCTAssertEqual(NumberFormat.significant(-.infinity, digits: p), "-inf")
        }
    }

    func testShownWritesWhatWouldReadAsZeroInScientificFormByTheSameRule() {
        // Python: '%.2e' % 1e-5 == '1.00e-05'; '%.0e' % 2.5e-5 == '3e-05' (2.5e-5 is
        // 2.50000000000000011e-05 in binary, above the tie); '%.4e' % 3.7e-6 == '3.7000e-06'.
        XCTAssertEqual(NumberFormat.shown(1e-5, precision: 2), "1.00e-05")
        XCTAssertEqual(NumberFormat.shown(2.5e-5, precision: 0), "3e-05")
        XCTAssertEqual(NumberFormat.shown(3.7e-6, precision: 4), "3.7000e-06")
        // -0.5 at precision 0 is printf's "-0": it would read as zero, so scientific ('%.0e' % -0.5).
        XCTAssertEqual(NumberFormat.shown(-0.5, precision: 0), "-5e-01")
        XCTAssertEqual(NumberFormat.shown(-0.0, precision: 3), "0.000")
    }

    func testSignificantDigitsForSentencesUseTheSameRule() {
        // Python: '%.*g' % (4, 0.05) == '0.05'; '%.*g' % (2, 2.442e229) == '2.4e+229';
        // '%.*g' % (6, 2.0) == '2'; '%.*g' % (2, 0.125) == '0.12' (a tie, to even).
        XCTAssertEqual(NumberFormat.significant(0.05, digits: 4), "0.05")
        XCTAssertEqual(NumberFormat.significant(2.442e229, digits: 2), "2.4e+229")
        XCTAssertEqual(NumberFormat.significant(2, digits: 6), "2")
        XCTAssertEqual(NumberFormat.significant(0.125, digits: 2), "0.12")
    }

    func testPrecisionBeyondADoublesDigitsIsClampedNotTrapped() {
        // Python: '%.17f' % 0.1 == '0.10000000000000001'.
        XCTAssertEqual(NumberFormat.fixed(0.1, precision: 17), "0.10000000000000001")
        XCTAssertEqual(NumberFormat.fixed(0.1, precision: 1000), "0.10000000000000001")
        XCTAssertEqual(NumberFormat.fixed(0.1, precision: -3), "0")
    }
}
