import XCTest
import NetCore

/// Both paths of MatrixProduct (plain loop for tiny sizes, OpenBLAS dgemm above the
/// threshold), with and without transposed operands, against a naive triple loop.
final class MatrixProductTests: XCTestCase {
    func naive(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int, ta: Bool, tb: Bool) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]) }
                c[i * n + j] = s
            }
        }
        return c
    }

    func testAllTranspositionsOnBothPaths() {
        var g = SeededGenerator(seed: 8)
        for (m, n, k) in [(2, 3, 4), (1, 1, 1), (40, 35, 50), (70, 3, 200)] {
            let a = (0..<(m * k)).map { _ in g.nextNormal() }
            let b = (0..<(k * n)).map { _ in g.nextNormal() }
            for ta in [false, true] {
                for tb in [false, true] {
                    let expected = naive(a, b, m: m, n: n, k: k, ta: ta, tb: tb)
                    for accumulate in [false, true] {
                        var c = [Double](repeating: 1, count: m * n)
                        a.withUnsafeBufferPointer { pa in
                            b.withUnsafeBufferPointer { pb in
                                c.withUnsafeMutableBufferPointer { pc in
                                    MatrixProduct.multiply(m: m, n: n, k: k, a: pa.baseAddress!, transposeA: ta,
                                                           b: pb.baseAddress!, transposeB: tb, c: pc.baseAddress!,
                                                           accumulate: accumulate)
                                }
                            }
                        }
                        for (u, v) in zip(c, expected) {
                            XCTAssertEqual(u, v + (accumulate ? 1 : 0), accuracy: 1e-11, "\(m)×\(n)×\(k) ta \(ta) tb \(tb)")
                        }
                    }
                }
            }
        }
    }
}
