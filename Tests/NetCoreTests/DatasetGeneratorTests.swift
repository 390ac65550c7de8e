import XCTest
@testable import NetCore

final class DatasetGeneratorTests: XCTestCase {
    func testXorDefaultIsTheTruthTable() throws {
        var rng = SeededGenerator(seed: 1)
        let d = try DatasetGenerator.make(.xor, rng: &rng)
        XCTAssertEqual(d.x, Tensor([[0, 0], [0, 1], [1, 0], [1, 1]]))
        XCTAssertEqual(d.y, Tensor([[0], [1], [1], [0]]))
        XCTAssertNil(d.classes)
    }

    func testShapesAndClassCounts() throws {
        var rng = SeededGenerator(seed: 7)
        for kind in DatasetGenerator.Kind.allCases where kind != .xor {
            let k = kind.acceptsClasses ? 4 : 2
            let d = try DatasetGenerator.make(kind, n: 101, classes: k, rng: &rng)
            XCTAssertEqual(d.x.rows, 101, "\(kind)")
            XCTAssertEqual(d.x.cols, 2, "\(kind)")
            XCTAssertEqual(d.y.rows, 101, "\(kind)")
            XCTAssertEqual(d.y.cols, 1, "\(kind)")
            XCTAssertEqual(d.classes, k, "\(kind)")
            // 101 points over k classes: as equal as possible, every class present.
            var counts = [Int](repeating: 0, count: k)
            for label in d.y.data { counts[Int(label) - 1] += 1 }
            XCTAssertEqual(counts.max()! - counts.min()!, 101 % k == 0 ? 0 : 1, "\(kind) \(counts)")
        }
    }

    func testSameSeedSameData_otherSeedOtherData() throws {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let d1 = try DatasetGenerator.make(.spiral, rng: &a)
        let d2 = try DatasetGenerator.make(.spiral, rng: &b)
        let d3 = try DatasetGenerator.make(.spiral, rng: &c)
        XCTAssertEqual(d1, d2)
        XCTAssertNotEqual(d1.x, d3.x)
    }

    func testSpiralWithoutNoiseFollowsItsFormula() throws {
        var rng = SeededGenerator(seed: 3)
        let d = try DatasetGenerator.make(.spiral, n: 6, noise: 0, classes: 2, rng: &rng)
        // Arm 1 (k = 1), third of its three points: t = 1, θ = 4 + 4 = 8.
        XCTAssertEqual(d.x[5, 0], sin(8.0), accuracy: 1e-15)
        XCTAssertEqual(d.x[5, 1], cos(8.0), accuracy: 1e-15)
        // Arm 0, middle point: t = 0.5, θ = 2.
        XCTAssertEqual(d.x[1, 0], 0.5 * sin(2.0), accuracy: 1e-15)
        XCTAssertEqual(d.y.data, [1, 1, 1, 2, 2, 2])
    }

    func testMoonsWithoutNoiseAreHalfCircles() throws {
        var rng = SeededGenerator(seed: 3)
        let d = try DatasetGenerator.make(.moons, n: 6, noise: 0, rng: &rng)
        XCTAssertEqual(d.x.nested[0], [1, 0])                    // class 1, t = 0
        XCTAssertEqual(d.x[2, 0], -1, accuracy: 1e-15)           // class 1, t = π
        XCTAssertEqual(d.x.nested[3], [0, 0.5])                  // class 2, t = 0
        XCTAssertEqual(d.x[4, 1], 0.5 - 1, accuracy: 1e-15)      // class 2, t = π/2
    }

    func testCircleClassesAreSeparatedByRadius() throws {
        var rng = SeededGenerator(seed: 9)
        let d = try DatasetGenerator.make(.circle, n: 200, noise: 0, rng: &rng)
        for i in 0..<d.count {
            let r = (d.x[i, 0] * d.x[i, 0] + d.x[i, 1] * d.x[i, 1]).squareRoot()
            if d.y.data[i] == 1 { XCTAssertLessThan(r, 0.5) } else { XCTAssertGreaterThanOrEqual(r, 0.7 - 1e-12) }
        }
    }

    func testNonsenseArgumentsAreRefusedWithAReason() {
        var rng = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try DatasetGenerator.make(.moons, n: 0, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "n: must be between 1 and 1000000, got 0")
        }
        XCTAssertThrowsError(try DatasetGenerator.make(.circle, noise: -1, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "noise: must be a number ≥ 0, got -1.0")
        }
        XCTAssertThrowsError(try DatasetGenerator.make(.moons, classes: 3, rng: &rng)) {
            XCTAssertEqual(($0 as? DataError)?.message, "moons always has 2 classes; classes: 3 is not possible")
        }
        XCTAssertThrowsError(try DatasetGenerator.make(.spiral, n: 2, classes: 3, rng: &rng))
    }
}
