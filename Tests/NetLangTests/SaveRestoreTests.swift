import XCTest
@testable import NetLang
import NetCore

final class SaveRestoreTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("netbook-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A session with a bit of everything: settings, tensors with a graph, a trained
    /// network with Adam state, history, a data set, and values that JSON finds hard.
    let busy = """
    precision 6
    style unicode
    seed 3
    tensor a = [0.1, 0.2, 0.30000000000000004]
    tensor b = a * 3 + 1e-300
    tensor c = sum(b)
    tensor tiny = [5e-324, -0.0, 1.7976931348623157e308]
    tensor odd = log([0, 1]) / [1, 0]
    backward c
    dataset s = spiral(n: 24, classes: 3)
    layer h = dense(2 -> 5, relu, init: he)
    layer o = dense(5 -> 3, softmax)
    loss cross_entropy
    optimizer adam(lr: 0.02)
    train s.x, s.y, epochs: 3, batch: 7
    """

    func testRoundTripIsExact() throws {
        let a = Recorder()
        a.run(busy)
        a.run("save \"\(path("s.json"))\"")
        let b = Recorder()
        b.run("restore \"\(path("s.json"))\"")
        let x = a.session.state, y = b.session.state
        XCTAssertEqual(y.settings, x.settings)
        XCTAssertEqual(x.tensors["odd"]?.value.data.last?.isNaN, true)   // the hard values are really there
        XCTAssertEqual(y.tensors["tiny"]?.value.data.map(\.bitPattern), [1, (-0.0).bitPattern, Double.greatestFiniteMagnitude.bitPattern])
        XCTAssertEqual(y.tensorNames, x.tensorNames)
        for name in x.tensorNames {
            // Bit patterns, so that -0.0 and the smallest subnormal count too (every NaN is
            // written as "nan": its sign and payload carry no meaning and are not kept).
            let bits = { (t: Tensor?) in t?.data.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern } }
            XCTAssertEqual(bits(y.tensors[name]?.value), bits(x.tensors[name]?.value), name)
        }
        XCTAssertEqual(y.network.layers.map(\.W), x.network.layers.map(\.W))
        XCTAssertEqual(y.network.layers.map(\.b), x.network.layers.map(\.b))
        XCTAssertEqual(y.optimizer.kind, x.optimizer.kind)
        for id in x.network.parameters {
            XCTAssertEqual(y.optimizer.state(of: id), x.optimizer.state(of: id))
        }
        XCTAssertEqual(y.history, x.history)
        XCTAssertEqual(y.training, x.training)
        XCTAssertEqual(y.gradients, x.gradients)
        XCTAssertEqual(y.datasets, x.datasets)
        // The graph came back too: c still depends on a through b.
        XCTAssertEqual(b.value("grad(a)"), Tensor([[3, 3, 3]]))
        b.run("backward c")
        XCTAssertEqual(b.value("grad(a)"), Tensor([[3, 3, 3]]))
        // Saving the restored session writes the same bytes.
        b.run("save \"\(path("t.json"))\"")
        XCTAssertEqual(FileManager.default.contents(atPath: path("s.json")), FileManager.default.contents(atPath: path("t.json")))
    }

    func testTrainingContinuesAsIfNeverSaved() throws {
        // Adam's moments, step counts and the random stream (shuffling) all carry over.
        let straight = Recorder()
        straight.run(busy + "\ntrain s.x, s.y, epochs: 2, batch: 5")
        let saved = Recorder()
        saved.run(busy + "\nsave \"\(path("mid.json"))\"")
        let resumed = Recorder()
        resumed.run("restore \"\(path("mid.json"))\"\ntrain s.x, s.y, epochs: 2, batch: 5")
        XCTAssertEqual(resumed.value("h.W"), straight.value("h.W"))
        XCTAssertEqual(resumed.value("o.b"), straight.value("o.b"))
        XCTAssertEqual(resumed.session.state.history, straight.session.state.history)
        XCTAssertEqual(resumed.value("randn(1, 3)"), straight.value("randn(1, 3)"))
    }

    /// Whatever is wrong with a file, restore refuses it and the session stays as it was.
    func assertRefused(_ bytes: Data, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let bad = path("bad.json")
        try bytes.write(to: URL(fileURLWithPath: bad))
        let r = Recorder()
        r.run("tensor keep = [1, 2]\nlayer l = dense(2 -> 1, sigmoid, weights: [[1], [2]])")
        let error = r.fail("restore \"\(bad)\"")
        XCTAssertEqual(error?.kind, "FileError", file: file, line: line)
        XCTAssertTrue(error?.message.contains(expected) ?? false, "\(error?.message ?? "no error")", file: file, line: line)
        XCTAssertEqual(error?.hint, "the session was not changed", file: file, line: line)
        XCTAssertEqual(r.value("keep"), Tensor([[1, 2]]), file: file, line: line)
        XCTAssertEqual(r.session.state.network.layers.map(\.name), ["l"], file: file, line: line)
    }

    func savedBytes() throws -> Data {
        let r = Recorder()
        r.run(busy + "\nsave \"\(path("good.json"))\"")
        return try XCTUnwrap(FileManager.default.contents(atPath: path("good.json")))
    }

    func testTruncatedFileIsRefused() throws {
        let good = try savedBytes()
        try assertRefused(good.prefix(good.count / 2), "not valid JSON (is it truncated?)")
    }

    func testNewerVersionIsRefused() throws {
        let text = String(decoding: try savedBytes(), as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":2")
        try assertRefused(Data(text.utf8), "written by a newer NetBook (format version 2); this one reads version 1")
    }

    func testOtherJSONAndDamagedContentsAreRefused() throws {
        try assertRefused(Data("{\"cells\": []}".utf8), "its format is missing")
        let good = String(decoding: try savedBytes(), as: UTF8.self)
        // A weight matrix whose values do not fill its shape.
        let damaged = good.replacingOccurrences(of: "\"shape\":[2,5]", with: "\"shape\":[2,6]")
        XCTAssertNotEqual(damaged, good)
        try assertRefused(Data(damaged.utf8), "the session file is damaged")
        let unknown = good.replacingOccurrences(of: "\"activation\":\"relu\"", with: "\"activation\":\"swish\"")
        try assertRefused(Data(unknown.utf8), "unknown activation 'swish'")
    }

    /// Where a damaged file goes wrong is named as a key path without a leading dot, and
    /// names that are not the language's are refused.
    func testDamagePathsAndBadNames() throws {
        let good = String(decoding: try savedBytes(), as: UTF8.self)
        let runs = good.replacingOccurrences(of: "\"trainingRuns\":1", with: "\"trainingRuns\":\"one\"")
        XCTAssertNotEqual(runs, good)
        try assertRefused(Data(runs.utf8), "the session file is damaged at 'trainingRuns': ")
        let layer = good.replacingOccurrences(of: "\"activation\":\"relu\"", with: "\"activation\":7")
        XCTAssertNotEqual(layer, good)
        try assertRefused(Data(layer.utf8), "the session file is damaged at 'network.layers[0].activation': ")
        let name = good.replacingOccurrences(of: "{\"name\":\"tiny\"", with: "{\"name\":\"9tiny\"")
        XCTAssertNotEqual(name, good)
        try assertRefused(Data(name.utf8), "'9tiny' is not a tensor name")
    }

    func testSaveIsAtomicAndReportsUnwritablePlaces() throws {
        let r = Recorder()
        r.run("tensor x = [1]\nsave \"\(path("a.json"))\"")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(leftovers, ["a.json"])   // no temporary file left behind
        let error = r.fail("save \"\(path("missing/dir/a.json"))\"")
        XCTAssertEqual(error?.kind, "FileError")
        XCTAssertEqual(error?.column, 6)
        XCTAssertTrue(error?.message.contains("does not exist") ?? false)
        XCTAssertEqual(r.fail("restore \"\(path("nope.json"))\"")?.message,
                       "cannot read '\(path("nope.json"))': no such file or not readable")
    }

    func testRelativePathsUseTheNotebookDirectory() throws {
        let r = Recorder()
        r.session.baseDirectory = directory.path
        r.run("tensor x = [4]\nsave \"rel.json\"")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("rel.json")))
        let other = Recorder()
        other.session.baseDirectory = directory.path
        other.run("restore \"rel.json\"")
        XCTAssertEqual(other.value("x"), Tensor([[4]]))
    }
}
