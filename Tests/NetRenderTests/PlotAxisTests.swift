import XCTest
import NetCore
import NetLang
@testable import NetRender

/// A plot's axes, marks and legend as a student reads them: the corner, rounded ends,
/// tick labels that differ, series marks that are not ticks, class names.
final class PlotAxisTests: XCTestCase {
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

    func testHugeTickLabelsKeepTheDigitsThatTellThemApart() {
        // A diverging loss: ticks 5e303 apart must not all read "1e+304".
        XCTAssertEqual(NumberFormat.tick(1.5e304, step: 5e303), "1.5e+304")
        XCTAssertEqual(NumberFormat.tick(1e304, step: 5e303), "1.0e+304")
        XCTAssertEqual(NumberFormat.tick(2e20, step: 1e20), "2e+20")
    }

    func testClassNamesReplaceClassNumbersInLegends() {
        var plot = Fixtures.twoClassScatter
        plot.classNames = ["t = 0", "t = 1"]
        XCTAssertTrue(ascii.text(.plot(plot)).hasSuffix("legend: o t = 0   x t = 1"))
        XCTAssertTrue(ascii.bundle(for: .plot(plot)).svg?.contains(">t = 0<") ?? false)
        XCTAssertTrue(ascii.text(.plot(Fixtures.twoClassScatter)).hasSuffix("legend: o class 1   x class 2"))
    }
}
