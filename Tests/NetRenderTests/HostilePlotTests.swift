import XCTest
import NetCore
@testable import NetLang
@testable import NetRender

/// Issue 10, item 1, for pictures: cells whose numbers are nan, ±inf or ±1e308 render to
/// every MIME type (text, SVG, JSON) instead of trapping, and the session goes on.
final class HostilePlotTests: XCTestCase {
    /// Runs `cell` in `session` and renders each output to every form; returns the bundles.
    private func render(_ cell: String, in session: Session, file: StaticString = #filePath, line: UInt = #line) -> [MimeBundle] {
        var bundles: [MimeBundle] = []
        let renderer = Renderer(settings: session.settings)
        let error = session.run(cell) { output, _ in bundles.append(renderer.bundle(for: output)) }
        XCTAssertNil(error, "\(cell): \(error?.formatted ?? "")", file: file, line: line)
        return bundles
    }

    /// The first reproducer: a decision plot after a forward on nan (it trapped on an empty
    /// range), and the same after 1e308 (it trapped turning a nan fraction into a row).
    func testDecisionPlotsAfterNanOrHugeInputsRenderEverywhere() throws {
        for value in ["0/0", "1/0", "-1/0", "1e308", "-1e308", "2^63"] {
            let session = Session()
            _ = render("layer h = dense(2 -> 4, relu)\nforward [[0, \(value)]]", in: session)
            let bundles = render("plot decision", in: session)
            let plot = try XCTUnwrap(bundles.first, value)
            XCTAssertTrue(plot.plain.contains("decision"), value)
            // Every tick label is a finite number, so is every SVG coordinate.
            let svg = try XCTUnwrap(plot.svg, value)
            XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), value)
            XCTAssertEqual(render("print 6 * 7", in: session).first?.plain, "42.0000\n")
        }
    }

    func testScatterAndLinePlotsOfExtremeValuesRender() throws {
        let session = Session()
        for cell in ["plot [[1e308, -1e308], [-1e308, 1e308], [0/0, 1], [1/0, 2]]",
                     "plot [1e308, -1e308, 0/0, 1/0, 5]",
                     "plot [[1.7976931348623157e308], [5e-324], [-1.7976931348623157e308]]",
                     "dataset s = gaussian(n: 50, noise: 1e6)"] {
            let bundles = render(cell, in: session)
            let svg = try XCTUnwrap(bundles.last?.svg, cell)
            XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), cell)
            XCTAssertTrue(bundles.last?.plain.contains("+--") ?? false, cell)   // the x axis is drawn
        }
    }

    /// A 3000-node chain (as a restored session file can hold) draws its tree to a
    /// bounded depth instead of one stack frame and four more columns per level.
    func testAGraphDeeperThanTheTreeLimitStopsAtIt() throws {
        let n = 3_000
        let nodes = (0..<n).map { i in
            GraphView.Node(id: i, name: i == n - 1 ? "a" : nil, op: i == 0 ? "input" : "add",
                           value: Tensor(scalar: Double(i)), grad: Tensor(scalar: 1), inputs: i == 0 ? [] : [i - 1])
        }
        let text = try GraphText(precision: 4).render(GraphView(root: "a", nodes: nodes))
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("(its inputs are deeper than 100 levels") }.count, 1)
        XCTAssertLessThan(lines.count, GraphText.maxDepth + 10)
        XCTAssertLessThan(lines.map(\.count).max() ?? 0, 4 * GraphText.maxDepth + 200)
    }
}
