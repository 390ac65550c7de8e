import XCTest
@testable import NetLang
import NetCore

/// The 2-2-2 sigmoid network of lesson 000 (DSL.md's classroom example), number for number.
/// Reference figures: the lesson's (total error 0.023971900751730026 before and
/// 0.023236338872291772 after one step at lr 0.5) and Tests/NetLangTests/Reference/classroom_reference.py.
final class ClassroomExampleTests: XCTestCase {
    let setup = """
    # Forward, backward and one update of a 2-2-2 sigmoid network without bias
    precision 8
    tensor x = [0.1, 0.2]
    tensor t = [0.4, 0.6]
    layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
    layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
    loss half_sse
    """

    func lossTable(_ outputs: [(Output, OutputRole)]) -> Table? {
        outputs.flatMap { $0.0.tables }.first { $0.title == "loss" }
    }

    func testForwardLossMatchesTheLesson() throws {
        let r = Recorder()
        r.run(setup)
        let out = r.run("forward x, t")
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual(out.first?.1, .result)
        let loss = try XCTUnwrap(lossTable(out)?.number(row: "half_sse", column: "value"))
        XCTAssertEqual(loss, 0.023971900751730026, accuracy: 1e-15)
        // Per layer, z and a of every unit: the lesson's z1…z4, h1, h2, o1, o2.
        let tables = out.flatMap { $0.0.tables }
        let hidden = try XCTUnwrap(tables.first { $0.columns.contains("z1") })
        XCTAssertEqual(hidden.columns, ["sample", "z1", "z2", "h1", "h2"])
        let outputTable = try XCTUnwrap(tables.first { $0.columns.contains("z3") })
        XCTAssertEqual(outputTable.columns, ["sample", "z3", "z4", "o1", "o2"])
        if case .number(let z4) = outputTable.rows[0][2] { XCTAssertEqual(z4, 0.6804759207, accuracy: 1e-10) } else { XCTFail() }
    }

    func testBackwardStepAndSecondForward() throws {
        let r = Recorder()
        r.run(setup + "\nforward x, t\nbackward")
        // dE/dW5 from reference.py
        XCTAssertEqual(r.scalar("grad(output.W)[1, 1]"), 0.0259228556036474, accuracy: 1e-14)
        XCTAssertEqual(r.scalar("grad(hidden.W)[1, 1]"), 0.0008088753836261946, accuracy: 1e-15)
        let step = r.run("step lr: 0.5")
        let table = try XCTUnwrap(step.first?.0.tables.first)
        XCTAssertEqual(table.columns, ["parameter", "symbol", "before", "gradient", "after"])
        XCTAssertEqual(table.number(row: "output.W[1, 1]", column: "after")!, 0.45 - 0.5 * 0.0259228556036474, accuracy: 1e-14)
        XCTAssertEqual(table.rows.first { $0.first == .text("output.W[1, 1]") }?[1], .text("W5"))
        let again = r.run("forward x, t")
        let loss = try XCTUnwrap(lossTable(again)?.number(row: "half_sse", column: "value"))
        XCTAssertEqual(loss, 0.023236338872291772, accuracy: 1e-15)
    }

    func testExplainWritesTheChainRuleForW5() throws {
        let r = Recorder()
        r.run(setup + "\nforward x, t\nbackward")
        let out = r.run("explain output.W[1, 1]")
        guard case .derivation(let d) = try XCTUnwrap(out.first?.0) else { return XCTFail("not a derivation") }
        XCTAssertEqual(d.symbol, "∂E/∂W5")
        XCTAssertEqual(d.factors.map(\.symbol), ["∂E/∂o1", "∂o1/∂z3", "∂z3/∂W5"])
        XCTAssertEqual(d.factors[0].latex, "\\frac{\\partial E}{\\partial o_{1}}")
        // reference.py: o1 − t1, o1(1 − o1), h1
        XCTAssertEqual(d.factors[0].value, 0.2094460049966992, accuracy: 1e-14)
        XCTAssertEqual(d.factors[1].value, 0.2380215719902625, accuracy: 1e-14)
        XCTAssertEqual(d.factors[2].value, 0.5199893401555818, accuracy: 1e-14)
        XCTAssertTrue(d.factors[0].formula.words.contains("0.4"), d.factors[0].formula.words)
        XCTAssertEqual(d.value, 0.0259228556036474, accuracy: 1e-14)
        XCTAssertEqual(d.factors.reduce(1) { $0 * $1.value }, d.value, accuracy: 1e-15)
    }

    func testExplainOfAHiddenWeightSumsOverTheOutputs() throws {
        let r = Recorder()
        r.run(setup + "\nforward x, t")
        let out = r.run("explain hidden.W[1, 1]")
        guard case .derivation(let d) = try XCTUnwrap(out.first?.0) else { return XCTFail("not a derivation") }
        XCTAssertEqual(d.factors.map(\.symbol), ["∂E/∂h1", "∂h1/∂z1", "∂z1/∂W1"])
        XCTAssertEqual(d.value, 0.0008088753836261946, accuracy: 1e-15)
    }

    func testGradcheckPasses() throws {
        let r = Recorder()
        r.run(setup + "\nforward x, t")
        let table = try XCTUnwrap(r.run("gradcheck").first?.0.tables.first)
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertTrue(table.rows.allSatisfy { $0.last == .text("pass") })
    }
}
