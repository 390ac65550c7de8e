import XCTest
@testable import NetLang
import NetCore

/// Issue 10: a per-session memory budget, checked before anything large is allocated.
/// Every refusal says how much was asked and what is left, and the session goes on.
final class MemoryStatementTests: XCTestCase {
    /// The first reproducer: the 10th `tensor zN = zeros(50000000, 1)` aborted the process
    /// (400 MB each). With a 500 MB budget the second is refused, located, and the
    /// session keeps the first and goes on.
    func testTheReproducerIsRefusedBeforeAllocating() {
        let r = Recorder()
        r.run("memory 500MB")
        r.run("tensor z1 = zeros(50000000, 1);")
        let e = r.fail("tensor z2 = zeros(50000000, 1);")
        XCTAssertEqual(e?.kind, "LimitError")
        XCTAssertEqual(e?.message, "zeros(50000000, 1) needs 400.0 MB, but only 100.0 MB of the session's 500.0 MB memory budget is left")
        XCTAssertEqual(e?.column, 13)
        XCTAssertEqual(e?.hint, "`show memory` shows what the session holds; free some with `reset` or by replacing large tensors, or raise the budget with `memory 4GB`")
        XCTAssertEqual(r.value("z1")?.rows, 50_000_000)
        XCTAssertNil(r.session.state.tensors["z2"])
        r.run("reset")
        r.run("tensor z2 = zeros(50000000, 1);")   // freed by reset: fits again
    }

    func testEveryKindOfAllocationIsCounted() throws {
        let r = Recorder()
        r.run("memory 1MB")
        // Expressions: products, broadcasts and elementwise functions of what exists.
        r.run("tensor a = ones(300, 200);")                      // 480 KB
        // a.T (480 KB) fits in the 520 KB left; the 300×300 product does not fit in the rest.
        XCTAssertEqual(r.fail("tensor b = a @ a.T")?.message,
                       "a @ a.T needs 720.0 KB, but only 40.0 KB of the session's 1.0 MB memory budget is left")
        XCTAssertEqual(r.fail("tensor b = sigmoid(a) + 1")?.message.hasPrefix("sigmoid(a) + 1 needs 480.0 KB, but only 40.0 KB"), true)
        XCTAssertEqual(r.fail("tensor b = ones(300, 1) + ones(1, 300)")?.message.hasPrefix("ones(300, 1) + ones(1, 300) needs 720.0 KB"), true)
        // Layers, a forward pass, data sets.
        XCTAssertEqual(r.fail("layer h = dense(300 -> 300, relu)")?.message,
                       "layer 'h' (300 -> 300) needs 1.4 MB, but only 520.0 KB of the session's 1.0 MB memory budget is left")
        r.run("reset\nmemory 1MB\nlayer h = dense(2 -> 100, relu)")
        XCTAssertEqual(r.fail("forward zeros(1000, 2)")?.message.hasPrefix("forward of 1000 samples needs 3.2 MB, but only"), true)
        XCTAssertEqual(r.fail("dataset s = moons(n: 100000)")?.message.hasPrefix("dataset s (100000 samples) needs 4.0 MB"), true)
        XCTAssertEqual(r.fail("train zeros(2000, 2), zeros(2000, 100)")?.message.hasPrefix("zeros(2000, 100) needs 1.6 MB"), true)
        r.run("train zeros(20, 2), zeros(20, 100), epochs: 2")
        // plot decision runs the network on 40×40 points: 1600 rows through a 100-wide layer.
        r.run("forward [[0.5, 0.5]]")
        XCTAssertEqual(r.fail("plot decision")?.message.hasPrefix("plot decision (1600 points through the network) needs 5.1 MB"), true)
        XCTAssertEqual(r.value("h.W")?.rows, 2)   // the session went on
    }

    func testTheBudgetIsShownAndSetAndKeptByReset() throws {
        let r = Recorder()
        let shown = r.run("memory 3 GB").compactMap { if case .note(let n) = $0.0 { return n.text } else { return nil } }
        XCTAssertEqual(shown, ["memory budget 3.0 GB: 0 bytes in use, 3.0 GB left"])
        r.run("tensor x = ones(1000, 10)\nlayer h = dense(10 -> 5, sigmoid)\nreset network\nlayer h = dense(10 -> 5, sigmoid)")
        let table = try XCTUnwrap(r.run("show memory").first?.0.tables.first)
        XCTAssertEqual(table.rows.first, [.text("tensors and their graphs"), .text("80.0 KB")])
        XCTAssertEqual(table.rows[1], [.text("layer parameters"), .text("440 bytes")])   // 10·5 + 5 numbers
        XCTAssertEqual(table.rows.last, [.text("total"), .text(MemoryBudget.describe(bytes: 80_000 + 440 + 8 * (50 + 5)))])
        r.run("reset")
        XCTAssertEqual(r.session.state.memoryLimit, 3_000_000_000)
        XCTAssertEqual(r.fail("memory 4 XB")?.message, "unknown unit 'XB'")
        XCTAssertEqual(r.fail("memory lots")?.message, "expected an amount of memory, found 'lots'")
        XCTAssertEqual(r.fail("memory 1e30")?.message, "the memory budget must be a size from 0 up, like 4GB")
        XCTAssertEqual(r.fail("memory 100000TB")?.message.hasSuffix("is more than this machine's \(MemoryBudget.describe(bytes: MemoryBudget.physicalMemory() ?? 0))"), true)
        XCTAssertEqual(r.session.state.memoryLimit, 3_000_000_000)
    }

    /// Two names for one storage (a layer's given weights) count once.
    func testSharedStorageCountsOnce() {
        let r = Recorder()
        r.run("tensor w = ones(100, 100)\nlayer h = dense(100 -> 100, relu, weights: w)")
        let f = SessionFootprint(r.session.state)
        XCTAssertEqual(f.tensors, 80_000)
        XCTAssertEqual(f.parameters, 800)   // the biases only: W is w's storage
    }

    /// load, save and restore ask the budget too, and say what they need.
    func testFilesAskTheBudgetFirst() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "a,b\n"
        for i in 0..<20_000 { csv += "\(i),\(i % 3)\n" }
        try csv.write(to: dir.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let r = Recorder()
        r.session.baseDirectory = dir.path
        r.run("memory 100KB")
        let load = r.fail("load d = csv(\"big.csv\", label: b)")
        XCTAssertEqual(load?.kind, "LimitError")
        XCTAssertEqual(load?.message.hasPrefix("big.csv ("), true)
        XCTAssertEqual(load?.message.contains("rows read so far) needs"), true)
        XCTAssertEqual(load?.column, 14)
        XCTAssertNil(r.session.state.datasets["d"])
        r.run("tensor x = ones(100, 100)\nmemory 1MB")   // 80 KB of numbers
        XCTAssertEqual(r.fail("save \"s.json\"")?.message,
                       "save (the session as JSON text) needs 1.6 MB, but only 920.0 KB of the session's 1.0 MB memory budget is left")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.json").path))
        r.run("memory 10MB\nsave \"s.json\"\nmemory 150KB")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("s.json").path)[.size] as? Int)
        XCTAssertEqual(r.fail("restore \"s.json\"")?.message,
                       "restore of a \(MemoryBudget.describe(bytes: size)) file needs \(MemoryBudget.describe(bytes: 6 * size)), but only 70.0 KB of the session's 150.0 KB memory budget is left")
        r.run("reset\nmemory 10MB\nrestore \"s.json\"")
        XCTAssertEqual(r.value("x")?.count, 10_000)
    }
}
