import Foundation
import NetSupport
import XCTest
import NetCore
import NetLang
@testable import NetRender

final class WebFormTests: XCTestCase {
    let renderer = Renderer(settings: RenderSettings(precision: 4))

    // MARK: SVG

    func testPlotSVGsAreWellFormedStandaloneDocuments() throws {
        for plot in [Fixtures.sigmoidReluPlot, Fixtures.twoClassScatter, Fixtures.decision] {
            let svg = try XCTUnwrap(renderer.bundle(for: .plot(plot)).svg)
            let probe = try XCTUnwrap(XMLProbe.parse(svg), "not well-formed:\n\(svg.prefix(400))")
            XCTAssertEqual(probe.elements["root:svg"], 1)
            XCTAssertEqual(probe.rootAttributes["xmlns"], "http://www.w3.org/2000/svg")
            XCTAssertEqual(probe.rootAttributes["viewBox"], "0 0 640 420")
            XCTAssertTrue(probe.texts.contains(plot.title))
            XCTAssertTrue(probe.texts.contains(plot.xLabel))
            XCTAssertTrue(probe.texts.contains(plot.yLabel))
        }
    }

    func testLinePlotSVGHasTicksLegendAndOnePolylinePerSeries() throws {
        let probe = try XCTUnwrap(XMLProbe.parse(PlotSVG().render(Fixtures.sigmoidReluPlot)))
        XCTAssertEqual(probe.elements["polyline"], 2)
        for tick in ["-5", "-4", "0", "4", "5"] { XCTAssertTrue(probe.texts.contains(tick), tick) }
        XCTAssertTrue(probe.texts.contains("sigmoid"))
        XCTAssertTrue(probe.texts.contains("relu"))
    }

    func testScatterAndDecisionSVGDrawEveryPointAndTheGrid() throws {
        let scatter = try XCTUnwrap(XMLProbe.parse(PlotSVG().render(Fixtures.twoClassScatter)))
        // Class 1 as circles (4 points), class 2 as squares (2) — plus the legend's two markers.
        XCTAssertEqual(scatter.elements["circle"], 4 + 1)
        XCTAssertTrue(scatter.texts.contains("class 1") && scatter.texts.contains("class 2"))
        let decision = try XCTUnwrap(XMLProbe.parse(PlotSVG().render(Fixtures.decision)))
        // 20×20 grid cells, background, plot frame, one class-2 square point and its legend square.
        XCTAssertEqual(decision.elements["rect"], 400 + 1 + 1 + 2)
    }

    func testSVGEscapesText() throws {
        let plot = Plot(kind: .line, title: "a < b & \"c\"", xLabel: "x<1>", yLabel: "y", series: [
            .init(label: "s&t", x: [0, 1], y: [0, 1]), .init(label: "u", x: [0, 1], y: [1, 0])])
        let probe = try XCTUnwrap(XMLProbe.parse(PlotSVG().render(plot)))
        XCTAssertTrue(probe.texts.contains("a < b & \"c\""))
        XCTAssertTrue(probe.texts.contains("x<1>"))
        XCTAssertTrue(probe.texts.contains("s&t"))
    }

