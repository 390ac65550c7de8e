import XCTest
import NetCore
import NetLang
@testable import NetRender

final class PlotTextTests: XCTestCase {
    let ascii = Renderer(settings: RenderSettings(precision: 4, style: .ascii))
    let unicode = Renderer(settings: RenderSettings(precision: 4, style: .unicode))

    private func isASCII(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.value < 128 } }

    func testASCIIPlotsUseOnlyASCII() {
        for plot in [Fixtures.sigmoidReluPlot, Fixtures.twoClassScatter, Fixtures.decision] {
            let text = ascii.text(.plot(plot))
            XCTAssertTrue(isASCII(text), "non-ASCII in:\n\(text)")
        }
    }

    func testLinePlotHasTitleAxisLabelsTicksAndLegend() {
        let text = ascii.text(.plot(Fixtures.sigmoidReluPlot))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0].trimmingCharacters(in: .whitespaces), "sigmoid, relu")
        XCTAssertEqual(lines[1], "y")
        // x runs from -5 to 5, y from 0 to 5: ticks at whole steps, labelled; the x axis spans
        // exactly -5…5 (a curve drawn from -5 to 5 starts at the left edge).
        let xTicks = lines[lines.count - 3].split(separator: " ").map(String.init)
        XCTAssertEqual(xTicks, ["-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5"])
        for label in ["0", "1", "2", "3", "4", "5"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix("\(label) +") }, "y tick \(label) in:\n\(text)")
        }
        XCTAssertEqual(lines[lines.count - 2].trimmingCharacters(in: .whitespaces), "x")
        XCTAssertEqual(lines.last, "legend: * sigmoid   o relu")
    }

    /// Lesson 05's plot: step and relu are both 0 left of the origin, step and tanh both near 1
    /// on the right. Every curve's marker must still show where they meet, and the legend
    /// names each marker once.
    func testCurvesThatCoincideAreAllVisible() throws {
        let xs = (0..<101).map { -5 + Double($0) / 10 }
        func series(_ label: String, _ f: (Double) -> Double) -> Plot.Series { .init(label: label, x: xs, y: xs.map(f)) }
        let plot = Plot(kind: .line, title: "step, relu, tanh", xLabel: "z", yLabel: "a", series: [
            series("step") { $0 >= 0 ? 1 : 0 }, series("relu") { max(0, $0) }, series("tanh") { Foundation.tanh($0) }])
        let text = try PlotText(unicode: false).render(plot)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0].trimmingCharacters(in: .whitespaces), "step, relu, tanh")
        XCTAssertEqual(lines[1], "a")
        XCTAssertEqual(lines.last, "legend: * step   o relu   x tanh")
        // The row of a = 0 left of the origin holds both step's '*' and relu's 'o'.
        func row(_ tick: String) throws -> Substring {
            let line = try XCTUnwrap(lines.first { $0.drop { $0 == " " }.hasPrefix(tick + " +") }, text)
            return line.split(separator: "+", maxSplits: 1)[1]
        }
        let left = try row("0").prefix(25)
        XCTAssertTrue(left.contains("*") && left.contains("o"), "step hidden behind relu:\n\(text)")
        // The row of a = 1 right of the origin holds step's '*' and tanh's 'x'.
        let right = try row("1").suffix(20)
        XCTAssertTrue(right.contains("*") && right.contains("x"), "step hidden behind tanh:\n\(text)")
    }

    func testOneSeriesHasNoLegend() {
        let loss = Plot(kind: .line, title: "loss", xLabel: "step", yLabel: "loss",
                        series: [.init(label: "loss", x: [1, 2, 3, 4], y: [0.4, 0.3, 0.25, 0.2])])
        XCTAssertFalse(ascii.text(.plot(loss)).contains("legend"))
    }

    func testTickLabelsSitUnderTheirTicks() {
        let text = ascii.text(.plot(Fixtures.sigmoidReluPlot))
        let lines = text.components(separatedBy: "\n")
        let rule = lines[lines.count - 4], labels = lines[lines.count - 3]
        // The tick for 0 is the '+' under which "0" is printed.
        let zero = labels.firstIndex(of: "0").map { labels.distance(from: labels.startIndex, to: $0) }
        XCTAssertNotNil(zero)
        if let zero { XCTAssertEqual(Array(rule)[zero], "+", "rule:\n\(rule)\n\(labels)") }
    }

    func testLineGoesThroughItsPoints() throws {
        // y = x from 0 to 10 on a 60×15 canvas: the first row's mark is at the right end,
        // the last row's at the left end.
        let plot = Plot(kind: .line, title: "", xLabel: "", yLabel: "",
                        series: [.init(label: "y", x: [0, 10], y: [0, 10])])
        let rows = try PlotText(unicode: false).render(plot).components(separatedBy: "\n").filter { $0.contains("|") || $0.contains(" +") }
        let top = rows.first { $0.contains("*") }, bottom = rows.last { $0.contains("*") }
        XCTAssertNotNil(top); XCTAssertNotNil(bottom)
        if let top, let bottom {
            XCTAssertGreaterThan(top.lastIndex(of: "*").map { top.distance(from: top.startIndex, to: $0) } ?? 0,
                                 bottom.lastIndex(of: "*").map { bottom.distance(from: bottom.startIndex, to: $0) } ?? 0 + 40)
        }
    }

    func testScatterMarksClassesWithDifferentCharacters() {
        let text = ascii.text(.plot(Fixtures.twoClassScatter))
        let lines = text.components(separatedBy: "\n")
        // Class 2 at (0, 1): top-left; class 1 at (1, 1): top-right (the axes have a margin
        // around the points, so the row of y = 1.0 is not the frame's top).
        let top = lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1.0 +") } ?? ""
        let marks = top.dropFirst(top.firstIndex(of: "+").map { top.distance(from: top.startIndex, to: $0) + 1 } ?? 0)
            .filter { $0 != " " }
        XCTAssertEqual(String(marks), "xo", text)
        XCTAssertTrue(text.contains("legend: o class 1   x class 2"))
    }

    func testDecisionMapShadesByClassWithPointsOnTop() {
        let text = ascii.text(.plot(Fixtures.decision))
        let lines = text.components(separatedBy: "\n")
        let canvas = lines.filter { $0.contains("|") || $0.contains(" +") }.dropLast()
        // Class 2 (right half) is shaded '.', class 1 blank; the class-2 point 'x' sits in the shade.
        for row in canvas {
            let cells = Array(row.dropFirst(6))   // "-0.5 +" or "     |" precede the canvas
            XCTAssertTrue(cells.prefix(30).allSatisfy { $0 == " " || $0 == "o" || $0 == "+" }, row)
        }
        XCTAssertTrue(canvas.contains { $0.contains(".x.") }, text)
        XCTAssertTrue(text.contains("shade: ' ' class 1   '.' class 2"))
    }

    func testDecisionByValueShadesLowToHigh() throws {
        let values = [[0.0, 0.3, 0.6, 0.95]]
        let plot = Plot(kind: .decision, title: "p", xLabel: "x1", yLabel: "x2", series: [],
                        grid: Plot.Grid(xRange: 0...1, yRange: 0...1, values: values))
        let text = try PlotText(unicode: false, width: 8, height: 2).render(plot)
        XCTAssertTrue(text.contains("+  ..--=="), text)
        XCTAssertTrue(text.contains("shade: ' ' 0.00"), text)
    }

    func testUnicodeStyleDrawsBrailleLinesAndBoxAxes() {
        let text = unicode.text(.plot(Fixtures.sigmoidReluPlot))
        XCTAssertTrue(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, text)
        XCTAssertTrue(text.contains("└"))
        let decision = unicode.text(.plot(Fixtures.decision))
        XCTAssertTrue(decision.contains("░"))
    }

    func testNonFiniteValuesDoNotBreakThePlot() {
        let plot = Plot(kind: .line, title: "t", xLabel: "x", yLabel: "y",
                        series: [.init(label: "s", x: [0, 1, 2], y: [1, .nan, .infinity])])
        XCTAssertTrue(ascii.text(.plot(plot)).contains("*"))
        let empty = Plot(kind: .scatter, title: "none", xLabel: "x", yLabel: "y", series: [])
        XCTAssertTrue(ascii.text(.plot(empty)).contains("none"))
    }
}
