import Foundation
import XCTest
import NetCore
@testable import NetLang
@testable import NetRender

/// `show network`: the lesson 03 network (2-2-2 sigmoid, no bias; the seeds' W1…W8) drawn
/// with numbers computed here from the formulas, the SVG well-formed with one circle per
/// unit and one line per connection, wide layers summarised, nan and inf drawn.
final class NetworkDrawingTests: XCTestCase {
    static let lesson03 = """
        precision 8
        tensor x = [0.1, 0.2]
        tensor t = [0.4, 0.6]
        layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
        layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
        loss half_sse
        """

    /// The outputs of cells run in one session (each must succeed).
    private func run(_ cells: [String], file: StaticString = #filePath, line: UInt = #line) -> [Output] {
        let session = Session()
        var outputs: [Output] = []
        for code in cells {
            outputs = []
            if let error = session.run(code, emit: { output, _ in outputs.append(output) }) {
                XCTFail(error.formatted, file: file, line: line)
            }
        }
        return outputs
    }

    private func diagram(_ cells: [String], file: StaticString = #filePath, line: UInt = #line) throws -> NetworkDiagram {
        let found = run(cells, file: file, line: line).lazy.compactMap { output -> NetworkDiagram? in
            if case .network(let d) = output { return d } else { return nil }
        }.first
        return try XCTUnwrap(found, "show network drew no network", file: file, line: line)
    }

    private func text(_ d: NetworkDiagram, precision: Int = 8, unicode: Bool = false) -> String {
        Renderer(settings: RenderSettings(precision: precision, style: unicode ? .unicode : .ascii)).text(.network(d))
    }

    private func f8(_ v: Double) -> String { String(format: "%.8f", v) }
    private func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// The lesson's forward and backward pass by hand: W1…W8 as the seeds number them
    /// (W1 x1→h1, W2 x2→h1, W3 x1→h2, W4 x2→h2, W5 h1→o1, W6 h2→o1, W7 h1→o2, W8 h2→o2).
    private struct Lesson03 {
        let x = [0.1, 0.2], t = [0.4, 0.6]
        let w = [0.30, 0.25, 0.40, 0.35, 0.45, 0.40, 0.70, 0.60]
        var z1: Double { w[0] * x[0] + w[1] * x[1] }
        var z2: Double { w[2] * x[0] + w[3] * x[1] }
        var h: [Double] { [z1, z2].map { 1 / (1 + exp(-$0)) } }
        var z3: Double { w[4] * h[0] + w[5] * h[1] }
        var z4: Double { w[6] * h[0] + w[7] * h[1] }
        var o: [Double] { [z3, z4].map { 1 / (1 + exp(-$0)) } }
        /// ∂E/∂z of the outputs for E = ½ Σ (t − o)².
        var deltaO: [Double] { (0..<2).map { (o[$0] - t[$0]) * o[$0] * (1 - o[$0]) } }
        var deltaH: [Double] {
            [(deltaO[0] * w[4] + deltaO[1] * w[6]) * h[0] * (1 - h[0]),
             (deltaO[0] * w[5] + deltaO[1] * w[7]) * h[1] * (1 - h[1])]
        }
        /// ∂E/∂W1…∂E/∂W8.
        var gradients: [Double] {
            [deltaH[0] * x[0], deltaH[0] * x[1], deltaH[1] * x[0], deltaH[1] * x[1],
             deltaO[0] * h[0], deltaO[0] * h[1], deltaO[1] * h[0], deltaO[1] * h[1]]
        }
    }

