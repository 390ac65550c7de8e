import Foundation
import XCTest
@testable import NetLang
import NetCore

/// An interrupt at any moment of a large `save` or `restore` (numbers being coded, JSON
/// text being written or read, the file being written) stops the statement promptly and
/// loses nothing: the old file stays byte for byte, no temporary is left, the session is
/// as it was. The interrupt lands at eight moments spread over the first half of the
/// statement's own duration (measured first; the first half, so that a run on a less busy
/// machine does not finish first), and once as soon as the temporary file appears (the
/// text being streamed to it), so every phase is hit, not only the one at a fixed delay.
///
/// The bound asserted is loose (2 s: it only catches a phase without checks); the figures
/// are printed for the record, since timings on a shared machine are not asserted.
final class InterruptSaveRestoreSweepTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("interrupt-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var big: URL { directory.appendingPathComponent("big.json") }

    /// A session holding 2 million numbers, saved once; returns the file and the save's duration.
    private func sessionWithABigFile() throws -> (Recorder, Data, Double) {
        let r = Recorder()
        r.session.baseDirectory = directory.path
        r.run("seed 1\ntensor a = randn(2000, 1000);")
        let started = Date()
        r.run("save \"big.json\"")
        return (r, try Data(contentsOf: big), Date().timeIntervalSince(started))
    }

    private func sweep(_ duration: Double) -> [Double] {
        (1...8).map { duration * Double($0) / 16 }
    }

    func testAnInterruptAnywhereInASaveKeepsTheOldFile() throws {
        let (r, saved, duration) = try sessionWithABigFile()
        r.run("tensor a = randn(2000, 1000);")
        var latencies: [Double] = []
        for delay in sweep(duration) {
            let (error, latency) = interrupted(r, "save \"big.json\"", after: delay)
            XCTAssertEqual(error?.kind, "KeyboardInterrupt", "at \(delay) s")
            XCTAssertLessThan(latency, 2, "the interrupt at \(delay) s waited for a phase without checks")
            XCTAssertEqual(try Data(contentsOf: big), saved, "the old file is unchanged (interrupt at \(delay) s)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["big.json"],
                           "no temporary file is left (interrupt at \(delay) s)")
            latencies.append(latency)
        }
        // Once the text is being streamed to the temporary file.
        let (error, latency) = interruptedWhen(r, "save \"big.json\"") {
            ((try? FileManager.default.contentsOfDirectory(atPath: self.directory.path)) ?? []).contains { $0.hasSuffix(".tmp") }
        }
        XCTAssertEqual(error?.kind, "KeyboardInterrupt", "while writing the temporary file")
        XCTAssertLessThan(latency, 2, "the interrupt while writing waited")
        XCTAssertEqual(try Data(contentsOf: big), saved, "the old file is unchanged (interrupt while writing)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["big.json"])
        latencies.append(latency)
        print("save of 2M numbers (\(Int(duration * 1000)) ms): interrupt latencies \(latencies.map { Int($0 * 1000) }) ms, max \(Int(latencies.max()! * 1000)) ms")
    }

    func testAnInterruptAnywhereInARestoreKeepsTheSession() throws {
        let (r, _, _) = try sessionWithABigFile()
        r.run("tensor a = [1]")
        let started = Date()
        r.run("restore \"big.json\"")
        let duration = Date().timeIntervalSince(started)
        r.run("tensor a = [1]")
        var latencies: [Double] = []
        for delay in sweep(duration) {
            let (error, latency) = interrupted(r, "restore \"big.json\"", after: delay)
            XCTAssertEqual(error?.kind, "KeyboardInterrupt", "at \(delay) s")
            XCTAssertLessThan(latency, 2, "the interrupt at \(delay) s waited for a phase without checks")
            XCTAssertEqual(r.value("a")?.data, [1], "the session is as it was (interrupt at \(delay) s)")
            latencies.append(latency)
        }
        print("restore of 2M numbers (\(Int(duration * 1000)) ms): interrupt latencies \(latencies.map { Int($0 * 1000) }) ms, max \(Int(latencies.max()! * 1000)) ms")
    }

    /// Runs `code` on another thread and raises the interrupt as soon as `condition` holds;
    /// returns the cell's error and how long it took to stop after the interrupt.
    private func interruptedWhen(_ r: Recorder, _ code: String, condition: @escaping () -> Bool) -> (NetError?, Double) {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread.detachNewThread {
            outcome.error = r.session.run(code) { _, _ in }
            done.signal()
        }
        let deadline = Date().addingTimeInterval(60)
        while !condition() && Date() < deadline { usleep(1000) }
        let raised = Date()
        r.session.interrupt.raise()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success, "the cell did not stop within 5 s of the interrupt")
        return (outcome.error, Date().timeIntervalSince(raised))
    }
}
