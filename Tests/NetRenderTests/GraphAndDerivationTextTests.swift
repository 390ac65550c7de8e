import XCTest
import NetCore
import NetLang
@testable import NetRender

final class GraphAndDerivationTextTests: XCTestCase {
    let renderer = Renderer(settings: RenderSettings(precision: 4))

    /// The table under the drawing (GraphDrawingTextTests checks the drawing): from its title on.
    private func table(_ graph: GraphView) -> String {
        let lines = renderer.text(.graph(graph)).components(separatedBy: "\n")
        let title = lines.lastIndex { $0.hasPrefix("graph of") } ?? 0
        return lines[title...].joined(separator: "\n")
    }

    private func row(_ text: String, _ node: String) -> [String]? {
        text.components(separatedBy: "\n")
            .first { $0.replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "`--", with: "   ")
                .replacingOccurrences(of: "--", with: "  ").split(separator: " ").first.map(String.init) == node }?
            .split(separator: " ").map(String.init)
    }

    func testAppleGraphShowsEveryNodeWithValueAndGradient() {
        let text = table(Fixtures.appleGraph)
        // Lesson 003's figures: value and d(price)/d(node) of each node.
        let expected: [(String, String, String)] = [
            ("price", "715.0000", "1.0000"), ("apple_price", "200.0000", "1.1000"),
            ("apple", "100.0000", "2.2000"), ("apple_num", "2.0000", "110.0000"),
            ("orange", "150.0000", "3.3000"), ("orange_num", "3.0000", "165.0000"),
            ("tax", "1.1000", "650.0000"),
        ]
        for (node, value, grad) in expected {
            guard let cells = row(text, node) else { XCTFail("no row for \(node) in:\n\(text)"); continue }
            XCTAssertEqual(Array(cells.suffix(2)), [value, grad], node)
        }
        XCTAssertTrue(text.hasPrefix("graph of price"))
        XCTAssertTrue(text.contains("mul(apple, apple_num)"))
        XCTAssertTrue(text.contains("add(apple_price, orange_price)"))
    }

    func testGraphIsATreeFromTheResult() {
        let lines = Array(table(Fixtures.appleGraph).components(separatedBy: "\n").dropFirst())
        let indent = { (name: String) -> Int? in
            lines.firstIndex { $0.contains(" \(name) ") || $0.hasPrefix("\(name) ") }
                .map { i in lines[i].distance(from: lines[i].startIndex, to: lines[i].range(of: name)!.lowerBound) }
        }
        XCTAssertEqual(indent("price"), 0)
        XCTAssertLessThan(indent("apple_price")!, indent("apple")!)
        XCTAssertEqual(indent("apple")!, indent("orange_num")!)
        XCTAssertEqual(Set(lines.map(\.count)).count, 1, "aligned columns")
        XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value < 128 || "×".unicodeScalars.contains($0) } })
    }

    func testGraphWithoutGradientsHasNoGradColumn() {
        var g = Fixtures.appleGraph
        for i in g.nodes.indices { g.nodes[i].grad = nil }
        let text = table(g)
        XCTAssertFalse(text.contains("grad"))
        XCTAssertTrue(text.contains("715.0000"))
    }

    func testSharedNodeIsExpandedOnce() {
        let s = { (v: Double) in Tensor(scalar: v) }
        let g = GraphView(root: "y", nodes: [
            .init(id: 0, name: "a", op: "input", value: s(3), grad: s(6), inputs: []),
            .init(id: 1, name: "b", op: "mul", value: s(9), grad: s(1), inputs: [0, 0]),
            .init(id: 2, name: "y", op: "add", value: s(18), grad: s(1), inputs: [1, 1]),
        ])
        let text = table(g)
        XCTAssertEqual(text.components(separatedBy: "(see above)").count - 1, 1, text)
    }

    func testDerivationShowsChainFactorsAndProduct() {
        let text = renderer.text(.derivation(Fixtures.classroomDerivation))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "∂E/∂w5 = ∂E/∂o1 × ∂o1/∂z3 × ∂z3/∂w5   (output.W[1, 1])")
        XCTAssertTrue(lines[1].hasPrefix("  ∂E/∂o1  = −(t1 − o1)"))
        XCTAssertTrue(lines[1].hasSuffix("= 0.2094"))
        XCTAssertTrue(lines[2].hasSuffix("= 0.2380"))
        XCTAssertTrue(lines[3].hasSuffix("= 0.5200"))
        // 0.2094460 × 0.2380216 × 0.5199893 = 0.0259229 (reference/classroom.py)
        XCTAssertEqual(lines[4], "  ∂E/∂w5  = 0.2094 × 0.2380 × 0.5200        = 0.0259")
        XCTAssertEqual(Set(lines[1...4].map { $0.count }).count, 1, text)
        XCTAssertTrue(lines[5].hasPrefix("With sgd at lr 0.5"))
    }

    func testProgressLine() {
        let p = NetLang.Progress(step: 120, totalSteps: 400, epoch: 3, totalEpochs: 10, loss: 0.1234,
                                 stepsPerSecond: 850, secondsLeft: 1.4, history: [])
        // 120/400 of a 20-wide bar: 6 filled, then the head.
        XCTAssertEqual(renderer.text(.progress(p)),
                       "epoch 3/10 [======>             ] step 120/400 loss 0.1234 850 steps/s 2s left")
        var done = p; done.step = 400
        XCTAssertTrue(renderer.text(.progress(done)).contains("[====================] step 400/400"))
        XCTAssertFalse(renderer.text(.progress(done)).contains("left"))
    }

    /// A very long run at precision 12 would make a 20-wide bar's line 113 columns: the bar
    /// gives way so the line stays within a classroom screen's 100, and still shows the share done.
    func testProgressLineStaysWithinAHundredColumns() {
        let wide = Renderer(settings: RenderSettings(precision: 12, style: .ascii))
        let p = NetLang.Progress(step: 123_456_789, totalSteps: 987_654_321, epoch: 12_345, totalEpochs: 98_765,
                                 loss: 1234.5678, stepsPerSecond: 12_345, secondsLeft: 7_000, history: [])
        let line = wide.text(.progress(p))
        XCTAssertEqual(line.count, 100, "the bar shrinks only as far as it must: \(line)")
        XCTAssertTrue(line.contains("step 123456789/987654321 loss 1234.5678"), line)
        let bar = line.split(separator: "[")[1].split(separator: "]")[0]
        XCTAssertEqual(bar.count, 7, "113 columns with a 20-wide bar, so 13 fewer: \(line)")
        XCTAssertEqual(bar, ">      ", "an eighth of 7 cells fills none yet")
    }

    func testErrorCaretAndColour() {
        let e = NetError(kind: "NameError", message: "unknown name 'hiden'", line: 2, column: 12, length: 5,
                         sourceLine: "tensor y = hiden.a", hint: "did you mean 'hidden'?")
        let plain = renderer.text(e)
        XCTAssertEqual(plain, e.formatted)
        XCTAssertFalse(plain.contains("\u{1B}"))
        let coloured = Renderer(settings: RenderSettings(), color: true).text(e)
        XCTAssertTrue(coloured.contains("\u{1B}[31m"))
        XCTAssertEqual(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression), plain)
    }

    func testCaretSitsUnderWideCharacters() {
        // Column 4 is the x after two Hangul syllables (two columns each) and a space: five columns in.
        let e = NetError(kind: "NameError", message: "unknown name 'x'", line: 1, column: 4, sourceLine: "사과 x")
        let lines = renderer.text(e).components(separatedBy: "\n")
        XCTAssertEqual(lines[2], "  " + String(repeating: " ", count: 5) + "^")
    }
}

final class GraphMatrixTests: XCTestCase {
    func testMatrixNodesShowTheirShapeInTheTreeAndTheirValuesBelow() {
        let g = GraphView(root: "L", nodes: [
            .init(id: 0, name: "W", op: "input", value: Tensor([[1, 2], [3, 4]]), grad: Tensor([[1, 1], [1, 1]]), inputs: []),
            .init(id: 1, name: "L", op: "sum", value: Tensor(scalar: 10), grad: Tensor(scalar: 1), inputs: [0]),
        ])
        let text = Renderer(settings: RenderSettings(precision: 1)).text(.graph(g))
        let wLine = text.components(separatedBy: "\n").first { $0.hasPrefix("`-- W") } ?? ""
        XCTAssertEqual(wLine.split(separator: " ").map(String.init), ["`--", "W", "input", "2×2", "2×2"], text)
        XCTAssertTrue(text.contains("W (2×2)\n  1.0  2.0\n  3.0  4.0"), text)
        XCTAssertTrue(text.contains("grad W (2×2)\n  1.0  1.0\n  1.0  1.0"), text)
    }
}
