import XCTest
@testable import NetLang
import NetCore

/// Runs the code cells of notebooks 06–09 (percent format) through a Session and
/// checks what each notebook claims in its text. (nb-run --check compares their full
/// stored outputs; these tests check the claims themselves.)
final class NotebookTests: XCTestCase {
    static let notebooks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks")

    /// The session after every code cell of the notebook ran without error.
    func run(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Recorder {
        let path = Self.notebooks.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var cells: [String] = [], current: [String] = [], isCode = false
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if row.hasPrefix("# %%") {
                if isCode { cells.append(current.joined(separator: "\n")) }
                current = []; isCode = !row.contains("[markdown]")
            } else { current.append(String(row)) }
        }
        if isCode { cells.append(current.joined(separator: "\n")) }
        let r = Recorder()
        r.session.baseDirectory = Self.notebooks.path
        for cell in cells { r.run(cell, file: file, line: line) }
        return r
    }

    func testXorOneLayerCannotTwoLayersCan() throws {
        let r = try run("06-xor.txt")
        let outputs = r.value("sigmoid(sigmoid(xor.x @ hidden.W + hidden.b) @ output.W + output.b)")
        XCTAssertEqual(outputs?.data.map { $0 > 0.5 ? 1.0 : 0.0 }, [0, 1, 1, 0])
        XCTAssertLessThan(r.scalar("mse(output.a, xor.y)"), 0.01)
        // The one-layer run ended where the text says: every corner at 0.5, loss 0.25.
        let trains = r.outputs.flatMap { $0.0.tables }.filter { $0.title == "train" }
        guard case .number(let oneLayer) = trains.first?.rows[0].last else { return XCTFail("no train table") }
        XCTAssertEqual(oneLayer, 0.25, accuracy: 1e-6)
    }

    func testSpiralNeedsDepthAndReLU() throws {
        let r = try run("07-spiral.txt")
        // print "accuracy:", accuracy(…): the values print carries.
        func accuracies(_ label: String) -> [Double] {
            r.outputs.compactMap { output -> Double? in
                if case .printed(let items) = output.0, items.first == .text(label), case .number(let v)? = items.last { return v }
                return nil
            }
        }
        XCTAssertLessThan(try XCTUnwrap(accuracies("accuracy:").first), 0.6)                  // linear
        XCTAssertGreaterThan(try XCTUnwrap(accuracies("accuracy:").last), 0.95)               // ReLU
        XCTAssertLessThan(try XCTUnwrap(accuracies("accuracy with sigmoid:").first), 0.8)     // sigmoid
    }

    func testDigitsReachNinetyFivePercentOnHeldOutDigits() throws {
        let r = try run("08-digits.txt")
        let test = r.scalar("accuracy(out.a, Ttest)")
        XCTAssertGreaterThanOrEqual(test, 0.95)
        // The held-out digits are not training digits: the two selections share no row.
        XCTAssertEqual(r.scalar("sum(sum(pick, cols) * sum(rest, cols))"), 0)
        XCTAssertEqual(r.scalar("sum(confusion)"), Double(r.value("Ttest")?.rows ?? -1))
        XCTAssertEqual(r.scalar("sum(confusion * eye(10)) / sum(confusion)"), test, accuracy: 1e-12)
    }

    func testMomentumAndAdamBeatPlainSGD() throws {
        let r = try run("09-optimizers.txt")
        let sgd = r.scalar("sgd_loss[300, 1]"), momentum = r.scalar("momentum_loss[300, 1]"), adam = r.scalar("adam_loss[300, 1]")
        XCTAssertGreaterThan(sgd, 0.2)
        XCTAssertLessThan(momentum, 0.01)
        XCTAssertLessThan(adam, 0.01)
        XCTAssertLessThan(r.scalar("adam_loss[10, 1]"), r.scalar("momentum_loss[10, 1]"))   // Adam first
        XCTAssertLessThan(r.scalar("momentum_loss[150, 1]"), r.scalar("adam_loss[150, 1]")) // momentum overtakes
    }
}
