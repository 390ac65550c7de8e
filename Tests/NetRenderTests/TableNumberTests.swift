import XCTest
import NetCore
import NetLang
@testable import NetRender

/// Numbers in tables and tensors: nan and inf aligned, huge values scientific, rounding
/// noise as 0, tiny values kept, counts without decimals and values with them.
final class TableNumberTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))

    func testNaNAndInfinityAreRightAlignedInTheirColumn() {
        let t = Tensor([[1.5, -2.25], [.nan, .infinity], [-10.25, -.infinity]])
        let text = ascii.text(.tensor(TensorView(name: "v", value: t)))
        XCTAssertEqual(text, """
            v (3×2)
                1.5000  -2.2500
                   nan      inf
              -10.2500     -inf
            """)
    }

    func testHugeNumbersAreScientificAtThePrecision() {
        XCTAssertEqual(NumberFormat.fixed(2.442037779636041e229, precision: 4), "2.4420e+229")
        XCTAssertEqual(NumberFormat.fixed(-1e16, precision: 2), "-1.00e+16")
        XCTAssertEqual(NumberFormat.fixed(-0.0, precision: 4), "0.0000")
    }

    func testRoundingNoiseBesideRealValuesShowsAsZero() {
        // 06-xor's untrained unit: z is 0 up to rounding (0.1 + 0.2 − 0.3 style), a = 0.5.
        let noise = 0.1 + 0.2 - 0.3
        let table = Table(title: "only", columns: ["sample", "z1", "o1"],
                          rows: [[.number(1), .number(-noise), .number(0.5)], [.number(2), .number(noise * 4), .number(0.5)]])
        XCTAssertEqual(ascii.text(.table(table)), """
            only
            sample      z1      o1
            ------  ------  ------
                 1  0.0000  0.5000
                 2  0.0000  0.5000
            """)
        // A small value that is not noise keeps its scientific form: a vanishing gradient.
        let t = Tensor([[0.99995460, 2.06106005e-09]])
        // (and, as numpy does, turns the whole tensor scientific: [9.9995e-01 2.0611e-09]).
        XCTAssertEqual(ascii.text(.tensor(TensorView(name: "p", value: t))), "p (1×2)\n  9.9995e-01  2.0611e-09")
        XCTAssertEqual(ascii.text(.tensor(TensorView(name: "z", value: Tensor([[5, noise]])))), "z (1×2)\n  5.0000  0.0000")
        XCTAssertTrue(ascii.bundle(for: .table(table)).html?.contains(">0.0000</td>") ?? false)
    }

    func testWholeValuesKeepTheirDecimalsOnlyCountsDropThem() {
        // 04's `backward L`: L = 13 and dL/dL = 1 read as values, like the tensor display's 13.0000.
        let backward = Table(title: "backward L", columns: ["tensor", "value", "dL/d(tensor)"], rows: [[.text("L"), .number(13), .number(1)]])
        XCTAssertEqual(ascii.text(.table(backward)).components(separatedBy: "\n")[3], "L       13.0000        1.0000")
        let train = Table(title: "train", columns: ["epochs", "steps", "batch", "lr"], rows: [[.number(2000), .number(2000), .number(4), .number(2)]])
        XCTAssertEqual(ascii.text(.table(train)).components(separatedBy: "\n")[3], "  2000   2000      4  2.0000")
        // A left-aligned last column leaves no trailing blanks.
        let check = Table(columns: ["parameter", "result"], rows: [[.text("W"), .text("pass")], [.text("b"), .text("FAIL")]])
        XCTAssertFalse(ascii.text(.table(check)).components(separatedBy: "\n").contains { $0.hasSuffix(" ") })
    }
}
