import Foundation
import XCTest
import NetCore
@testable import NetLang
@testable import NetRender

/// `show network LAYER.W[i, j]` marks the path of that weight's chain rule on lesson 03's
/// 2-2-2 network (the seeds' W1…W8). The expected paths follow from the network's wiring:
/// ∂E/∂W1 goes x1 → h1 (W1), then h1 → o1 (W5) and h1 → o2 (W7), as explain's factors say.
final class NetworkPathTests: XCTestCase {
    private func run(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> (outputs: [Output], error: NetError?) {
        var outputs: [Output] = []
        let error = Session().run(NetworkDrawingTests.lesson03 + "\nforward x, t;\nbackward;\n" + code,
                                  emit: { output, _ in outputs.append(output) })
        return (outputs, error)
    }

    private func diagram(_ parameter: String, file: StaticString = #filePath, line: UInt = #line) throws -> NetworkDiagram {
        let (outputs, error) = run("show network \(parameter)")
        XCTAssertNil(error?.formatted, file: file, line: line)
        let found = outputs.lazy.compactMap { output -> NetworkDiagram? in
            if case .network(let d) = output { return d } else { return nil }
        }.first
        return try XCTUnwrap(found, file: file, line: line)
    }

    private func marked(_ d: NetworkDiagram) -> (units: Set<String>, weights: Set<String>) {
        (Set(d.columns.flatMap(\.units).filter(\.onPath).map(\.name)), Set(d.edges.filter(\.onPath).map(\.symbol)))
    }

    /// A softmax output couples its units: ∂E/∂z_j sums over every output, so the path of
    /// output.W[1, 1] reaches o1 and o2 — unless the loss is cross-entropy, whose
    /// softmax-with-loss gradient (a_j − t_j)/N is unit j's alone (explain says the same).
    func testASoftmaxOutputSpreadsThePathUnlessItsLossIsCrossEntropy() throws {
        func softmaxDiagram(loss: String) throws -> NetworkDiagram {
            var outputs: [Output] = []
            let code = NetworkDrawingTests.lesson03.replacingOccurrences(of: "2, sigmoid, bias: false, weights: [[0.45", with: "2, softmax, bias: false, weights: [[0.45")
                .replacingOccurrences(of: "loss half_sse", with: "loss \(loss)")
            XCTAssertTrue(code.contains("softmax"))
            XCTAssertNil(Session().run(code + "\nforward x, t;\nbackward;\nshow network output.W[1, 1]", emit: { output, _ in outputs.append(output) })?.formatted)
            return try XCTUnwrap(outputs.lazy.compactMap { output -> NetworkDiagram? in
                if case .network(let d) = output { return d } else { return nil }
            }.first)
        }
        XCTAssertEqual(marked(try softmaxDiagram(loss: "half_sse")).units, ["h1", "o1", "o2"])
        XCTAssertEqual(marked(try softmaxDiagram(loss: "half_sse")).weights, ["W5"])
        XCTAssertEqual(marked(try softmaxDiagram(loss: "cross_entropy")).units, ["h1", "o1"])
    }

    func testTheChainRuleOfEachWeightGoesThroughTheUnitsAndWeightsItMultiplies() throws {
        let expected: [(String, Set<String>, Set<String>)] = [
            ("hidden.W[1, 1]", ["x1", "h1", "o1", "o2"], ["W1", "W5", "W7"]),
            ("hidden.W[2, 2]", ["x2", "h2", "o1", "o2"], ["W4", "W6", "W8"]),
            ("output.W[1, 1]", ["h1", "o1"], ["W5"]),
            ("output.W[2, 2]", ["h2", "o2"], ["W8"]),
        ]
        for (parameter, units, weights) in expected {
            let d = try diagram(parameter)
            XCTAssertEqual(marked(d).units, units, parameter)
            XCTAssertEqual(marked(d).weights, weights, parameter)
        }
        XCTAssertEqual(try diagram("hidden.W[1, 1]").path?.symbol, "W1")
    }

    /// The marked weights are the ones `explain` writes in its factors.
    func testTheMarkedWeightsAreTheOnesExplainMultiplies() throws {
        let (outputs, error) = run("explain hidden.W[1, 2]")
        XCTAssertNil(error)
        guard case .derivation(let derivation)? = outputs.last else { return XCTFail("no derivation") }
        let written = derivation.factors.map { $0.formula.text(precision: 4) + " " + $0.symbol }.joined(separator: " ") + " " + derivation.symbol
        let inExplain = Set((1...8).map { "W\($0)" }.filter { written.range(of: "\\b\($0)\\b", options: .regularExpression) != nil })
        XCTAssertEqual(marked(try diagram("hidden.W[1, 2]")).weights, inExplain, written)
    }

    func testTheTextMarksThePathWithAStar() throws {
        let d = try diagram("hidden.W[1, 1]")
        let text = Renderer(settings: RenderSettings(precision: 4, style: .ascii)).text(.network(d))
        XCTAssertTrue(text.contains("  *: the path of dE/dW1, what explain hidden.W[1, 1] multiplies through"), text)
        let starred = text.components(separatedBy: "\n").filter { $0.hasPrefix("* ") }.map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        XCTAssertEqual(starred, ["* x1 -W1", "* h1 -W5", "* h1 -W7"], text)
        for unit in ["*x1", "*h1", "*o1", "*o2", " x2", " h2"] { XCTAssertTrue(text.contains(unit + " "), unit) }
        XCTAssertLessThanOrEqual(text.components(separatedBy: "\n").map { TextWidth.of($0) }.max() ?? 0, 80)
        // Without a parameter nothing is marked, and the text is as before.
        let plain = Renderer(settings: RenderSettings(precision: 4)).text(.network(try diagram("")))
        XCTAssertFalse(plain.contains("*"))
    }

    func testTheSVGPutsAGoldBandUnderThePath() throws {
        let d = try diagram("hidden.W[1, 1]")
        let svg = try XCTUnwrap(Renderer(settings: RenderSettings()).bundle(for: .network(d)).svg)
        let probe = try XCTUnwrap(XMLProbe.parse(svg), "SVG is not well-formed XML")
        XCTAssertEqual(probe.classes["path"], 3, "W1, W5 and W7")
        XCTAssertEqual(svg.components(separatedBy: "<circle").dropFirst().filter { $0.contains(NetworkSVG.pathColour) }.count, 4)
        XCTAssertTrue(probe.texts.contains("gold: the path of ∂E/∂W1, what explain hidden.W[1, 1] multiplies through"))
        let json = try JSONValue.roundTrip(Renderer(settings: RenderSettings()).bundle(for: .network(d)).json)
        XCTAssertEqual(json["path"]?["edges"], .array(d.edges.indices.filter { d.edges[$0].onPath }.map { .number(Double($0)) }))
    }

    func testABiasPathStartsAtItsUnit() throws {
        let (outputs, error) = run("""
            reset network
            layer h = dense(2 -> 3, sigmoid)
            layer o = dense(3 -> 1, sigmoid)
            show network h.b[1, 2]
            """)
        XCTAssertNil(error?.formatted)
        guard case .network(let d)? = outputs.first(where: { if case .network = $0 { return true } else { return false } }) else {
            return XCTFail("no network")
        }
        XCTAssertEqual(marked(d).units, ["h2", "o1"])
        XCTAssertEqual(marked(d).weights, ["W8"], "h2 → o1: o.W[2, 1], numbered after h's six weights")
    }

    func testCompletionOffersTheLayersAfterShowNetwork() {
        let s = Session()
        _ = s.run(NetworkDrawingTests.lesson03) { _, _ in }
        XCTAssertEqual(s.complete("show network h", cursor: 14).matches, ["hidden"])
        XCTAssertTrue(s.complete("show network hidden.", cursor: 20).matches.contains("W"))
    }

    func testAWrongParameterIsALocatedError() throws {
        let cases: [(String, String)] = [
            ("show network hiden.W[1, 1]", "unknown layer 'hiden'"),
            ("show network hidden.W[3, 1]", "hidden.W is 2×2: there is no [3, 1]"),
            ("show network hidden.b[2, 1]", "hidden.b is 1×2: there is no [2, 1]"),
            ("show network x", "show network needs one weight or bias, like output.W[1, 1] or hidden.b[1, 2]"),
            ("show network hidden.W[1]", "show network needs both indices, like hidden.W[1, 1]"),
        ]
        for (code, message) in cases {
            let error = try XCTUnwrap(run(code).error, code)
            XCTAssertEqual(error.message, message, code)
            XCTAssertEqual(error.sourceLine, code)
        }
    }
}
