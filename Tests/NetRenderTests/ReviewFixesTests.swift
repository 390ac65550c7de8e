import XCTest
import NetCore
import NetLang
@testable import NetRender

/// What a student sees in plots, tensors and `explain`, after the review of this session.
final class ReviewFixesTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))
    let unicode = Renderer(settings: RenderSettings(precision: 4, style: .unicode))

    /// The x axis line under the canvas: the one starting with the corner.
    private func xRule(_ text: String, corner: Character) -> String? {
        text.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).first == corner }
    }

    func testXAxisStartsWithTheCornerNotADoubleTick() throws {
        // The sigmoid/relu plot has a tick at x = -5, its first column.
        let rule = try XCTUnwrap(xRule(ascii.text(.plot(Fixtures.sigmoidReluPlot)), corner: "+"))
        XCTAssertFalse(rule.contains("++"), rule)
        XCTAssertTrue(rule.trimmingCharacters(in: .whitespaces).hasPrefix("+-"), rule)
        let fine = try XCTUnwrap(xRule(unicode.text(.plot(Fixtures.sigmoidReluPlot)), corner: "└"))
        XCTAssertTrue(fine.trimmingCharacters(in: .whitespaces).hasPrefix("└─"), fine)
    }

    func testAnAxisThatCannotEndOnTicksIsStillRounded() {
        // Steps 1…300: no nice step has 1 on a tick, so the axis is 0…300 as before.
        let plot = Plot(kind: .line, title: "loss", xLabel: "step", yLabel: "loss",
                        series: [.init(label: "loss", x: (1...300).map(Double.init), y: (1...300).map { 1 / Double($0) })])
        let lines = ascii.text(.plot(plot)).components(separatedBy: "\n")
        XCTAssertEqual(lines[lines.count - 2].split(separator: " ").map(String.init), ["0", "50", "100", "150", "200", "250", "300"])
    }

    func testThreeASCIISeriesAreAllDrawnWithMarksThatAreNotTicks() {
        let xs = (0...40).map { Double($0) / 4 }
        let plot = Plot(kind: .line, title: "three", xLabel: "x", yLabel: "y", series: [
            .init(label: "low", x: xs, y: xs.map { _ in 0 }),
            .init(label: "mid", x: xs, y: xs.map { _ in 5 }),
            .init(label: "high", x: xs, y: xs.map { _ in 10 }),
        ])
        let text = ascii.text(.plot(plot))
        let lines = text.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("legend: * low   o mid   x high"), text)
        // Each series is a full row of its own mark inside the frame.
        for mark in ["*", "o", "x"] {
            XCTAssertTrue(lines.contains { $0.contains(String(repeating: mark, count: 50)) }, "\(mark) in:\n\(text)")
        }
    }

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

    func testHugeTickLabelsKeepTheDigitsThatTellThemApart() {
        // A diverging loss: ticks 5e303 apart must not all read "1e+304".
        XCTAssertEqual(NumberFormat.tick(1.5e304, step: 5e303), "1.5e+304")
        XCTAssertEqual(NumberFormat.tick(1e304, step: 5e303), "1.0e+304")
        XCTAssertEqual(NumberFormat.tick(2e20, step: 1e20), "2e+20")
    }

    func testHugeNumbersAreScientificAtThePrecision() {
        XCTAssertEqual(NumberFormat.fixed(2.442037779636041e229, precision: 4), "2.4420e+229")
        XCTAssertEqual(NumberFormat.fixed(-1e16, precision: 2), "-1.00e+16")
        XCTAssertEqual(NumberFormat.fixed(-0.0, precision: 4), "0.0000")
    }

    /// A batch of two samples through one sigmoid unit, half_sse: the factors shown are sample 1's,
    /// and the gradient is the sum of both samples' products. Numbers computed here by hand:
    /// x = [[0.1, 0.2], [0.3, 0.4]], W[:, 1] = [0.3, 0.25], t1 = 0.4 and 1.
    func testExplainOnABatchSaysWhichSampleAndSumsTheProducts() {
        func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        let o = [sigmoid(0.1 * 0.3 + 0.2 * 0.25), sigmoid(0.3 * 0.3 + 0.4 * 0.25)]
        let t = [0.4, 1.0], x1 = [0.1, 0.3]
        var products: [Double] = []
        for s in 0..<2 {
            let dEdO: Double = -(t[s] - o[s])
            let dOdZ: Double = o[s] * (1 - o[s])
            products.append(dEdO * dOdZ * x1[s])
        }
        var d = Derivation(parameter: "h.W[1, 1]", symbol: "∂E/∂W1", latex: "\\frac{\\partial E}{\\partial W_1}", factors: [
            .init(symbol: "∂E/∂o1", latex: "", formula: "−(t1 − o1)", value: -(t[0] - o[0])),
            .init(symbol: "∂o1/∂z1", latex: "", formula: "o1(1 − o1)", value: o[0] * (1 - o[0])),
            .init(symbol: "∂z1/∂W1", latex: "", formula: "x1", value: x1[0]),
        ], value: products[0] + products[1])
        d.sampleProducts = products
        let lines = ascii.text(.derivation(d)).components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasSuffix("(h.W[1, 1]; the factors of sample 1 of 2)"), lines[0])
        XCTAssertEqual(lines[4], "  sample 1 = 0.1200 × 0.2496 × 0.1000               =  0.0030")
        XCTAssertEqual(lines[5], "  ∂E/∂W1   = sum over 2 samples: 0.0030 + (-0.0336) = -0.0306")
        let markdown = ascii.bundle(for: .derivation(d)).markdown ?? ""
        XCTAssertTrue(markdown.contains("Factors of sample 1 of 2"), markdown)
        XCTAssertTrue(markdown.contains("\\text{sample 1:} &\\quad 0.1200 \\times 0.2496 \\times 0.1000 \\\\ &= 0.0030"), markdown)
    }
}

