import XCTest
@testable import NetCore

/// Products above `MatrixProduct.interruptibleBlock` multiply-adds run as tiles of C (so
/// an interrupt can stop them between tiles); the tiles must add up to the same product
/// as one OpenBLAS call, for every combination of transposed operands.
final class BlockedProductTests: XCTestCase {
    func testTiledProductsEqualOneCall() throws {
        // 700·600·400 = 168·10⁶ multiply-adds: above the block, so several tiles.
        let (m, n, k) = (700, 600, 400)
        XCTAssertGreaterThan(m * n * k, MatrixProduct.interruptibleBlock)
        var g = SeededGenerator(seed: 11)
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = try Tensor.randn(transposeA ? k : m, transposeA ? m : k, using: &g)
            let b = try Tensor.randn(transposeB ? n : k, transposeB ? k : n, using: &g)
            var whole = [Double](repeating: 0, count: m * n), tiled = whole
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    MatrixProduct.multiply(m: m, n: n, k: k, a: pa.baseAddress!, transposeA: transposeA,
                                           b: pb.baseAddress!, transposeB: transposeB, c: &whole)
                }
            }
            try a.data.withUnsafeBufferPointer { pa in
                try b.data.withUnsafeBufferPointer { pb in
                    try MatrixProduct.multiplyInterruptibly(m: m, n: n, k: k, a: pa.baseAddress!, transposeA: transposeA,
                                                            b: pb.baseAddress!, transposeB: transposeB, c: &tiled)
                }
            }
            let worst = zip(whole, tiled).map { abs($0 - $1) }.max() ?? .nan
            XCTAssertLessThan(worst, 1e-10, "transposeA \(transposeA), transposeB \(transposeB)")
            // And both agree with the definition, at a few places.
            for (i, j) in [(0, 0), (m - 1, n - 1), (m / 2, 7)] {
                var sum = 0.0
                for p in 0..<k {
                    let x = transposeA ? a.data[p * m + i] : a.data[i * k + p]
                    let y = transposeB ? b.data[j * k + p] : b.data[p * n + j]
                    sum += x * y
                }
                XCTAssertEqual(tiled[i * n + j], sum, accuracy: 1e-10)
            }
        }
    }
}
