import Dispatch
import Foundation
import XCTest
@testable import NetLang
import NetCore

/// Ctrl-C during `save` and `restore` of a large session (seconds of JSON coding in a
/// debug build): the cell stops with a KeyboardInterrupt; an interrupted save leaves the
/// old file byte for byte as it was and no temporary file; an interrupted restore leaves
/// the session as it was.
final class InterruptSaveRestoreTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("interrupt-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    private func raised() -> InterruptFlag {
        let flag = InterruptFlag()
        flag.raise()
        return flag
    }

    private func assertInterrupted(_ body: () throws -> Void, _ what: String, line: UInt = #line) {
        XCTAssertThrowsError(try body(), what, line: line) { error in
            XCTAssertEqual(error as? Interrupted, Interrupted(), "\(what): \(error)", line: line)
        }
    }

    // MARK: each part stops at a raised flag

    func testEncodingStopsAtARaisedFlag() throws {
        let r = Recorder()
        r.run("tensor x = [1, 2, 3]")
        assertInterrupted({ _ = try Interruption.watching(self.raised()) { try SessionArchive.encode(r.session.state) } }, "encode")
        // With the flag down the same state encodes, and reads back.
        let data = try Interruption.watching(InterruptFlag()) { try SessionArchive.encode(r.session.state) }
        XCTAssertEqual(try SessionArchive.decode(data).tensors["x"]?.value, Tensor([[1, 2, 3]]))
    }

    func testDecodingStopsAtARaisedFlagAndIsNotCalledDamaged() throws {
        let r = Recorder()
        r.run("tensor x = [1, 2, 3]")
        let data = try SessionArchive.encode(r.session.state)
        // Interrupted, not ArchiveError("the session file is damaged …").
        assertInterrupted({ _ = try Interruption.watching(self.raised()) { try SessionArchive.decode(data) } }, "decode")
    }

    func testWritingStopsAtARaisedFlagAndLeavesTheOldFileAndNoTemporary() throws {
        let target = directory.appendingPathComponent("s.json").path
        try Data("old contents".utf8).write(to: URL(fileURLWithPath: target))
        let bytes = [UInt8](repeating: 65, count: 10 << 20)
        assertInterrupted({
            try Interruption.watching(self.raised()) { try bytes.withUnsafeBytes { try SafeFileWrite.write($0, to: target) } }
        }, "write")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old contents")
        XCTAssertEqual(try files(), ["s.json"], "no temporary file is left")
    }

    // MARK: a session interrupted from another thread, as the kernel does

    /// A session with a large tensor saved to big.json, then changed: `a` is [1], `keep` is [5].
    private func sessionWithABigFile() throws -> (Recorder, Data) {
        let r = Recorder()
        r.session.baseDirectory = directory.path
        // 2 million numbers: seconds of JSON coding in a debug build.
        r.run("seed 1\ntensor a = randn(2000, 1000);\nsave \"big.json\"")
        let saved = try Data(contentsOf: directory.appendingPathComponent("big.json"))
        r.run("tensor a = [1]\ntensor keep = [5]")
        return (r, saved)
    }

    func testAnInterruptedSaveLeavesTheOldFileAndNoTemporary() throws {
        let (r, saved) = try sessionWithABigFile()
        r.run("tensor a = randn(2000, 1000);")
        let (error, _) = interrupted(r, "save \"big.json\"", after: 0.3)
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.message, "interrupted; the session is as it was before this statement")
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("big.json")), saved, "the old file is unchanged")
        XCTAssertEqual(try files(), ["big.json"], "no temporary file is left")
        // The next save goes through.
        r.run("tensor a = [2]\nsave \"big.json\"")
        r.run("tensor a = [3]\nrestore \"big.json\"")
        XCTAssertEqual(r.value("a"), Tensor([[2]]))
    }

    func testAnInterruptedRestoreLeavesTheSessionAsItWas() throws {
        let (r, _) = try sessionWithABigFile()
        let (error, _) = interrupted(r, "tensor keep = [6]\nrestore \"big.json\"", after: 0.3)
        XCTAssertEqual(error?.kind, "KeyboardInterrupt")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.message, "interrupted; the session is as it was before this statement")
        XCTAssertEqual(r.value("a"), Tensor([[1]]), "the file's a was not restored")
        XCTAssertEqual(r.value("keep"), Tensor([[6]]), "the statement before the restore is kept")
        // The next cell runs, and the same restore without an interrupt reads the file.
        r.run("restore \"big.json\"")
        XCTAssertEqual(r.value("a")?.rows, 2000)
        XCTAssertEqual(r.value("a")?.cols, 1000)
    }
}
