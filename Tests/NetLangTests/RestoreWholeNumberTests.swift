import XCTest
@testable import NetLang
import NetCore

/// Issue 10: a number that does not fit where a session file holds a whole number (a
/// precision of 1e308, a step count of 2.5 or 2^63) is named with its field and value,
/// as the other restore errors are; before, it was "damaged at '': The given data was
/// not valid JSON".
extension SaveRestoreTests {
    func testAPrecisionOf1e308IsNamed() throws {
        try assertRefused(try edited((#""precision":[0-9]+"#, "\"precision\":1e308")),
                          "the session file is damaged: settings.precision is 1e+308; precision is 0 to 17 digits")
    }

    func testAFractionalOrTooLargeStepCountIsNamed() throws {
        try assertRefused(try edited((#""h.W":[0-9]+"#, "\"h.W\":2.5")),
                          "the session file is damaged: network.optimizer.steps[\"h.W\"] is 2.5; a count is between 0 and 9007199254740992")
        try assertRefused(try edited((#""h.b":[0-9]+"#, "\"h.b\":9223372036854775808")),
                          "network.optimizer.steps[\"h.b\"] is 9223372036854775808; a count is between 0 and")
        try assertRefused(try edited((#""trainingRuns":[0-9]+"#, "\"trainingRuns\":2.5")),
                          "the session file is damaged: trainingRuns is 2.5; a count is between 0 and")
    }

    func testAFractionalShapeNodeOrVersionIsNamed() throws {
        try assertRefused(try edited((#""shape":\[24,1\]"#, #""shape":[24,1.5]"#)),
                          "the session file is damaged: datasets.s.y.shape[1] is 1.5; a whole number is expected here")
        try assertRefused(try edited((#""node":[0-9]+"#, "\"node\":-1e300")),
                          "the session file is damaged: tensors[0].node is -1e+300; a whole number is expected here")
        try assertRefused(try edited((#""version":[0-9]+"#, "\"version\":1e308")),
                          "the session file is damaged: version is 1e+308; a whole number is expected here")
    }

    /// The whole-number check reads the file a second time as plain JSON: deep nesting is
    /// refused by the JSON reader's depth limit there too, not by a stack overflow.
    func testDeeplyNestedFileIsRefusedNotCrashed() throws {
        let deep = "{\"format\":\"netbook-session\",\"version\":1,\"history\":" + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        try assertRefused(Data(deep.utf8), "session file")
    }
}
