import Dispatch
import Foundation
import XCTest
import NetCore
import NetLang
@testable import NetRender

/// Ctrl-C while a large output is rendered (`show x full` formats up to 100 000 values in
/// text, HTML and JSON: seconds in a debug build): the rendering stops at its next check,
/// the front end drops the output, and the session reports a KeyboardInterrupt and goes on.
final class InterruptRenderTests: XCTestCase {
    private func raised() -> InterruptFlag {
        let flag = InterruptFlag()
        flag.raise()
        return flag
    }

    /// Every form of a full 100 000-value tensor, and of a graph and a group holding one,
    /// stops at a raised flag; without it the same output renders.
    func testEveryFormOfALargeTensorStopsAtARaisedFlag() throws {
        var rng = SeededGenerator(seed: 1)
        let renderer = Renderer(settings: RenderSettings())
        for (rows, cols) in [(316, 316), (100_000, 1), (1, 100_000)] {
            let view = TensorView(name: "x", value: try Tensor.randn(rows, cols, using: &rng), full: true)
            let graph = GraphView(root: "x", nodes: [.init(id: 0, name: "x", op: "input", value: view.value, grad: nil, inputs: [])])
            let outputs: [(String, Output)] = [("tensor", .tensor(view)), ("group", .group([.note(Note(text: "n")), .tensor(view)])),
                                               ("graph", .graph(graph))]
            for (what, output) in outputs {
                let name = "\(what) \(rows)×\(cols)"
                XCTAssertThrowsError(try Interruption.watching(raised()) { try renderer.interruptibleBundle(for: output) }, name) {
                    XCTAssertEqual($0 as? Interrupted, Interrupted(), name)
                }
                XCTAssertThrowsError(try Interruption.watching(raised()) { try renderer.interruptibleText(output) }, name)
                // The non-throwing forms say what happened instead of showing part of it.
                XCTAssertEqual(Interruption.watching(raised()) { renderer.bundle(for: output) }.plain, Renderer.interruptedText, name)
                XCTAssertEqual(Interruption.watching(raised()) { renderer.text(output) }, Renderer.interruptedText, name)
            }
            // Not interrupted: every value is in the text and the JSON.
            let bundle = try renderer.interruptibleBundle(for: .tensor(view))
            XCTAssertEqual(bundle.plain.split(separator: "\n").count, 1 + rows, "\(rows)×\(cols)")
            let data = try XCTUnwrap(bundle.json?["data"]?.array)
            XCTAssertEqual(data.flatMap { $0.array ?? [] }.map(\.double), view.value.data.map { Optional($0) })
        }
    }

    /// A plot of the most points a plot keeps (20 000), as a line and as a scatter, stops
    /// at a raised flag in text and SVG.
    func testAPlotOfTwentyThousandPointsStopsAtARaisedFlag() throws {
        let xs = (0..<20_000).map(Double.init), ys = xs.map { sin($0 / 100) }
        let renderer = Renderer(settings: RenderSettings())
        for kind in [Plot.Kind.line, .scatter] {
            let plot = Output.plot(Plot(kind: kind, title: "p", xLabel: "x", yLabel: "y", series: [Plot.Series(label: "s", x: xs, y: ys)]))
            XCTAssertThrowsError(try Interruption.watching(raised()) { try renderer.interruptibleBundle(for: plot) }, "\(kind)")
            XCTAssertThrowsError(try Interruption.watching(raised()) { try PlotSVG().render(Self.plot(plot)) }, "\(kind)")
            XCTAssertNoThrow(try renderer.interruptibleBundle(for: plot), "\(kind)")
        }
    }

    private static func plot(_ output: Output) -> Plot {
        if case .plot(let p) = output { return p }
        fatalError("not a plot")
    }

    /// The interrupt raised while the front end renders: the output is dropped, the cell
    /// ends with the interrupt at that statement, the statement itself is kept, and the
    /// next statement of the cell does not run.
    func testAnInterruptDuringRenderingDropsTheOutputAndEndsTheCell() throws {
        let session = Session()
        XCTAssertNil(session.run("seed 2\ntensor x = randn(316, 316);") { _, _ in })
        var shown: [MimeBundle] = []
        let renderer = Renderer(settings: session.settings)
        let error = session.run("show x full\ntensor after = [1]") { output, _ in
            session.interrupt.raise()   // Ctrl-C as the rendering starts
            if let bundle = try? renderer.interruptibleBundle(for: output) { shown.append(bundle) }
        }
        XCTAssertTrue(shown.isEmpty, "nothing half-rendered is shown")
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.message, "interrupted while showing this statement's output; the statement itself had finished and is kept")
        // The next cell runs and renders; `after` never ran.
        var texts: [String] = []
        XCTAssertNil(session.run("show x[1, 1]") { output, _ in texts.append(renderer.text(output)) })
        XCTAssertEqual(texts.count, 1)
        XCTAssertNotNil(session.run("show after") { _, _ in })
    }

    /// The curve and summary of the steps an interrupted train completed are still shown:
    /// they are rendered after the interrupt was handled (`Interruption.finishing`).
    func testAnInterruptedTrainStillShowsItsCurveAndSummary() {
        let session = Session()
        XCTAssertNil(session.run("""
            seed 1
            dataset s = spiral(n: 300, classes: 3)
            layer h = dense(2 -> 16, relu)
            layer o = dense(16 -> 3, softmax)
            loss cross_entropy
            optimizer adam(lr: 0.01)
            """) { _, _ in })
        let renderer = Renderer(settings: session.settings)
        var shown: [String] = []
        let error = session.run("train s.x, s.y, epochs: 1000000, batch: 10") { output, role in
            switch role {
            case .liveDisplay: session.interrupt.raise()   // Ctrl-C at the first progress update
            case .endLiveDisplay: break
            default:
                // As the kernel publishes: rendered, and not interrupted meanwhile.
                if let bundle = try? renderer.interruptibleBundle(for: output), !Interruption.isRequested { shown.append(bundle.plain) }
            }
        }
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(shown.count, 2, "\(shown)")
        XCTAssertTrue(shown.first?.contains("training loss") ?? false, "\(shown)")
        XCTAssertTrue(shown.last?.contains("interrupted at step") ?? false, "\(shown)")
    }

    /// From another thread while `show x full` renders, as the kernel interrupts; the
    /// latency is printed, not asserted (timings are flaky on a shared machine).
    func testShowFullInterruptedFromAnotherThread() throws {
        let session = Session()
        XCTAssertNil(session.run("seed 3\ntensor x = randn(100000, 1);") { _, _ in })
        let renderer = Renderer(settings: session.settings)
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        final class Result: @unchecked Sendable { var error: NetError?; var shown = 0 }
        let result = Result()
        Thread.detachNewThread {
            result.error = session.run("show x full") { output, _ in
                started.signal()
                // Rendered three times over: long enough to be interrupted in a debug or release build.
                for _ in 0..<3 { if (try? renderer.interruptibleBundle(for: output)) != nil { result.shown += 1 } }
            }
            done.signal()
        }
        started.wait()
        Thread.sleep(forTimeInterval: 0.05)
        let raised = Date()
        session.interrupt.raise()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success, "the rendering did not stop within 5 s")
        print("interrupt latency for show x full (100000×1): \(Int(Date().timeIntervalSince(raised) * 1000)) ms")
        XCTAssertEqual(result.error?.kind, "KeyboardInterrupt")
        XCTAssertLessThan(result.shown, 3, "the rendering stopped")
    }
}
