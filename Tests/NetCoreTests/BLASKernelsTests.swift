import XCTest
@testable import NetCore

/// Tests never switch kernels (results must not depend on the test machine's
/// choice); they check that the switch stays out of the way when it should.
final class BLASKernelsTests: XCTestCase {
    func testAUsersCoreTypeIsRespected() {
        let before = BLASKernels.currentCore
        let choice = BLASKernels.preferFastest(environment: ["OPENBLAS_CORETYPE": "Haswell"])
        XCTAssertEqual(choice.core, before)
        XCTAssertNil(choice.previous)
        XCTAssertEqual(choice.reason, "OPENBLAS_CORETYPE=Haswell set by the user")
        XCTAssertEqual(BLASKernels.currentCore, before)
    }

    func testNoSwitchWithoutAVX512() {
        let before = BLASKernels.currentCore
        let choice = BLASKernels.preferFastest(environment: [:], cpuFlags: ["sse2", "avx2"])
        XCTAssertNil(choice.previous)
        XCTAssertEqual(BLASKernels.currentCore, before)
        XCTAssertFalse(before.isEmpty)
    }
}