/// Tables as a teacher reads them: rounding noise as 0, gaps under the numbers, named classes.
final class ReviewTableTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))

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

    func testTheGapRowOfALongTableSitsUnderTheNumbers() {
        let rows: [[Cell]] = (1...50).map { [.number(Double($0)), .number(1 / Double($0))] }
        let lines = ascii.text(.table(Table(title: "loss history", columns: ["step", "loss"], rows: rows)))
            .components(separatedBy: "\n")
        XCTAssertEqual(Array(lines[1...4]), ["step    loss", "----  ------", "   1  1.0000", "   2  0.5000"])
        XCTAssertEqual(lines[13], " ...     ...")
        XCTAssertEqual(lines[14], "  41  0.0244")
    }

    func testClassNamesReplaceClassNumbersInLegends() {
        var plot = Fixtures.twoClassScatter
        plot.classNames = ["t = 0", "t = 1"]
        XCTAssertTrue(ascii.text(.plot(plot)).hasSuffix("legend: o t = 0   x t = 1"))
        XCTAssertTrue(ascii.bundle(for: .plot(plot)).svg?.contains(">t = 0<") ?? false)
        XCTAssertTrue(ascii.text(.plot(Fixtures.twoClassScatter)).hasSuffix("legend: o class 1   x class 2"))
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

    func testTableCaptionsStayOnOneLine() {
        let html = ascii.bundle(for: .table(Fixtures.mixedTable)).html ?? ""
        XCTAssertTrue(html.contains("<caption style=\"white-space: nowrap; text-align: left; font-family: monospace\">forward hidden</caption>"), html)
    }

    /// A long caption widens the table's columns; each header sits on its numbers' side
    /// (right for numbers, left for text), so it stays above them however wide the column.
    func testHeadersSitOnTheSideOfTheirNumbers() throws {
        var table = Fixtures.mixedTable
        table.title = "output: z = hidden.a @ W + b, a = softmax(z), a caption much wider than the numbers"
        let html = try XCTUnwrap(ascii.bundle(for: .table(table)).html)
        let headers = html.components(separatedBy: "<th ").dropFirst().map { String($0.prefix { $0 != "<" }) }
        XCTAssertEqual(headers.count, 3, html)
        XCTAssertTrue(headers[0].contains("text-align: left") && headers[0].hasSuffix(">sample"), headers[0])
        for header in headers[1...] {
            XCTAssertTrue(header.contains("text-align: right"), header)
        }
        let numberCell = try XCTUnwrap(html.components(separatedBy: "<td ").dropFirst(2).first)   // row 1, z1
        XCTAssertTrue(numberCell.contains("text-align: right"), numberCell)
    }
}
