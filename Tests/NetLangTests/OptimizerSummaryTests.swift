import XCTest
@testable import NetLang
import NetCore

/// The optimizer's summary line: numbers as typed, and a long rule on a line of its own.
final class OptimizerSummaryTests: XCTestCase {
    func testOptimizerSummaryWritesNumbersAsTyped() {
        let r = Recorder()
        let outputs = r.run("optimizer sgd(lr: 2)")
        guard case .table(let t)? = outputs.first?.0 else { return XCTFail("no table") }
        XCTAssertEqual(t.footer.map(\.words), ["sgd(lr: 2)   p ← p − lr·g"])
    }

    /// The learning rate reads as typed wherever it is echoed: `step`'s title and the update
    /// line of `explain` say "lr 2", as the footer does, not Swift's "2.0".
    func testStepAndExplainEchoTheLearningRateAsTyped() {
        let r = Recorder()
        _ = r.run("""
            layer h = dense(1 -> 1, identity, bias: false, weights: [[0.5]])
            loss half_sse
            optimizer sgd(lr: 2)
            forward [[1]], [[0]]
            backward
            """)
        guard case .derivation(let d)? = r.run("explain h.W[1, 1]").first?.0 else { return XCTFail("no derivation") }
        XCTAssertEqual(d.notes.first?.words.hasPrefix("With sgd at lr 2: "), true, d.notes.first?.words ?? "no note")
        let titles = r.run("step").compactMap { output -> String? in
            if case .table(let t) = output.0 { return t.title } else { return nil }
        }
        XCTAssertEqual(titles, ["step (lr 2)"])
    }

    /// Adam's call and rule take 115 columns: JupyterLab scrolled the line sideways and hid
    /// the rule's end, so the rule goes on a line of its own, in both footers.
    func testLongOptimizerSummaryPutsTheRuleOnItsOwnLine() {
        let r = Recorder()
        guard case .table(let t)? = r.run("optimizer adam(lr: 0.01)").first?.0 else { return XCTFail("no table") }
        XCTAssertEqual(t.footer.map(\.words), ["adam(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-08)",
                                  "  m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·m̂/(√v̂ + ε)"])
        _ = r.run("layer h = dense(2 -> 1)\nloss mse")
        guard case .table(let network)? = r.run("show network").last?.0 else { return XCTFail("no network table") }
        XCTAssertEqual(Array(network.footer.dropFirst().prefix(2)).map(\.words),
                       ["optimizer adam(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-08)",
                        "            m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·m̂/(√v̂ + ε)"])
        XCTAssertTrue((t.footer + network.footer).allSatisfy { $0.words.count <= 80 }, "\(network.footer.map(\.words))")
    }
}
