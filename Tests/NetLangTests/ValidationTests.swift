import XCTest
@testable import NetLang
import NetCore

/// `dataset tr, va = split(d, f)` and `train …, validation: va` in a session: what a teacher
/// checks (sizes, that the validation loss is the loss of the trained network on va, that it
/// goes with `reset network`), and that the history of it stays bounded.
final class ValidationTests: XCTestCase {
    let spiralNetwork = """
    seed 2
    dataset s = spiral(n: 60)
    dataset tr, va = split(s, 0.75)
    layer h = dense(2 -> 8, tanh)
    layer o = dense(8 -> 3, softmax)
    loss cross_entropy
    optimizer adam(lr: 0.05)
    """

    func testValidationLossIsTheTrainedNetworksLossOnTheHeldBackPart() throws {
        let r = Recorder()
        r.run(spiralNetwork)
        XCTAssertEqual(r.value("tr.x")?.rows, 45)
        XCTAssertEqual(r.value("va.x")?.rows, 15)
        let out = r.run("train tr.x, tr.y, epochs: 4, validation: va")
        let table = try XCTUnwrap(out.flatMap { $0.0.tables }.first { $0.title == "train" })
        guard case .number(let recorded) = table.rows[0][try XCTUnwrap(table.columns.firstIndex(of: "validation loss"))] else {
            return XCTFail("no validation loss in \(table.columns)")
        }
        // The same network on va by hand, in the language (cross_entropy takes the logits).
        let byHand = r.scalar("cross_entropy(tanh(va.x @ h.W + h.b) @ o.W + o.b, onehot(va.y, 3))")
        XCTAssertEqual(recorded, byHand, accuracy: 1e-12)
        // The loss curve has the validation series: one point per epoch, at the epoch's last step.
        let curve = try XCTUnwrap(out.compactMap { if case .plot(let p) = $0.0 { return p } else { return nil } }.first)
        let validation = try XCTUnwrap(curve.series.last)
        XCTAssertEqual(validation.label, "validation loss (va)")
        XCTAssertEqual(validation.x, [1, 2, 3, 4])   // full batch: one step per epoch
        XCTAssertEqual(validation.y.last ?? .nan, byHand, accuracy: 1e-12)

        r.run("reset network")
        XCTAssertTrue(r.session.state.training.validation.isEmpty, "reset network forgets the validation losses")
    }

    func testHistoryStaysBoundedAndKeepsItsFirstPoint() {
        var v = ValidationHistory(limit: 8)
        for k in 1...100 { v.append(step: k, loss: Double(k)) }
        XCTAssertLessThanOrEqual(v.losses.count, 8)
        XCTAssertEqual(v.steps.first, 1)
        XCTAssertEqual(v.steps.last, 100)
        XCTAssertEqual(v.steps, v.steps.sorted())
    }

    func testSplitMistakesPointAtTheFraction() throws {
        let r = Recorder()
        r.run("dataset s = spiral(n: 30)")
        let error = try XCTUnwrap(r.fail("dataset a, b = split(s, 1)"))
        XCTAssertTrue(error.formatted.contains("the fraction for training must lie between 0 and 1, not 1"), error.formatted)
        XCTAssertTrue(error.formatted.contains("line 1, column 25"), error.formatted)
        XCTAssertNil(r.session.state.datasets["a"], "nothing is stored when split fails")
    }

    /// A slip inside split(...) is answered with split's form, not `dataset`'s list of generators.
    func testASplitSyntaxErrorShowsHowToWriteASplit() throws {
        let r = Recorder()
        r.run("dataset s = spiral(n: 30)")
        let error = try XCTUnwrap(r.fail("dataset a, b = split(s 0.8)"))
        XCTAssertEqual(error.kind, "SyntaxError")
        XCTAssertEqual(error.column, 24)
        XCTAssertEqual(error.hint, "write dataset TRAIN, VALID = split(SET, 0.8)")
        XCTAssertEqual(try XCTUnwrap(r.fail("dataset s spiral()")).hint?.hasPrefix("write dataset NAME = xor"), true)
    }
}
