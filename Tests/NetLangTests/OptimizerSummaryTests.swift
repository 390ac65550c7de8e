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
