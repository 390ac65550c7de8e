import XCTest
@testable import NetCore

/// Sizes a user chose are checked before anything is allocated: negative sizes and sizes
/// beyond the limit are errors with a message, not crashes.
final class SizeCheckTests: XCTestCase {
    func testNegativeSizesThrowAValueError() {
        XCTAssertThrowsError(try Tensor.checkSize(rows: -1, cols: 2)) { error in
            XCTAssertTrue(error is ValueError)
            XCTAssertEqual((error as? NetCoreError)?.message, "tensor size -1×2 is negative")
        }
    }

    func testSizesBeyondTheLimitSayHowManyElements() {
        XCTAssertThrowsError(try Tensor.checkSize(rows: 3, cols: 4, limit: 10)) { error in
            XCTAssertTrue(error is LimitError)
            XCTAssertEqual((error as? NetCoreError)?.message, "tensor of size 3×4 has 12 elements, beyond the session's limit of 10")
        }
        XCTAssertThrowsError(try Tensor.checkSize(rows: Int.max, cols: 2)) { error in
            XCTAssertTrue((error as? NetCoreError)?.message.contains("more than \(Int.max) elements") ?? false)
        }
    }

    func testADenseLayerWithANegativeSizeThrows() {
        var g = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try Dense(name: "h", inputs: -3, outputs: 2, activation: .sigmoid, using: &g)) { error in
            XCTAssertEqual((error as? NetCoreError)?.message, "layer 'h' must have at least 1 input and 1 output, got -3 -> 2")
        }
    }
}
