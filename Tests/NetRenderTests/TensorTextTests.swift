import XCTest
import NetCore
import NetLang
@testable import NetRender

final class TensorTextTests: XCTestCase {
    let renderer = Renderer(settings: RenderSettings(precision: 4))

    func testNameShapeAndValues() {
        let text = renderer.text(.tensor(TensorView(name: "x", value: Tensor([[0.1, 0.2]]))))
        XCTAssertEqual(text, "x (1×2)\n  0.1000  0.2000")
    }

    func testScalarIsOneLine() {
        let text = renderer.text(.tensor(TensorView(name: "E", value: Tensor(scalar: 0.023971900751730026))))
        XCTAssertEqual(text, "E (1×1) = 0.0240")
    }

    func testAnonymousTensorShowsItsShape() {
        XCTAssertTrue(renderer.text(.tensor(TensorView(name: nil, value: Tensor([[1, 2], [3, 4]])))).hasPrefix("(2×2)\n"))
    }

    func testLargeTensorShowsFirstAndLastRowsAndColumns() {
        // 12×14 with element (r, c) = 1000 + 100 r + c, so each shown cell says where it came
        // from (and the values lie within a factor 1000 of each other: fixed form, as numpy).
        let t = Tensor(rows: 12, cols: 14, data: (0..<12).flatMap { r in (0..<14).map { Double(1000 + 100 * r + $0) } })
        let text = Renderer(settings: RenderSettings(precision: 0)).text(.tensor(TensorView(name: "big", value: t)))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "big (12×14)")
        XCTAssertEqual(lines.count, 1 + 3 + 1 + 3, text)
        let first = lines[1].split(separator: " ").map(String.init)
        XCTAssertEqual(first, ["1000", "1001", "1002", "...", "1011", "1012", "1013"])
        let last = lines[7].split(separator: " ").map(String.init)
        XCTAssertEqual(last, ["2100", "2101", "2102", "...", "2111", "2112", "2113"])
        XCTAssertEqual(lines[4].split(separator: " ").map(String.init), Array(repeating: "...", count: 6))
        XCTAssertEqual(Set(lines.dropFirst().map(\.count)).count, 1, "rows line up:\n\(text)")
    }

    func testNegativeValuesAlignOnThePoint() {
        let text = renderer.text(.tensor(TensorView(name: "W", value: Tensor([[-1.5, 2], [10.25, -0.125]]))))
        let rows = text.components(separatedBy: "\n").dropFirst()
        let points = rows.map { row in row.enumerated().filter { $0.element == "." }.map(\.offset) }
        XCTAssertEqual(Set(points.map { $0 }).count, 1, text)
    }

    /// numpy's rule (ArrayNumbers): a tensor is all scientific when its values span more
    /// than a factor 1000, or reach 1e8, or go below 1e-4. The expected text is numpy's
    /// `array2string(…, floatmode='fixed')` (tests-python/test_array_number_form.py
    /// compares many arrays with numpy itself).
    func testAHugeValueDoesNotTurnItsNeighboursIntoZeros() {
        func text(_ rows: [[Double]], _ precision: Int) -> String {
            Renderer(settings: RenderSettings(precision: precision)).text(.tensor(TensorView(name: "w", value: Tensor(rows))))
        }
        // The reported case: 0.5 beside 1e20 read 0.000. numpy: [[1.000e+20] [5.000e-01]].
        XCTAssertEqual(text([[1e20], [0.5]], 3), "w (2×1)\n  1.000e+20\n  5.000e-01")
        // Exponents padded to one width, as numpy pads them: [1.000e+100 5.000e-001].
        XCTAssertEqual(text([[1e100, 0.5]], 3), "w (1×2)\n  1.000e+100  5.000e-001")
        XCTAssertEqual(text([[1e9]], 2), "w (1×1) = 1.00e+09")
        // A factor of exactly 1000 stays fixed; just over it does not.
        XCTAssertEqual(text([[0.002, 2]], 3), "w (1×2)\n  0.002  2.000")
        XCTAssertEqual(text([[0.0019, 2]], 3), "w (1×2)\n  1.900e-03  2.000e+00")
        // Rounding noise (below 1e-12 of the largest) does not count, and reads 0, as before.
        XCTAssertEqual(text([[5, 0.1 + 0.2 - 0.3]], 4), "w (1×2)\n  5.0000  0.0000")
        // nan and inf do not count either.
        XCTAssertEqual(text([[.nan, 2, .infinity]], 1), "w (1×3)\n  nan  2.0  inf")
        // The HTML table shows the same text.
        let html = Renderer(settings: RenderSettings(precision: 3)).bundle(for: .tensor(TensorView(name: "w", value: Tensor([[1e20], [0.5]])))).html ?? ""
        XCTAssertTrue(html.contains(">5.000e-01</td>"), html)
    }
}
