import XCTest
import NetCore

/// Numbers a user can type (nan, ±inf, ±1e308, 2^63) turned into counts, indices and
/// plot extents: an error or a usable value, never a trap.
final class CheckedNumberTests: XCTestCase {
    func testWholeNumbersInRangeAreExact() throws {
        XCTAssertEqual(try WholeNumber.exact(3, "epochs", in: 1...100), 3)
        XCTAssertEqual(try WholeNumber.exact(-0.0, "the seed", in: 0...10), 0)
        XCTAssertEqual(try WholeNumber.exact(9_007_199_254_740_992, "n"), 9_007_199_254_740_992)
    }

    func testEveryHostileNumberIsAnErrorNamingArgumentValueAndRange() {
        let cases: [(Double, String)] = [
            (.nan, "nan"), (-Double.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"),
            (1e308, "1e+308"), (-1e308, "-1e+308"), (9_223_372_036_854_775_808, "9.223372036854776e+18"),
            (2.5, "2.5"), (0, "0"), (-1, "-1"),
        ]
        for (v, shown) in cases {
            XCTAssertThrowsError(try WholeNumber.exact(v, "epochs", in: 1...100), "\(v)") { error in
                XCTAssertEqual((error as? ValueError)?.message, "epochs must be a whole number from 1 to 100, not \(shown)")
            }
        }
        XCTAssertThrowsError(try WholeNumber.exact(1e300, "the seed", in: 0...Int.max)) { error in
            XCTAssertEqual((error as? ValueError)?.message, "the seed must be a whole number from 0 to 2^53, not 1e+300")
        }
    }

    func testClampedPutsInfinitiesOnTheEdgeAndNanNowhere() {
        XCTAssertEqual(WholeNumber.clamped(1e308, to: 0...39), 39)
        XCTAssertEqual(WholeNumber.clamped(-.infinity, to: 0...39), 0)
        XCTAssertEqual(WholeNumber.clamped(.infinity, to: 0...39), 39)
        XCTAssertNil(WholeNumber.clamped(.nan, to: 0...39))
        XCTAssertEqual(WholeNumber.clamped(12.5, to: 0...39), 13)
        XCTAssertEqual(WholeNumber.clamped(12.9, to: 0...39, rounding: .down), 12)
    }

    func testDrawableRangeIsFiniteAndIncreasingWhateverTheValues() {
        let inputs: [[Double]] = [
            [], [.nan], [.nan, .infinity, -.infinity], [1e308], [-1e308, 1e308], [0, .nan],
            [5, 5], [1e300, 1e300], [-1e300, -1e300], [0, 1], [.greatestFiniteMagnitude, -.greatestFiniteMagnitude],
        ]
        for values in inputs {
            for (padding, minimumPad) in [(0.1, 0.1), (0.05, 0.0), (0.0, 0.0)] {
                let r = DrawableRange.covering(values, padding: padding, minimumPad: minimumPad)
                XCTAssertTrue(r.lowerBound.isFinite && r.upperBound.isFinite, "\(values)")
                XCTAssertLessThan(r.lowerBound, r.upperBound, "\(values)")
                XCTAssertTrue((r.upperBound - r.lowerBound).isFinite, "\(values)")
            }
        }
        // Ordinary values keep the plot they always had: 10% (at least 0.1) around them.
        let unit = DrawableRange.covering([0, 1], padding: 0.1, minimumPad: 0.1)
        XCTAssertEqual(unit.lowerBound, -0.1, accuracy: 1e-12)
        XCTAssertEqual(unit.upperBound, 1.1, accuracy: 1e-12)
        let two = DrawableRange.covering([.nan, 2], padding: 0.1, minimumPad: 0.1)
        XCTAssertEqual(two.lowerBound, 1.9, accuracy: 1e-12)
        XCTAssertEqual(two.upperBound, 2.1, accuracy: 1e-12)
        XCTAssertEqual(DrawableRange.checked(-5...5), -5...5)
        XCTAssertEqual(DrawableRange.checked(-1e308...1e308), -1e300...1e300)
    }
}