    func testGraphSVGHasACirclePerOperationAndAnArrowWithItsNumbersPerEdge() throws {
        let svg = try XCTUnwrap(renderer.bundle(for: .graph(Fixtures.appleGraph)).svg)
        let probe = try XCTUnwrap(XMLProbe.parse(svg))
        XCTAssertEqual(probe.rootAttributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertNotNil(probe.rootAttributes["viewBox"])
        XCTAssertEqual(probe.elements["g"], 4)         // 3 × and 1 +
        XCTAssertEqual(probe.elements["circle"], 4)
        XCTAssertEqual(svg.components(separatedBy: "marker-end=").count - 1, 9)   // 8 inputs + the result
        for text in ["×", "+", "price", "apple", "tax", "715.0000", "1.0000", "100.0000", "2.2000", "650.0000", "apple_price"] {
            XCTAssertTrue(probe.texts.contains(text), text)
        }
    }

    // MARK: HTML

    func testTableHTMLHasCaptionHeaderAndOneRowPerRow() throws {
        let html = try XCTUnwrap(renderer.bundle(for: .table(Fixtures.mixedTable)).html)
        let probe = try XCTUnwrap(XMLProbe.parse("<div>\(html)</div>"), html)
        XCTAssertEqual(probe.elements["table"], 1)
        XCTAssertEqual(probe.elements["caption"], 1)
        XCTAssertEqual(probe.elements["tr"], 1 + 3)
        XCTAssertEqual(probe.elements["th"], 3)
        XCTAssertEqual(probe.elements["td"], 9)
        XCTAssertTrue(probe.texts.contains("-12.5000"))
        XCTAssertTrue(html.contains("text-align: right"))
        XCTAssertTrue(html.contains("font-family: monospace"))
        XCTAssertTrue(html.contains("title=\"1234.56789\""))
        XCTAssertTrue(probe.texts.contains("loss 0.02397190"))   // the footer, in a <pre>
    }

    func testTensorHTMLSummarizesLargeTensors() throws {
        let t = Tensor(rows: 12, cols: 14, data: (0..<168).map(Double.init))
        let html = try XCTUnwrap(renderer.bundle(for: .tensor(TensorView(name: "big", value: t))).html)
        let probe = try XCTUnwrap(XMLProbe.parse(html))
        XCTAssertEqual(probe.elements["tr"], 1 + 7)          // header, 3 rows, "…", 3 rows
        XCTAssertEqual(probe.elements["td"], 7 * 7)
        XCTAssertTrue(probe.texts.contains("big (12×14)"))
        XCTAssertTrue(probe.texts.contains("167.0000"))
    }

    func testHTMLEscapesCells() throws {
        let t = Table(title: "<b>", columns: ["a&b"], rows: [[.text("<script>")]])
        let html = try XCTUnwrap(renderer.bundle(for: .table(t)).html)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertNotNil(XMLProbe.parse(html))
    }

    func testNotesAndProgressCarryAPreTwin() {
        let note = renderer.bundle(for: .note(Note(title: "half_sse", text: "E = ½ Σ (t − y)²")))
        // pre-wrap: a long note (help, a formula) wraps in JupyterLab's output area instead of being cut off.
        XCTAssertEqual(note.html, "<pre style=\"white-space: pre-wrap; overflow-wrap: anywhere; line-height: normal; font-family: monospace\">half_sse\n\nE = ½ Σ (t − y)²</pre>")
    }

    // MARK: JSON

    func testTableJSONRoundTripsAtFullPrecision() throws {
        let json = try XCTUnwrap(renderer.bundle(for: .table(Fixtures.mixedTable)).json)
        let text = JSONWriter.text(json)
        XCTAssertTrue(text.contains("0.5199893401555818"), text)
        let back = try JSONValue.roundTrip(json)
        XCTAssertEqual(back["columns"], .array([.string("sample"), .string("z1"), .string("a1")]))
        XCTAssertEqual(back["rows"]?.array?.count, 3)
        XCTAssertEqual(back["rows"]?[0]?[0], .string("1"))
        XCTAssertEqual(back["rows"]?[0]?[2], .number(0.5199893401555818))
        XCTAssertEqual(back["rows"]?[1]?[2], .number(3.7e-6))
        XCTAssertEqual(back["rows"]?[2]?[1], .number(1234.56789))
        XCTAssertEqual(back["title"], .string("forward hidden"))
    }

    func testTensorJSONHasNameShapeAndData() throws {
        let t = Tensor([[0.023971900751730026, -1.0 / 3.0], [.nan, 1e-17]])
        let json = try XCTUnwrap(renderer.bundle(for: .tensor(TensorView(name: "E", value: t))).json)
        let back = try JSONValue.roundTrip(json)
        XCTAssertEqual(back["name"], .string("E"))
        XCTAssertEqual(back["shape"], .array([.number(2), .number(2)]))
        XCTAssertEqual(back["data"], .array([.array([.number(0.023971900751730026), .number(-1.0 / 3.0)]),
                                             .array([.null, .number(1e-17)])]), "NaN becomes null")
        let anonymous = try JSONValue.roundTrip(renderer.bundle(for: .tensor(TensorView(name: nil, value: t))).json)
        XCTAssertEqual(anonymous["name"], .null)
    }

    /// NaN and infinities in a bundle come out as valid JSON (null), as an independent
    /// reader (Foundation's) sees it.
    func testEveryBundleSerializes() throws {
        let outputs: [Output] = [.plot(Fixtures.decision), .graph(Fixtures.appleGraph), .derivation(Fixtures.classroomDerivation),
                                 .group([.table(Fixtures.mixedTable), .stream("hi\n")]),
                                 .progress(NetLang.Progress(step: 1, totalSteps: 2, epoch: 1, totalEpochs: 1, loss: .nan,
                                                            stepsPerSecond: .infinity, secondsLeft: 0, history: [.nan]))]
        for o in outputs {
            let text = JSONWriter.bytes(.object(renderer.bundle(for: o).dictionary))
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text)), "\(o)")
        }
    }

    // MARK: Markdown

    func testDerivationMarkdownHasLaTeXAndAFactorTable() throws {
        let bundle = renderer.bundle(for: .derivation(Fixtures.classroomDerivation))
        XCTAssertNil(bundle.html, "HTML would hide the Markdown in JupyterLab")
        let md = try XCTUnwrap(bundle.markdown)
        // Large and one step per line, for a projector: symbols, numbers, result.
        XCTAssertTrue(md.contains("$$\\large\\begin{aligned}\\frac{\\partial E}{\\partial w_5} &= \\frac{\\partial E}{\\partial o_1} \\cdot \\frac{\\partial o_1}{\\partial z_3} \\cdot \\frac{\\partial z_3}{\\partial w_5} \\\\ &= 0.2094 \\times 0.2380 \\times 0.5200 \\\\ &= 0.0259\\end{aligned}$$"), md)
        let tableLines = md.components(separatedBy: "\n").filter { $0.hasPrefix("|") }
        XCTAssertEqual(tableLines.count, 2 + 3 + 1)
        XCTAssertTrue(tableLines[2].contains("`−(t1 − o1) = −(0.4 − 0.6094)`"))
        // Fractions in the table as tall as in the equation, not inline math's small ones.
        XCTAssertTrue(tableLines[2].hasPrefix("| $\\large\\displaystyle \\frac{\\partial E}{\\partial o_1}$ |"), tableLines[2])
    }

    // MARK: bundles

    func testWhichFormsEachOutputCarries() {
        let keys = { (o: Output) in Set(self.renderer.bundle(for: o).dictionary.keys) }
        let json = MimeBundle.jsonMimeType
        XCTAssertEqual(keys(.tensor(TensorView(name: "x", value: Tensor([[1]])))), ["text/plain", "text/html", json])
        // No text/html for plots: JupyterLab would prefer it to the SVG and, in an untrusted
        // notebook, strip the inline <svg> to its bare labels.
        XCTAssertEqual(keys(.plot(Fixtures.twoClassScatter)), ["text/plain", "image/svg+xml", json])
        XCTAssertEqual(keys(.derivation(Fixtures.classroomDerivation)), ["text/plain", "text/markdown", json])
        XCTAssertEqual(keys(.stream("a\n")), ["text/plain"])
        XCTAssertEqual(renderer.bundle(for: .stream("a\n")).plain, "a\n")
    }

    func testGroupJoinsItsParts() throws {
        let group = Output.group([.table(Fixtures.mixedTable), .tensor(TensorView(name: "x", value: Tensor([[0.1, 0.2]])))])
        let bundle = renderer.bundle(for: group)
        XCTAssertTrue(bundle.plain.hasPrefix("forward hidden"))
        XCTAssertTrue(bundle.plain.hasSuffix("x (1×2)\n  0.1000  0.2000"))
        let probe = try XCTUnwrap(XMLProbe.parse("<div>\(bundle.html ?? "")</div>"))
        XCTAssertEqual(probe.elements["table"], 2)
        let outputs = try XCTUnwrap(JSONValue.roundTrip(bundle.json)["outputs"]?.array)
        XCTAssertEqual(outputs.count, 2)
    }
}

