import XCTest
import NetCore
import NetLang
@testable import NetRender

/// Words with numbers (`Phrase`: footers, warnings, `check`'s ✓ line, `explain`'s formulas)
/// reach NetRender with their numbers as values: a number at the session's precision reads
/// as the same value does in a tensor; a sentence's number reads the same at any precision.
final class PhraseTextTests: XCTestCase {
    private let setup = """
        tensor x = [0.1, 0.2]
        tensor t = [0.4, 0.6]
        layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
        layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
        loss half_sse
        optimizer sgd(lr: 0.5)
        forward x, t
        backward
        """

    private func derivation(in session: Session) throws -> Derivation {
        var found: Derivation?
        XCTAssertNil(session.run("explain output.W[1, 1]") { output, _ in
            if case .derivation(let d) = output { found = d }
        })
        return try XCTUnwrap(found)
    }

    func testASessionNumberReadsAsTheSameValueInATensor() {
        // 0.125 is exactly 1/8: half-way at 2 decimals, printf's ties-to-even gives 0.12.
        let phrase: Phrase = "x = \(0.125, .session)"
        XCTAssertEqual(phrase.text(precision: 2), "x = 0.12")
        XCTAssertEqual(phrase.text(precision: 2), "x = " + NumberFormat.shown(0.125, precision: 2))
        XCTAssertEqual(Phrase("x = \(2.5, .session)").text(precision: 0), "x = 2")
        XCTAssertEqual(Phrase("x = \(3.5, .session)").text(precision: 0), "x = 4")
    }

    func testASentenceNumberReadsTheSameAtEveryPrecision() {
        let phrase: Phrase = "sgd(lr: \(2.0, .significant(6)))"
        XCTAssertEqual(phrase.text(precision: 0), "sgd(lr: 2)")
        XCTAssertEqual(phrase.text(precision: 8), "sgd(lr: 2)")
        XCTAssertEqual(phrase.numbers, [2])
    }

    /// The lesson's ∂E/∂o1 = −(t1 − o1) = −(0.4 − 0.60944600): the same derivation reads
    /// at 8 decimals or at 2, as the session's precision says when it is shown.
    func testExplainsFormulasCarryValuesThatThePrecisionWrites() throws {
        let session = Session()
        XCTAssertNil(session.run(setup) { _, _ in })
        let d = try derivation(in: session)
        let lossFactor = d.factors[0].formula
        XCTAssertEqual(lossFactor.numbers.count, 2)
        XCTAssertEqual(lossFactor.numbers[0], 0.4)
        XCTAssertEqual(lossFactor.numbers[1], 0.609446, accuracy: 1e-6)   // o1, the lesson's figure
        XCTAssertEqual(lossFactor.text(precision: 8), "−(t1 − o1) = −(0.40000000 − 0.60944600)")
        XCTAssertEqual(lossFactor.text(precision: 2), "−(t1 − o1) = −(0.40 − 0.61)")
        let plain = Renderer(settings: RenderSettings(precision: 2)).text(.derivation(d))
        XCTAssertTrue(plain.contains("−(0.40 − 0.61)"), plain)
        // The update note: lr as typed, the weights at the precision.
        XCTAssertEqual(d.notes.first?.text(precision: 4), "With sgd at lr 0.5: W5 ← 0.4500 − 0.5 × 0.0259 = 0.4370")
    }
}
