import XCTest
@testable import JupyterKernel

/// Shell requests wait for an iopub subscriber, at most `ShellGate.patience`.
final class ShellGateTests: XCTestCase {
    let start = ContinuousClock.now

    func testHoldsUntilTheFirstSubscription() {
        var gate = ShellGate()
        XCTAssertFalse(gate.mayServeShell(now: start))
        XCTAssertTrue(gate.isHolding)
        XCTAssertEqual(gate.pollTimeout(now: start + .milliseconds(500)), 1501)
        gate.subscribed()
        XCTAssertFalse(gate.isHolding)
        XCTAssertNil(gate.pollTimeout(now: start))
        XCTAssertTrue(gate.mayServeShell(now: start + .milliseconds(600)))
    }

    func testServesWithoutSubscriberOncePatienceRunsOut() {
        var gate = ShellGate()
        XCTAssertFalse(gate.mayServeShell(now: start))
        XCTAssertFalse(gate.mayServeShell(now: start + .milliseconds(1999)))
        XCTAssertTrue(gate.mayServeShell(now: start + ShellGate.patience))
        XCTAssertTrue(gate.gaveUp)
        // Later requests are not held again while no one subscribes.
        XCTAssertTrue(gate.mayServeShell(now: start + .seconds(10)))
    }

    func testHoldsAgainWhenTheLastSubscriberLeaves() {
        var gate = ShellGate()
        gate.subscribed()
        gate.subscribed()
        gate.unsubscribed()
        XCTAssertTrue(gate.mayServeShell(now: start))
        gate.unsubscribed()
        XCTAssertFalse(gate.mayServeShell(now: start + .seconds(1)))
        gate.unsubscribed()   // never below zero
        gate.subscribed()
        XCTAssertTrue(gate.mayServeShell(now: start + .seconds(1)))
    }
}