final class LongSeriesTests: XCTestCase {
    func testLongLossCurveIsThinnedButKeepsItsSpike() throws {
        // 50 000 steps of a falling loss with one spike at step 30 000.
        let xs = (1...50_000).map(Double.init)
        let ys = xs.map { $0 == 30_000 ? 5.0 : 1 / $0 }
        let plot = Plot(kind: .line, title: "loss", xLabel: "step", yLabel: "loss", series: [.init(label: "loss", x: xs, y: ys)])
        let svg = try PlotSVG().render(plot)
        XCTAssertNotNil(XMLProbe.parse(svg))
        XCTAssertLessThan(svg.utf8.count, 100_000)
        let points = try XCTUnwrap(svg.range(of: "points=\"").map { svg[$0.upperBound...].prefix { $0 != "\"" } })
        let ys2 = points.split(separator: " ").compactMap { Double($0.split(separator: ",").last ?? "") }
        // The spike (5.0 at the top of a 0…5 axis) is the highest point: y = top of the plot area, 40.
        XCTAssertEqual(ys2.min(), 40)
        let text = try PlotText(unicode: false).render(plot)
        XCTAssertTrue(text.components(separatedBy: "\n")[2].contains("*"), "the spike reaches the top row:\n\(text)")
    }
}

final class DecisionSVGTests: XCTestCase {
    func testShadeOfAClassHasThatClassesColourEvenWhenClassOneIsMissing() throws {
        let plot = Plot(kind: .decision, title: "d", xLabel: "x1", yLabel: "x2",
                        series: [.init(label: "s", x: [0.5], y: [0.5], classes: [2])],
                        grid: Plot.Grid(xRange: 0...1, yRange: 0...1, values: [[2, 3], [3, 2]]))
        let svg = try PlotSVG().render(plot)
        XCTAssertTrue(svg.contains("fill=\"\(PlotSVG.pale(SVGWriter.color(1)))\""), "class 2 shaded in its own colour")
        XCTAssertTrue(svg.contains("fill=\"\(PlotSVG.pale(SVGWriter.color(2)))\""))
        XCTAssertFalse(svg.contains("fill=\"\(PlotSVG.pale(SVGWriter.color(0)))\""))
        let probe = XMLProbe.parse(svg)
        XCTAssertEqual(probe?.texts.filter { $0.hasPrefix("class") }, ["class 2", "class 3"])
    }

