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
        // 12×14 with element (r, c) = 100 r + c, so each shown cell says where it came from.
        let t = Tensor(rows: 12, cols: 14, data: (0..<12).flatMap { r in (0..<14).map { Double(100 * r + $0) } })
        let text = Renderer(settings: RenderSettings(precision: 0)).text(.tensor(TensorView(name: "big", value: t)))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "big (12×14)")
        XCTAssertEqual(lines.count, 1 + 3 + 1 + 3, text)
        let first = lines[1].split(separator: " ").map(String.init)
        XCTAssertEqual(first, ["0", "1", "2", "...", "11", "12", "13"])
        let last = lines[7].split(separator: " ").map(String.init)
        XCTAssertEqual(last, ["1100", "1101", "1102", "...", "1111", "1112", "1113"])
        XCTAssertEqual(lines[4].split(separator: " ").map(String.init), Array(repeating: "...", count: 6))
        XCTAssertEqual(Set(lines.dropFirst().map(\.count)).count, 1, "rows line up:\n\(text)")
    }

    func testNegativeValuesAlignOnThePoint() {
        let text = renderer.text(.tensor(TensorView(name: "W", value: Tensor([[-1.5, 2], [10.25, -0.125]]))))
        let rows = text.components(separatedBy: "\n").dropFirst()
        let points = rows.map { row in row.enumerated().filter { $0.element == "." }.map(\.offset) }
        XCTAssertEqual(Set(points.map { $0 }).count, 1, text)
    }
}
