import Foundation
import XCTest
import NetCore
@testable import NetLang
@testable import NetRender

/// `show graph` drawn as lesson 003 draws the apple-and-orange graph: each arrow with the
/// value it carries above it and, after `backward`, its gradient below it. The graphs are
/// built and differentiated by a real session; the expected numbers are the lesson's own
/// (price 715; dApple 2.2, dApple_num 110, dOrange 3.3, dOrange_num 165, dTax 650) or
/// computed here by hand.
final class GraphDrawingTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))
    let unicode = Renderer(settings: RenderSettings(precision: 4, style: .unicode))

    static let apples = """
        tensor apple = 100
        tensor apple_num = 2
        tensor orange = 150
        tensor orange_num = 3
        tensor tax = 1.1
        tensor apple_price = apple * apple_num
        tensor orange_price = orange * orange_num
        tensor all_price = apple_price + orange_price
        tensor price = all_price * tax
        """

    /// The graph `show graph NAME` gives after running `code` in a fresh session.
    private func graph(_ code: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> GraphView {
        var outputs: [Output] = []
        if let error = Session().run(code + "\nshow graph \(name)", emit: { output, _ in outputs.append(output) }) {
            XCTFail(error.formatted, file: file, line: line)
        }
        guard case .graph(let g)? = outputs.last else { throw XCTSkip("no graph") }
        return g
    }

    /// The drawing: the lines before the table.
    private func drawing(_ g: GraphView, _ renderer: Renderer) -> [String] {
        let lines = renderer.text(.graph(g)).components(separatedBy: "\n")
        return Array(lines.prefix { !$0.isEmpty })
    }

    /// The lines above and below the arrow that starts at the line beginning with `start`.
    private func around(_ lines: [String], _ start: String, file: StaticString = #filePath, line: UInt = #line) -> (above: String, below: String) {
        guard let i = lines.firstIndex(where: { $0.hasPrefix(start) }), i > 0 else {
            XCTFail("no arrow from '\(start)' in\n\(lines.joined(separator: "\n"))", file: file, line: line)
            return ("", "")
        }
        return (lines[i - 1], i + 1 < lines.count ? lines[i + 1] : "")
    }

    func testEachInputsArrowCarriesItsValueAboveAndTheLessonsGradientBelow() throws {
        let lines = drawing(try graph(Self.apples + "\nbackward price", "price"), ascii)
        XCTAssertEqual(lines[0], "graph of price: each arrow's value above it, dprice/d(that value) below it")
        let figures = [("apple ", "100.0000", "2.2000"), ("apple_num ", "2.0000", "110.0000"),
                       ("orange ", "150.0000", "3.3000"), ("orange_num ", "3.0000", "165.0000"),
                       ("tax ", "1.1000", "650.0000")]
        for (input, value, gradient) in figures {
            let (above, below) = around(lines, input)
            XCTAssertTrue(above.contains("\(value) ->"), "\(input): \(above)")
            XCTAssertTrue(below.contains("<- \(gradient)"), "\(input): \(below)")
        }
    }

    func testEachOperationsArrowCarriesItsResultAndGradient() throws {
        let lines = drawing(try graph(Self.apples + "\nbackward price", "price"), ascii)
        // Top to bottom: apple × apple_num, then +, then orange × orange_num, then × tax.
        let circles = lines.indices.filter { lines[$0].contains("(*)") || lines[$0].contains("(+)") }
        // The numbers of a circle's own arrow stand right of it, on the rows above and below.
        let arrows = circles.map { i -> (String, String) in
            let x = lines[i].distance(from: lines[i].startIndex, to: lines[i].range(of: "(")!.lowerBound)
            return (String(lines[i - 1].dropFirst(x)), String(lines[i + 1].dropFirst(x)))
        }
        let expected = [("200.0000 ->", "<- 1.1000"), ("650.0000 ->", "<- 1.1000"),
                        ("450.0000 ->", "<- 1.1000"), ("715.0000 ->", "<- 1.0000")]
        XCTAssertEqual(arrows.count, 4, lines.joined(separator: "\n"))
        for ((above, below), (value, gradient)) in zip(arrows, expected) {
            XCTAssertTrue(above.contains(value), "\(above) ≠ \(value)\n" + lines.joined(separator: "\n"))
            XCTAssertTrue(below.contains(gradient), "\(below) ≠ \(gradient)")
        }
        XCTAssertTrue(lines.contains { $0.hasSuffix(" price") }, "the result is named at the end of its arrow")
    }

    func testBeforeBackwardOnlyTheForwardValues() throws {
        let g = try graph(Self.apples, "price")
        XCTAssertTrue(g.nodes.allSatisfy { $0.grad == nil && $0.inputGrads == nil })
        let lines = drawing(g, ascii)
        XCTAssertEqual(lines[0], "graph of price: each arrow's value above it (backward price adds the gradients)")
        XCTAssertFalse(lines.joined().contains("<-"))
        XCTAssertTrue(around(lines, "tax ").above.contains("1.1000 ->"))
        // Another tensor's backward is not this graph's.
        XCTAssertNil(try graph(Self.apples + "\nbackward all_price", "price").nodes.last?.grad)
    }

    func testTheDrawingFitsATerminalAndTheStyleChoosesItsCharacters() throws {
        let g = try graph(Self.apples + "\nbackward price", "price")
        let plain = drawing(g, ascii)
        XCTAssertLessThanOrEqual(plain.map { TextWidth.of($0) }.max() ?? 0, GraphDrawingText.maxWidth)
        XCTAssertTrue(plain.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } }, plain.joined(separator: "\n"))
        let fancy = drawing(g, unicode).joined(separator: "\n")
        for mark in ["(×)", "(+)", "← 2.2000", "100.0000 →", "┐", "┘"] { XCTAssertTrue(fancy.contains(mark), mark) }
    }

    /// c = a·a + sigmoid(a) at a = 3: the two arrows into × carry a = 3 each, the one into
    /// sigmoid carries σ'(3) = σ(3)(1 − σ(3)); ∂c/∂a is their sum.
    func testAValueUsedThreeTimesShowsWhatEachArrowCarries() throws {
        let g = try graph("tensor a = 3\ntensor c = a * a + sigmoid(a)\nbackward c", "c")
        let s = 1 / (1 + exp(-3.0))
        let lines = drawing(g, ascii)
        let belows = lines.indices.filter { lines[$0].hasPrefix("a ") }.map { lines[$0 + 1].trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(belows.count, 3, lines.joined(separator: "\n"))
        XCTAssertEqual(belows.map { $0.split(separator: " ").prefix(2).joined(separator: " ") },
                       ["<- 3.0000", "<- 3.0000", "<- " + NumberFormat.shown(s * (1 - s), precision: 4)])
        XCTAssertEqual(lines.filter { $0.hasPrefix("a (again)") }.count, 2)
        XCTAssertEqual(g.nodes.first { $0.name == "a" }?.grad?.scalar ?? 0, 6 + s * (1 - s), accuracy: 1e-12)
    }

    func testTheSVGIsWellFormedWithEveryArrowsNumbers() throws {
        let g = try graph(Self.apples + "\nbackward price", "price")
        let svg = try XCTUnwrap(ascii.bundle(for: .graph(g)).svg)
        let probe = try XCTUnwrap(XMLProbe.parse(svg), "SVG is not well-formed XML")
        XCTAssertEqual(probe.rootAttributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(probe.elements["polyline"], 9, "one arrow per input of every node, and the result's")
        XCTAssertEqual(probe.elements["circle"], 4, "three × and one +")
        for number in ["100.0000", "2.2000", "2.0000", "110.0000", "150.0000", "3.3000", "3.0000", "165.0000",
                       "1.1000", "650.0000", "200.0000", "450.0000", "715.0000", "1.0000"] {
            XCTAssertTrue(probe.texts.contains(number), number)
        }
        XCTAssertEqual(svg.components(separatedBy: "fill=\"\(GraphSVG.gradientColor)\"").count - 1, 9, "a red gradient under every arrow")
        let before = try XCTUnwrap(ascii.bundle(for: .graph(try graph(Self.apples, "price"))).svg)
        XCTAssertFalse(before.contains(GraphSVG.gradientColor))
    }

    /// Bounded: a graph too large to draw is listed as a table, with no SVG (Jupyter then
    /// shows the table instead of a picture that says nothing).
    func testAGraphTooLargeToDrawIsListedAsATable() throws {
        let terms = (1...(GraphLayout.maxInputs + 1)).map { "x\($0)" }
        let code = terms.map { "tensor \($0) = 1" }.joined(separator: "\n") + "\ntensor s = " + terms.joined(separator: " + ") + "\nbackward s"
        let g = try graph(code, "s")
        let text = ascii.text(.graph(g))
        XCTAssertTrue(text.hasPrefix("(\(g.nodes.count) nodes: too many to draw"), text)
        XCTAssertTrue(text.contains("graph of s (grad = ds/dnode)"))
        XCTAssertNil(ascii.bundle(for: .graph(g)).svg)
        let deep = "tensor x = 1\ntensor y = " + String(repeating: "sigmoid(", count: GraphLayout.maxLevels + 1) + "x" + String(repeating: ")", count: GraphLayout.maxLevels + 1)
        XCTAssertNil(GraphLayout(try graph(deep, "y")))
    }
}