    func testValueShadingHasAColourBar() throws {
        let plot = Plot(kind: .decision, title: "d", xLabel: "x1", yLabel: "x2", series: [],
                        grid: Plot.Grid(xRange: 0...1, yRange: 0...1, values: [[0.1, 0.9]]))
        let probe = try XCTUnwrap(XMLProbe.parse(PlotSVG().render(plot)))
        XCTAssertEqual(probe.elements["linearGradient"], 1)
        XCTAssertTrue(probe.texts.contains("output"))
        XCTAssertTrue(probe.texts.contains("0.0") && probe.texts.contains("1.0"), "\(probe.texts)")
    }
}

final class ProgressHTMLTests: XCTestCase {
    func testProgressHTMLShowsTheLineAndALossCurveOnceThereAreTwoPoints() throws {
        let renderer = Renderer(settings: RenderSettings(precision: 4))
        var p = NetLang.Progress(step: 10, totalSteps: 40, epoch: 1, totalEpochs: 4, loss: 0.5,
                                 stepsPerSecond: 100, secondsLeft: 0.3, history: [0.5])
        let first = try XCTUnwrap(renderer.bundle(for: .progress(p)).html)
        XCTAssertFalse(first.contains("<svg"))
        XCTAssertTrue(first.contains("epoch 1/4 [=====&gt;"))
        p.history = [0.5, 0.3, 0.2]
        p.historySteps = [1, 5, 10]
        let later = try XCTUnwrap(renderer.bundle(for: .progress(p)).html)
        let probe = try XCTUnwrap(XMLProbe.parse("<div>\(later)</div>"))
        XCTAssertEqual(probe.elements["polyline"], 1)
        XCTAssertTrue(probe.texts.contains("0.5000") && probe.texts.contains("0.2000"), "\(probe.texts)")
    }
}

final class TinyDerivativeTests: XCTestCase {
    /// Vanishing gradients (lesson 004): a product of small sigmoid slopes must not read as zero.
    var vanishing: Derivation {
        Derivation(parameter: "h1.W[1, 1]", symbol: "∂E/∂w1", latex: "\\frac{\\partial E}{\\partial w_1}", factors: [
            .init(symbol: "∂E/∂h1", latex: "a", formula: "…", value: 0.00004),
            .init(symbol: "∂h1/∂z1", latex: "b", formula: "…", value: -0.0025),
        ], value: -1e-7)
    }

    func testTextShowsTinyValuesInScientificForm() {
        let text = Renderer(settings: RenderSettings(precision: 4)).text(.derivation(vanishing))
        XCTAssertTrue(text.contains("=  4.0000e-05\n"), text)
        XCTAssertTrue(text.contains("= -0.0025\n"), text)
        XCTAssertTrue(text.hasSuffix("= -1.0000e-07"), text)
    }

    func testLaTeXWritesPowersOfTen() throws {
        let md = try XCTUnwrap(Renderer(settings: RenderSettings(precision: 2)).bundle(for: .derivation(vanishing)).markdown)
        XCTAssertTrue(md.contains("&= 4.00 \\times 10^{-5} \\times {-2.50 \\times 10^{-3}} \\\\ &= {-1.00 \\times 10^{-7}}\\end{aligned}$$"), md)
        XCTAssertEqual(DerivationMarkdown.latexNumber("inf"), "\\infty")
    }
}

final class SVGIdTests: XCTestCase {
    /// A notebook page holds many SVGs and ids are page-wide: each picture's ids must be its own,
    /// and the same on every run so stored outputs compare equal.
    func testIdsDifferBetweenPicturesAndRepeatBetweenRuns() throws {
        let graph = try XCTUnwrap(GraphSVG(precision: 4).render(Fixtures.appleGraph))
        var other = Fixtures.appleGraph
        other.nodes[0].value = Tensor(scalar: 101)
        let otherGraph = try XCTUnwrap(GraphSVG(precision: 4).render(other))
        func ids(_ s: String) -> [String] {
            s.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        XCTAssertEqual(ids(graph).count, 1)
        XCTAssertNotEqual(ids(graph), ids(otherGraph))
        XCTAssertEqual(graph, GraphSVG(precision: 4).render(Fixtures.appleGraph))
        XCTAssertTrue(graph.contains("marker-end=\"url(#\(ids(graph)[0]))\""))
        XCTAssertFalse(graph.contains(SVGWriter.idToken))
    }
}
