import Dispatch
import Foundation
import XCTest
@testable import NetLang
import NetCore

/// Ctrl-C (or Jupyter's stop button, or nb-run's --timeout) during long work: the cell
/// stops with a KeyboardInterrupt, the session is as it was before the interrupted
/// statement, and the next cell runs. The work runs on one thread and the interrupt
/// comes from another, as in the kernel.
final class InterruptTests: XCTestCase {
    func testAChainOfLargeProductsStopsAndKeepsTheOldValue() throws {
        let r = Recorder()
        // a @ a = a for this a (every entry 1/n): the chain is long work with a known result.
        r.run("tensor a = ones(2000, 2000) / 2000\ntensor b = [7]")
        let (error, _) = interrupted(r, "tensor b = a @ a @ a @ a @ a @ a @ a @ a")
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.message, "interrupted; the session is as it was before this statement")
        XCTAssertEqual(r.value("b"), Tensor([[7]]), "no half-assigned tensor")
        // The next statement works and the flag no longer stops anything.
        XCTAssertEqual(r.value("(a @ a)[1, 1]")?.scalar ?? .nan, 1.0 / 2000, accuracy: 1e-15)
    }

    func testOneLargeProductStopsBetweenItsBlocks() throws {
        let r = Recorder()
        r.run("tensor a = ones(3000, 3000)\ntensor c = [1, 2]")
        // One product of 27·10⁹ multiply-adds: seconds in a single BLAS call without blocks.
        let (error, _) = interrupted(r, "tensor c = a @ a", after: 0.2)
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(r.value("c"), Tensor([[1, 2]]))
    }

    func testLoadingALargeCSVStopsAndKeepsTheOldData() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "a,b,label\n1,2,0\n3,4,1\n".write(to: dir.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        var big = "a,b,c,d,e,f,g,h,label\n"
        big.reserveCapacity(40_000_000)
        for i in 0..<600_000 { big += "0.125,0.25,0.5,1.5,2.5,3.5,4.25,5.75,\(i % 10)\n" }
        try big.write(to: dir.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)

        let r = Recorder()
        r.session.baseDirectory = dir.path
        r.run("load d = csv(\"small.csv\", label: \"label\")")
        let (error, _) = interrupted(r, "load d = csv(\"big.csv\", label: \"label\")", after: 0.2)
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(r.value("d.x"), Tensor([[1, 2], [3, 4]]), "the data set is the one loaded before")
        r.run("tensor n = sum(d.y)")
    }

    func testATrainStepOfLargeProductsStopsBeforeItsUpdate() throws {
        let r = Recorder()
        // One full-batch step is ~10¹⁰ multiply-adds: the interrupt lands inside the first.
        r.run("seed 3\ntensor X = rand(20000, 500);\ntensor T = rand(20000, 1);\nlayer h = dense(500 -> 500, relu)\nlayer o = dense(500 -> 1, sigmoid)\nloss mse")
        let before = try XCTUnwrap(r.value("h.W"))
        let (error, _) = interrupted(r, "train X, T, epochs: 1000", after: 0.3)
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.message, "train interrupted after step 0 of 1000; the parameters are those of step 0")
        XCTAssertEqual(r.value("h.W"), before, "no half-updated weights")
        XCTAssertTrue(r.session.state.history.isEmpty)
        // The session goes on: a forward on a few rows works with the same weights.
        r.run("forward X[1:2, :], T[1:2, :]")
    }

    func testAnInterruptBetweenStatementsStopsTheRestOfTheCell() throws {
        let r = Recorder()
        r.run("tensor a = ones(2000, 2000) / 2000\ntensor kept = [0]")
        let (error, _) = interrupted(r, "tensor kept = [1]\ntensor b = a @ a @ a @ a @ a @ a @ a @ a\ntensor never = [2]")
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(r.value("kept"), Tensor([[1]]), "statements before the interrupted one are kept")
        XCTAssertNil(r.session.state.tensors["b"])
        XCTAssertNil(r.session.state.tensors["never"])
    }

    func testAnInterruptWhileAnOutputIsShownEndsTheCellAfterIt() {
        let r = Recorder()
        // As if Ctrl-C came while the front end rendered the first statement's output.
        let error = r.session.run("tensor shown = [1, 2]\ntensor next = [3]") { _, _ in r.session.interrupt.raise() }
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.message, "interrupted while showing this statement's output; the statement itself had finished and is kept")
        XCTAssertEqual(r.value("shown"), Tensor([[1, 2]]))
        XCTAssertNil(r.session.state.tensors["next"])
    }

    /// Every loop over user-sized data checks the flag: with the flag already raised,
    /// each stops at its first check instead of finishing.
    func testEveryLongLoopChecksTheFlag() throws {
        let flag = InterruptFlag()
        flag.raise()
        var rng = SeededGenerator(seed: 1)
        let a = Tensor(rows: 600, cols: 600, repeating: 1)
        let work: [(String, () throws -> Void)] = [
            ("product", { _ = try a.matmul(a) }),
            ("elementwise", { _ = try a + a }),
            ("broadcast", { _ = try a + Tensor([[1]]) }),
            ("map", { _ = try a.mapInterruptibly { $0 * 2 } }),
            ("transpose", { _ = try a.transposedInterruptibly() }),
            ("activation", { _ = try Activation.softmax.applyInterruptibly(a) }),
            ("randn", { _ = try Tensor.randn(1000, 1000, using: &rng) }),
            ("rand", { _ = try Tensor.rand(1000, 1000, using: &rng) }),
            ("dataset", { _ = try DatasetGenerator.make(.spiral, n: 100_000, rng: &rng) }),
            ("csv", { _ = try CSVLoader.parse("a,b\n" + String(repeating: "1,2\n", count: 10_000), label: nil) }),
            ("idx", { _ = try IDXLoader.parse([0, 0, 8, 1, 0, 0, 0, 4, 1, 2, 3, 4]) }),
        ]
        for (name, body) in work {
            XCTAssertThrowsError(try Interruption.watching(flag, body), name) { error in
                XCTAssertEqual(error as? Interrupted, Interrupted(), name)
            }
            // Outside `watching` (or with the flag down) the same work runs.
            XCTAssertNoThrow(try body(), name)
        }
        // The blocked forms compute what the plain ones do (blocks of rows for softmax).
        let m = try Tensor.randn(3000, 700, using: &rng)
        XCTAssertEqual(try m.mapInterruptibly { -$0 }, -m)
        XCTAssertEqual(try m.transposedInterruptibly(), m.transposed)
        for activation in [Activation.softmax, .sigmoid, .relu, .tanh] {
            XCTAssertEqual(try activation.applyInterruptibly(m), activation.apply(m), activation.name)
        }
    }
}
