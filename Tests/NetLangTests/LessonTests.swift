import XCTest
@testable import NetLang
import NetCore

/// The other lessons' worked examples, written in the language.
final class LessonTests: XCTestCase {
    /// Lesson 002: a 2-3-1 sigmoid network without bias on X = [[1, 2], [3, 4], [5, 6]], weights
    /// drawn by R's set.seed(1234); runif (numbers 13–21 of the stream in shared/seeds/README.md,
    /// beta filled column by column as R's matrix does). The lesson prints
    /// z_3 = 0.5904, 0.6900, 0.7205 and ŷ = 0.6435, 0.6660, 0.6727.
    func testLesson002BatchForward() throws {
        let r = Recorder()
        let out = r.run("""
        tensor X = [[1, 2], [3, 4], [5, 6]]
        layer hidden = dense(2 -> 3, sigmoid, bias: false,
                             weights: [[0.28273358359001577, 0.2923158402554691, 0.2862232846673578],
                                       [0.9234334842767566, 0.8372956281527877, 0.2668207800015807]])
        layer output = dense(3 -> 1, sigmoid, bias: false,
                             weights: [[0.18672278965823352], [0.23222591052763164], [0.31661245482973754]])
        forward X
        """)
        let tables = try XCTUnwrap(out.last?.0.tables)
        XCTAssertEqual(tables.count, 2)   // no target: no loss table
        let z3 = try XCTUnwrap(r.value("output.z")).data
        let yHat = try XCTUnwrap(r.value("output.a")).data
        for (got, want) in zip(z3, [0.5904, 0.6900, 0.7205]) { XCTAssertEqual(got, want, accuracy: 0.5e-4) }
        for (got, want) in zip(yHat, [0.6435, 0.6660, 0.6727]) { XCTAssertEqual(got, want, accuracy: 0.5e-4) }
        XCTAssertEqual(tables[1].columns, ["sample", "z4", "o1"])
        XCTAssertEqual(tables[1].rows.count, 3)
    }

    /// Lesson 004: softmax subtracts the maximum first, so large inputs do not overflow.
    func testLesson004SoftmaxOverflow() throws {
        let r = Recorder()
        let y = try XCTUnwrap(r.value("softmax([1010, 1000, 990])")).data
        // Reference/classroom_reference.py: np.exp(a - a.max()) / np.sum(np.exp(a - a.max()))
        XCTAssertEqual(y[0], 0.999954600070331, accuracy: 1e-15)
        XCTAssertEqual(y[1], 4.539786860886666e-05, accuracy: 1e-18)
        XCTAssertEqual(y[2], 2.061060046209062e-09, accuracy: 1e-21)
        XCTAssertEqual(r.scalar("sum(softmax([1010, 1000, 990]))"), 1, accuracy: 1e-15)
    }
}
