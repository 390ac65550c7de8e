import XCTest
import NetCore

/// Reductions, argmax, accuracy, slicing, constructors and the size limit.
final class ReductionAndSlicingTests: XCTestCase {
    let x = Tensor([[1, 5, 3], [4, 2, 6]])

    func testReductionsOverAllRowsAndCols() throws {
        XCTAssertEqual(try x.reduce(.sum), Tensor(scalar: 21))
        XCTAssertEqual(try x.reduce(.mean), Tensor(scalar: 3.5))
        XCTAssertEqual(try x.reduce(.sum, over: .rows), Tensor([[9], [12]]))
        XCTAssertEqual(try x.reduce(.mean, over: .cols), Tensor([[2.5, 3.5, 4.5]]))
        XCTAssertEqual(try x.reduce(.max, over: .rows), Tensor([[5], [6]]))
        XCTAssertEqual(try x.reduce(.min, over: .cols), Tensor([[1, 2, 3]]))
        XCTAssertEqual(try x.reduce(.max), Tensor(scalar: 6))
    }

    func testArgmaxIsOneBasedAndAccuracyTakesBothTargetForms() throws {
        XCTAssertEqual(try x.argmaxPerRow(), Tensor([[2], [3]]))
        let y = Tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6]])
        XCTAssertEqual(try Tensor.accuracy(y, Tensor([[2], [1], [1]])), 2.0 / 3.0)
        XCTAssertEqual(try Tensor.accuracy(y, Tensor([[0, 1, 0], [1, 0, 0], [0, 0, 1]])), 1.0)
        XCTAssertThrowsError(try Tensor.accuracy(y, Tensor([[4], [1], [1]])))
    }

    func testSlicingIsInclusiveAndOutOfRangeIsAnError() throws {
        XCTAssertEqual(try x.slice(rows: 1...1, cols: nil), Tensor([[4, 2, 6]]))
        XCTAssertEqual(try x.slice(rows: nil, cols: 1...2), Tensor([[5, 3], [2, 6]]))
        XCTAssertEqual(try x.slice(rows: 0...0, cols: 2...2), Tensor(scalar: 3))
        XCTAssertThrowsError(try x.slice(rows: 2...2, cols: nil)) { error in
            XCTAssertEqual((error as? ValueError)?.message,
                           "row index 3 is out of range for a 2×3 tensor (rows 1 to 2)")
        }
    }

    func testConstructors() throws {
        XCTAssertEqual(Tensor.zeros(2, 1), Tensor([[0], [0]]))
        XCTAssertEqual(Tensor.ones(1, 2), Tensor([[1, 1]]))
        XCTAssertEqual(Tensor.eye(2), Tensor([[1, 0], [0, 1]]))
        XCTAssertEqual(Tensor.linspace(-1, 1, 5), Tensor([[-1], [-0.5], [0], [0.5], [1]]))
        XCTAssertEqual(try Tensor.onehot(Tensor([[2], [1], [3]]), classes: 3),
                       Tensor([[0, 1, 0], [1, 0, 0], [0, 0, 1]]))
        XCTAssertThrowsError(try Tensor.onehot(Tensor([[0]]), classes: 3))
    }

    func testSizeLimitRefusesBeforeAllocating() {
        XCTAssertNoThrow(try Tensor.checkSize(rows: 5000, cols: 10000))
        XCTAssertThrowsError(try Tensor.checkSize(rows: 10000, cols: 10000)) { error in
            XCTAssertTrue(error is LimitError)
        }
        XCTAssertThrowsError(try Tensor.checkSize(rows: Int.max, cols: 3)) { XCTAssertTrue($0 is LimitError) }
        XCTAssertThrowsError(try Tensor.checkSize(rows: -1, cols: 3)) { XCTAssertTrue($0 is ValueError) }
    }
}

/// Gathering rows for shuffled mini-batches.
final class GatherRowsTests: XCTestCase {
    func testGatherRowsInOrderAndReuse() throws {
        let x = Tensor([[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(try x.gatherRows([2, 0]), Tensor([[5, 6], [1, 2]]))
        var out = Tensor.zeros(2, 2)
        try x.gatherRows([1, 1], into: &out)
        XCTAssertEqual(out, Tensor([[3, 4], [3, 4]]))
        XCTAssertThrowsError(try x.gatherRows([3])) { XCTAssertTrue($0 is ValueError) }
    }
}
