import XCTest
@testable import NetLang
import NetCore

/// Issue 10: every field of a restored session file is checked, with an error that names
/// the field, and a refused file leaves the session as it was. `save` writes only regular
/// files and never leaves a temporary file of its own behind.
extension SaveRestoreTests {
    /// `busy`'s file with the first match of each pattern (a regular expression) replaced.
    func edited(_ edits: (String, String)...) throws -> Data {
        var text = String(decoding: try savedBytes(), as: UTF8.self)
        for (pattern, replacement) in edits {
            let range = try XCTUnwrap(text.range(of: pattern, options: .regularExpression), pattern)
            text = text.replacingCharacters(in: range, with: replacement)
        }
        return Data(text.utf8)
    }

    /// The first reproducer: an Adam step count near Int.max was accepted and the next
    /// step overflowed the count (or, from Int.max - 1, turned every weight into nan).
    func testAStepCountNearIntMaxIsRefusedByName() throws {
        try assertRefused(try edited((#""h.W":[0-9]+"#, "\"h.W\":9223372036854775806")),
                          "the session file is damaged: network.optimizer.steps[\"h.W\"] is 9223372036854775806; a count is between 0 and 9007199254740992")
        try assertRefused(try edited((#""h.b":[0-9]+"#, "\"h.b\":-1")),
                          "network.optimizer.steps[\"h.b\"] is -1")
        try assertRefused(try edited((#""trainingRuns":[0-9]+"#, "\"trainingRuns\":9223372036854775807")),
                          "trainingRuns is 9223372036854775807; a count is between 0 and")
    }

    func testSettingsOptimizerAndDataSetFieldsAreNamed() throws {
        try assertRefused(try edited((#""precision":[0-9]+"#, "\"precision\":99")),
                          "settings.precision is 99; precision is 0 to 17 digits")
        try assertRefused(try edited((#""style":"[a-z]+""#, "\"style\":\"fancy\"")),
                          "settings.style is 'fancy'; it is ascii or unicode")
        try assertRefused(try edited((#""lr":[0-9.e-]+"#, "\"lr\":-0.5")),
                          "network.optimizer.lr is -0.5; it must be a finite number ≥ 0")
        try assertRefused(try edited((#""eps":[0-9.e-]+"#, "\"eps\":\"inf\"")),
                          "network.optimizer.eps is inf; it must be a finite number ≥ 0")
        try assertRefused(try edited((#""root":"[a-z]+""#, "\"root\":\"nowhere\"")),
                          "gradients.root is 'nowhere', which is neither the network's loss nor a tensor of the file")
        // The data set's y loses a row: 24 samples in x, 23 in y.
        try assertRefused(try edited((#""y":\{"data":\[[0-9.]+,"#, "\"y\":{\"data\":["), (#""shape":\[24,1\]"#, #""shape":[23,1]"#)),
                          "datasets.s has 24 rows in x but 23 in y")
    }

    /// busy's last backward is `backward c`: grad(a) is 1×3 like a.
    func testAGradientOfTheWrongShapeIsNamed() throws {
        try assertRefused(try edited((#""a":\{"data":\[[^\]]*\],"shape":\[1,3\]"#, #""a":{"data":[3,3],"shape":[1,2]"#)),
                          "gradients.values[\"a\"] is 1×2, but a is 1×3")
    }

    func testOptimizerStateOfTheWrongShapeNamesBothShapes() throws {
        let bytes = try edited((#""first":\{"h.W":\{"data":\[[^\]]*\],"shape":\[2,5\]"#,
                                #""first":{"h.W":{"data":[1,2,3,4,5],"shape":[1,5]"#))
        try assertRefused(bytes, "the optimizer's first moment of 'h.W' is 1×5, but h.W is 2×5")
    }

    /// A truncated file at any length is refused and the session is untouched.
    func testEveryTruncationIsRefused() throws {
        let good = try savedBytes()
        for length in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            try assertRefused(good.prefix(length), "session file")
        }
    }

    func testSaveRefusesDevicesFIFOsAndDirectoriesBeforeTouchingThem() throws {
        let r = Recorder()
        r.run("tensor x = [1]")
        XCTAssertEqual(r.fail("save \"/dev/null\"")?.message,
                       "cannot write '/dev/null': it is a device, not a regular file; save writes regular files only")
        let fifo = path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(r.fail("save \"\(fifo)\"")?.message,
                       "cannot write '\(fifo)': it is a FIFO (named pipe), not a regular file; save writes regular files only")
        var info = stat()
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertEqual(r.fail("save \"\(directory.path)\"")?.message,
                       "cannot write '\(directory.path)': it is a directory, not a regular file; save writes regular files only")
        XCTAssertEqual(r.fail("restore \"\(fifo)\"")?.message,
                       "cannot read '\(fifo)': it is a FIFO (named pipe), not a regular file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["pipe"])
        XCTAssertEqual(r.value("x"), Tensor([[1]]))
    }

    /// A save killed mid-write leaves its temporary file; the next save to the same path
    /// removes those of processes that no longer exist and leaves a live writer's alone.
    func testTemporariesOfKilledSavesAreRemovedByTheNextSave() throws {
        let dead = path(".a.json.netbook-save-2147483647-1.tmp")   // above any pid_max
        let live = path(".a.json.netbook-save-1-2.tmp")            // pid 1 always exists
        let other = path(".b.json.netbook-save-2147483647-3.tmp")  // another file's
        for p in [dead, live, other] { XCTAssertTrue(FileManager.default.createFile(atPath: p, contents: Data("{".utf8))) }
        let r = Recorder()
        r.run("tensor x = [1]\nsave \"\(path("a.json"))\"")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(),
                       [".a.json.netbook-save-1-2.tmp", ".b.json.netbook-save-2147483647-3.tmp", "a.json"])
    }

    /// Saving through a symbolic link replaces the file it points to and keeps the link.
    func testSaveThroughASymlinkKeepsTheLink() throws {
        let r = Recorder()
        r.run("tensor x = [1]\nsave \"\(path("real.json"))\"")
        try FileManager.default.createSymbolicLink(atPath: path("link.json"), withDestinationPath: path("real.json"))
        r.run("tensor x = [2]\nsave \"\(path("link.json"))\"")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.json")), path("real.json"))
        let other = Recorder()
        other.run("restore \"\(path("real.json"))\"")
        XCTAssertEqual(other.value("x"), Tensor([[2]]))
    }
}
