import XCTest
@testable import NetCore

final class MemoryBudgetTests: XCTestCase {
    func testReservationsUntilTheLimitThenAnErrorSayingWhatWasAskedAndWhatIsLeft() throws {
        let budget = MemoryBudget(limit: 2_000_000_000, used: 1_600_000_000)
        try budget.reserve(elements: 25_000_000, for: "zeros(25000000, 1)")   // 200 MB
        XCTAssertEqual(budget.used, 1_800_000_000)
        XCTAssertThrowsError(try budget.reserve(rows: 50_000_000, cols: 1, for: "zeros(50000000, 1)")) {
            XCTAssertEqual(($0 as? LimitError)?.message,
                           "zeros(50000000, 1) needs 400.0 MB, but only 200.0 MB of the session's 2.0 GB memory budget is left")
        }
        XCTAssertEqual(budget.used, 1_800_000_000, "a refused reservation takes nothing")
        XCTAssertThrowsError(try budget.reserve(rows: Int.max, cols: 3, for: "huge"))
    }

    func testTheSessionIsMeasuredOnlyWhenSomethingIsReserved() throws {
        var measured = 0
        let budget = MemoryBudget(limit: 100) { measured += 1; return 40 }
        XCTAssertEqual(measured, 0)
        try budget.reserve(bytes: 60, for: "x")
        XCTAssertThrowsError(try budget.reserve(bytes: 1, for: "y"))
        XCTAssertEqual(measured, 1)
    }

    func testSizesAsPeopleWriteAndReadThem() {
        XCTAssertEqual(MemoryBudget.describe(bytes: 0), "0 bytes")
        XCTAssertEqual(MemoryBudget.describe(bytes: 999), "999 bytes")
        XCTAssertEqual(MemoryBudget.describe(bytes: 1_000), "1.0 KB")
        XCTAssertEqual(MemoryBudget.describe(bytes: 400_000_000), "400.0 MB")
        XCTAssertEqual(MemoryBudget.describe(bytes: 999_960_000), "1.0 GB")
        XCTAssertEqual(MemoryBudget.describe(bytes: 2_147_483_648), "2.1 GB")
        XCTAssertEqual(MemoryBudget.bytes(4, unit: "GB"), 4_000_000_000)
        XCTAssertEqual(MemoryBudget.bytes(1.5, unit: "gib"), 1_610_612_736)
        XCTAssertEqual(MemoryBudget.bytes(512, unit: "MB"), 512_000_000)
        XCTAssertEqual(MemoryBudget.bytes(2e9, unit: nil), 2_000_000_000)
        XCTAssertNil(MemoryBudget.bytes(4, unit: "XB"))
        XCTAssertNil(MemoryBudget.bytes(-1, unit: "GB"))
        XCTAssertNil(MemoryBudget.bytes(.infinity, unit: nil))
        XCTAssertNil(MemoryBudget.bytes(1e300, unit: "TB"))
    }

    /// 2 GB, or half the machine (or container) when that is less — never 0 or more than the machine.
    func testTheDefaultFitsTheMachine() throws {
        let machine = try XCTUnwrap(MemoryBudget.physicalMemory())
        XCTAssertEqual(MemoryBudget.defaultLimit, min(2_000_000_000, machine / 2))
        // sysconf's figure, read independently from /proc/meminfo (kB).
        let meminfo = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        let total = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { Int($0.split(separator: " ")[1]) }
        XCTAssertLessThanOrEqual(machine, try XCTUnwrap(total) * 1024)
    }
}
