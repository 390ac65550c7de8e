import XCTest
import NetLang
import NetCore

/// NameRule agrees with what a cell accepts: every name it allows can be assigned and
/// printed back, every name it refuses fails as a statement.
final class NameRuleTests: XCTestCase {
    func testAllowedNamesWorkInACellAndRefusedOnesDoNot() {
        let allowed = ["lr", "_x", "w1", "학습률", "Δw", "tensor_2"]
        let refused = ["", "1x", "x²", "hidden.W", "a b", "a#", "a;b", "a-b", "x\n", "'x'"]
        for name in allowed {
            XCTAssertTrue(NameRule.isName(name), name)
            let error = Session().run("tensor \(name) = 0.25\nprint \(name)") { _, _ in }
            XCTAssertNil(error, "\(name): \(error?.formatted ?? "")")
        }
        for name in refused {
            XCTAssertFalse(NameRule.isName(name), name)
            let error = Session().run("tensor \(name) = 0.25") { _, _ in }
            XCTAssertNotNil(error, "\(name) is refused by NameRule but a cell takes it")
        }
    }
}
