import XCTest
@testable import NetLang
import NetCore

final class DataStatementTests: XCTestCase {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks/data").path

    func testDatasetShapesAndScatterPlot() throws {
        let r = Recorder()
        let out = r.run("dataset s = spiral(n: 60, classes: 4, noise: 0.1)")
        XCTAssertEqual(r.value("s.x")?.shapeDescription, "60×2")
        XCTAssertEqual(r.value("s.y")?.shapeDescription, "60×1")
        XCTAssertEqual(r.scalar("max(s.y)"), 4)
        let plot = out.compactMap { if case .plot(let p) = $0.0 { return p } else { return nil } }.first
        XCTAssertEqual(plot?.kind, .scatter)
        XCTAssertEqual(plot?.series.first?.classes?.count, 60)
    }

    func testSeedMakesDataRepeatable() {
        let a = Recorder(), b = Recorder()
        a.run("seed 5\ndataset g = gaussian(n: 10)")
        b.run("seed 5\ndataset g = gaussian(n: 10)")
        XCTAssertEqual(a.value("g.x"), b.value("g.x"))
        a.run("dataset g = gaussian(n: 10)")   // the stream moved on: new points
        XCTAssertNotEqual(a.value("g.x"), b.value("g.x"))
    }

    func testDatasetErrorsPointAtTheOption() {
        let r = Recorder()
        let e = r.fail("dataset m = moons(n: 10, classes: 3)")
        XCTAssertEqual(e?.message, "moons always has 2 classes; classes: 3 is not possible")
        let n = r.fail("dataset m = moons(n: -4)")
        XCTAssertEqual(n?.column, 22)
        XCTAssertEqual(r.fail("dataset m = moon()")?.hint, "did you mean 'moons'?")
    }

    func testLoadIrisFromTheNotebookDirectory() throws {
        let r = Recorder()
        r.session.baseDirectory = Self.dataDirectory
        r.run("load iris = csv(\"iris.csv\", label: \"species\")")
        XCTAssertEqual(r.value("iris.x")?.shapeDescription, "150×4")
        XCTAssertEqual(r.scalar("sum(iris.y == 2)"), 50)
        r.run("load iris2 = csv(\"iris.csv\", label: 5)")
        XCTAssertEqual(r.value("iris2.y"), r.value("iris.y"))
    }

    func testLoadWithoutALabelSaysSoAndNamesAColumn() throws {
        let r = Recorder()
        r.session.baseDirectory = Self.dataDirectory
        let out = r.run("load iris = csv(\"iris.csv\")")
        let note = out.compactMap { if case .note(let n) = $0.0 { return n.text } else { return nil } }.first ?? ""
        XCTAssertTrue(note.contains("no label column: iris.y is empty and every column is an input; "
                                    + "name the targets with label:, e.g. label: \"species\""), note)
        XCTAssertEqual(r.value("iris.x")?.shapeDescription, "150×5")
        let labelled = r.run("load iris = csv(\"iris.csv\", label: \"species\")")
        XCTAssertFalse(labelled.contains { if case .note(let n) = $0.0 { return n.text.contains("no label column") } else { return false } })
    }

    /// Issue 10, item 8: column names come from the file; a header with ESC or a bidi
    /// override is shown escaped in the data set's note, never as a raw control character.
    func testColumnNamesFromTheFileAreEscapedInTheNote() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("esc-\(UUID().uuidString).csv")
        try "a\u{1B}[31m,b\u{202E}c\n1,2\n3,4\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = Recorder()
        let out = r.run("load d = csv(\"\(file.path)\")")
        let note = out.compactMap { if case .note(let n) = $0.0 { return n.text } else { return nil } }.first ?? ""
        XCTAssertTrue(note.contains("inputs: a\\x1b[31m, b\\u202ec"), note)
        XCTAssertTrue(note.contains("e.g. label: \"b\\u202ec\""), note)
        XCTAssertFalse(note.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, note)
    }

    func testLoadErrorsAreLocated() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try "a,b\n1,2\n3,x\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = Recorder()
        let e = r.fail("load d = csv(\"\(file.path)\", label: \"b\")")
        XCTAssertEqual(e?.kind, "FileError")
        XCTAssertEqual(e?.message, "row 2, column 2 (\(file.lastPathComponent):3:3): 'x' is not a number")
        XCTAssertEqual(e?.column, 14)
        XCTAssertEqual(r.fail("load d = csv(\"\(file.path)\", label: \"c\")")?.message.hasPrefix("\(file.lastPathComponent) has no column 'c'"), true)
        XCTAssertNil(r.session.state.datasets["d"])
    }

    func testLoadIDXImagesAndLabels() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idx-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two 2×2 images (type 0x08, 3 dimensions) and their labels 3 and 0, big-endian sizes.
        try Data([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 255, 128, 1, 9, 8, 7, 6]).write(to: dir.appendingPathComponent("img"))
        try Data([0, 0, 8, 1, 0, 0, 0, 2, 3, 0]).write(to: dir.appendingPathComponent("lbl"))
        try Data([0, 0, 8, 1, 0, 0, 0, 5, 3]).write(to: dir.appendingPathComponent("short"))
        let r = Recorder()
        r.session.baseDirectory = dir.path
        r.run("load m = idx(\"img\", \"lbl\")")
        XCTAssertEqual(r.value("m.x"), Tensor([[0, 255, 128, 1], [9, 8, 7, 6]]))
        XCTAssertEqual(r.value("m.y"), Tensor([[4], [1]]))   // digits 3 and 0 as classes
        let e = r.fail("load m2 = idx(\"img\", \"short\")")
        XCTAssertEqual(e?.message, "short is truncated: dimensions 5 need 13 bytes, the file has 9")
        XCTAssertEqual(e?.column, 22)   // the labels file's path, "short"
    }
}