    func testLesson03BeforeForwardShowsTheWeightsOnTheirConnections() throws {
        let d = try diagram([Self.lesson03 + "\nshow network"])
        let drawing = text(d)
        XCTAssertTrue(drawing.hasPrefix("network 2 -> 2 -> 2\n  z | a: run forward to see them"), drawing)
        let lesson = Lesson03()
        let names = ["x1 -W1", "x2 -W2", "x1 -W3", "x2 -W4", "h1 -W5", "h2 -W6", "h1 -W7", "h2 -W8"]
        let targets = ["h1", "h1", "h2", "h2", "o1", "o1", "o2", "o2"]
        for (i, name) in names.enumerated() {
            XCTAssertTrue(drawing.contains("\(name) \(f8(lesson.w[i]))-> \(targets[i])"), "W\(i + 1) in\n\(drawing)")
        }
        XCTAssertFalse(drawing.contains("dE/dW"), "no gradients before backward")
        XCTAssertTrue(drawing.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    func testLesson03AfterForwardAndBackwardShowsZAAndGradients() throws {
        let d = try diagram([Self.lesson03, "forward x, t\nbackward\nshow network"])
        let drawing = text(d)
        let l = Lesson03()
        XCTAssertEqual(f8(l.h[0]), "0.51998934")   // sigmoid(0.1·0.3 + 0.2·0.25) = sigmoid(0.08)
        let unitRow1 = "x1 \(f8(0.1))    h1 \(f8(l.z1)) | \(f8(l.h[0]))    o1 \(f8(l.z3)) | \(f8(l.o[0]))"
        let unitRow2 = "x2 \(f8(0.2))    h2 \(f8(l.z2)) | \(f8(l.h[1]))    o2 \(f8(l.z4)) | \(f8(l.o[1]))"
        XCTAssertTrue(drawing.contains(unitRow1), "\(unitRow1)\nin\n\(drawing)")
        XCTAssertTrue(drawing.contains(unitRow2), "\(unitRow2)\nin\n\(drawing)")
        for (i, g) in l.gradients.enumerated() {
            XCTAssertTrue(drawing.contains("dE/dW\(i + 1)  \(f8(g))"), "∂E/∂W\(i + 1) = \(f8(g)) in\n\(drawing)")
        }
        XCTAssertTrue(drawing.contains("dE/dw: from the last backward"))
        XCTAssertTrue(drawing.split(separator: "\n").allSatisfy { $0.count <= 80 }, drawing)
        // The unicode style draws real arrows and ∂.
        let fancy = text(d, unicode: true)
        XCTAssertTrue(fancy.contains("x1 ─W1 0.30000000→ h1    ∂E/∂W1  \(f8(l.gradients[0]))"), fancy)
    }

    func testABatchShowsItsFirstSampleAndSaysSo() throws {
        let d = try diagram([Self.lesson03, "forward [[0.1, 0.2], [0.5, 0.9]], [[0.4, 0.6], [0.4, 0.6]]\nshow network"])
        XCTAssertEqual(d.samples, 2)
        let drawing = text(d)
        XCTAssertTrue(drawing.contains("z | a: of sample 1 of 2"), drawing)
        XCTAssertTrue(drawing.contains("h1 \(f8(Lesson03().z1)) | \(f8(Lesson03().h[0]))"), drawing)
    }

    func testSVGHasOneCircleAndLabelPerUnitAndALinePerConnection() throws {
        let d = try diagram([Self.lesson03, "forward x, t\nbackward\nshow network"])
        let bundle = Renderer(settings: RenderSettings(precision: 8)).bundle(for: .network(d))
        let svg = try XCTUnwrap(bundle.svg)
        let probe = try XCTUnwrap(XMLProbe.parse(svg), "well-formed SVG")
        XCTAssertEqual(probe.elements["root:svg"], 1)
        XCTAssertEqual(probe.elements["circle"], 6)
        XCTAssertEqual(probe.elements["line"], 8)
        let l = Lesson03()
        for i in 0..<8 {
            XCTAssertTrue(probe.texts.contains("W\(i + 1) \(f8(l.w[i]))"), "W\(i + 1) label")
            XCTAssertTrue(probe.texts.contains("∂E/∂W\(i + 1) \(f8(l.gradients[i]))"), "∂E/∂W\(i + 1) label")
        }
        XCTAssertTrue(probe.texts.contains("a \(f8(l.o[1]))"), "o2's a")
        XCTAssertNotNil(bundle.json)
        XCTAssertFalse(bundle.plain.isEmpty)
    }

    func testNegativeWeightsAreDrawnInTheOtherColour() throws {
        let d = try diagram(["""
            layer h = dense(2 -> 3, sigmoid, weights: [[1.5, -2.0, 0.5], [-1.0, 2.5, 0.8]])
            layer o = dense(3 -> 1, sigmoid, weights: [[2.0], [-3.0], [0.0]])
            show network
            """])
        let svg = NetworkSVG(precision: 4).render(d)
        let probe = try XCTUnwrap(XMLProbe.parse(svg))
        XCTAssertEqual(probe.elements["line"], 9)
        XCTAssertEqual(svg.components(separatedBy: "stroke=\"#D55E00\"").count - 1, 3, "three negative weights")
        // The thickest line is the largest weight (-3.0): 5 px.
        XCTAssertTrue(svg.contains("stroke=\"#D55E00\" stroke-width=\"5\""))
    }

    func testAWideLayerIsSummarised() throws {
        let d = try diagram(["layer h = dense(64 -> 50, relu)\nlayer o = dense(50 -> 10, softmax)\nforward ones(3, 64)\nshow network"])
        XCTAssertEqual(d.columns.map(\.count), [64, 50, 10])
        XCTAssertEqual(d.columns.map(\.units.count), [6, 6, 6])
        XCTAssertEqual(d.columns[0].units.map(\.name), ["x1", "x2", "x3", "x4", "x63", "x64"])
        let drawing = text(d, precision: 4)
        XCTAssertTrue(drawing.contains("... 58 more"), drawing)
        XCTAssertTrue(drawing.contains("... 44 more"), drawing)
        XCTAssertTrue(drawing.contains("into h: 3200 weights (64 x 50), too many to list here (show h.W)"), drawing)
        XCTAssertLessThan(drawing.split(separator: "\n").count, 30, drawing)
        let probe = try XCTUnwrap(XMLProbe.parse(NetworkSVG(precision: 4).render(d)))
        XCTAssertEqual(probe.elements["circle"], 18)
        XCTAssertEqual(probe.elements["line"], 6 * 6 + 6 * 6)
        XCTAssertTrue(probe.texts.contains { $0.contains("72 of 3700 connections drawn") }, "\(probe.texts)")
        XCTAssertTrue(probe.texts.contains("⋮ 58 more"))
    }

    func testNanAndInfiniteWeightsAreDrawn() throws {
        let d = try diagram(["""
            tensor w = [[1, -2], [3, 4]] * 1e308 * 10
            layer h = dense(2 -> 2, sigmoid, weights: w)
            layer o = dense(2 -> 1, sigmoid, weights: (w - w)[:, 1:1])
            forward [1, 2], [1]
            backward
            show network
            """])
        let drawing = text(d, precision: 4)
        XCTAssertTrue(drawing.contains("x1 -W3   -inf-> h2    dE/dW3  nan"), drawing)
        XCTAssertTrue(drawing.contains("h1 -W5    nan-> o1"), drawing)
        XCTAssertTrue(drawing.contains("o1 nan | nan"), drawing)
        let bundle = Renderer(settings: RenderSettings()).bundle(for: .network(d))
        let probe = try XCTUnwrap(XMLProbe.parse(try XCTUnwrap(bundle.svg)))
        XCTAssertEqual(probe.elements["line"], 6)
        XCTAssertTrue(probe.texts.contains("W5 nan"))
        XCTAssertTrue(probe.texts.contains { $0.contains("grey dashed: nan or inf") })
        // JSON has no nan: null.
        let json = try JSONValue.roundTrip(XCTUnwrap(bundle.json))
        XCTAssertEqual(json["edges"]?[4]?["weight"], .null)
    }

    func testAVeryDeepNetworkDrawsItsFirstTenLayers() throws {
        let layers = (1...25).map { "layer l\($0) = dense(3 -> 3, tanh)" }.joined(separator: "\n")
        let d = try diagram([layers + "\nshow network"])
        XCTAssertEqual(d.columns.count, 11)
        XCTAssertEqual(d.layersLeftOut, 15)
        let drawing = text(d, precision: 4)
        XCTAssertTrue(drawing.hasPrefix("network 3 -> 3 -> 3 -> 3 -> 3 -> 3 -> 3 -> 3 -> 3 -> 3 -> 3 -> ...\n  layers: the first 10 of 25 drawn"), drawing)
        XCTAssertTrue(drawing.split(separator: "\n").allSatisfy { $0.count <= 80 }, drawing)
        let probe = try XCTUnwrap(XMLProbe.parse(NetworkSVG(precision: 4).render(d)))
        XCTAssertEqual(probe.elements["circle"], 33)
        XCTAssertTrue(probe.texts.contains { $0.contains("15 more not drawn") })
    }

    func testShowNetworkWithoutLayersIsTheTableAlone() {
        let outputs = run(["show network"])
        XCTAssertEqual(outputs.count, 1)
        guard case .table = outputs.first else { return XCTFail("a table") }
    }
}
