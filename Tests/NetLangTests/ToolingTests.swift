import XCTest
@testable import NetLang
import NetCore

/// What a front end asks between cells: completion, inspection, is_complete, help.
final class ToolingTests: XCTestCase {
    func session() -> Recorder {
        let r = Recorder()
        r.run("tensor xs = [1, 2]\ntensor xavier_t = 3\nlayer hidden = dense(2 -> 2, sigmoid)")
        return r
    }

    func testCompletesKeywordsNamesAndMembers() {
        let s = session().session
        let keyword = s.complete("forw", cursor: 4)
        XCTAssertEqual(keyword.matches, ["forward"])
        XCTAssertEqual(keyword.start, 0); XCTAssertEqual(keyword.end, 4)
        XCTAssertEqual(s.complete("hidden.", cursor: 7).matches.sorted(), ["T", "W", "a", "b", "z"])
        let member = s.complete("print hidden.W + 1", cursor: 14)
        XCTAssertEqual(member.matches, ["W"]); XCTAssertEqual(member.start, 13); XCTAssertEqual(member.end, 14)
        XCTAssertEqual(s.complete("tensor y = hid", cursor: 14).matches, ["hidden"])
        XCTAssertTrue(s.complete("tensor y = x", cursor: 12).matches.contains("xs"))
        XCTAssertEqual(s.complete("tensor y = sigm", cursor: 15).matches, ["sigmoid"])
    }

    func testCompletesStatementArguments() {
        let s = session().session
        XCTAssertEqual(s.complete("layer out = dense(2 -> 1, re", cursor: 28).matches, ["relu"])
        XCTAssertTrue(s.complete("layer out = dense(2 -> 1, ", cursor: 26).matches.contains("leaky_relu"))
        XCTAssertEqual(s.complete("layer out = dense(2 -> 1, relu, init: x", cursor: 39).matches, ["xavier"])
        XCTAssertEqual(s.complete("loss half", cursor: 9).matches, ["half_sse"])
        XCTAssertEqual(s.complete("optimizer ad", cursor: 12).matches, ["adam"])
        XCTAssertTrue(s.complete("show ", cursor: 5).matches.contains("network"))
        XCTAssertEqual(s.complete("show gr", cursor: 7).matches, ["grads", "graph"])
        XCTAssertTrue(s.complete("plot sigmoid, ", cursor: 14).matches.contains("tanh"))
        XCTAssertEqual(s.complete("style u", cursor: 7).matches, ["unicode"])
        XCTAssertTrue(s.complete("tensor s = sum(xs, r", cursor: 20).matches.contains("rows"))
        XCTAssertEqual(s.complete("train xs, xs, ep", cursor: 16).matches, ["epochs:"])
        XCTAssertEqual(s.complete("dataset d = sp", cursor: 14).matches, ["spiral"])
        XCTAssertEqual(s.complete("explain hid", cursor: 11).matches, ["hidden"])
    }

    func testCursorCountsUnicodeScalars() {
        let s = session().session
        let c = s.complete("print \"é\", hid", cursor: 14)
        XCTAssertEqual(c.matches, ["hidden"])
        XCTAssertEqual(c.start, 11)
    }

    func testIsComplete() {
        let s = Session()
        XCTAssertEqual(s.isComplete("tensor x = [1, 2]"), .complete)
        XCTAssertEqual(s.isComplete("tensor x = [1,"), .incomplete(indent: "  "))
        XCTAssertEqual(s.isComplete("tensor x = sum(a"), .incomplete(indent: "  "))
        XCTAssertEqual(s.isComplete("print 1,"), .incomplete(indent: "  "))
        XCTAssertEqual(s.isComplete("tensor x = 1)"), .invalid)
        XCTAssertEqual(s.isComplete("tensor x = (1]"), .invalid)
        XCTAssertEqual(s.isComplete("# [ in a comment"), .complete)
    }

    func testInspectShowsATensorOrHelp() throws {
        let s = session().session
        guard case .group(let parts) = try XCTUnwrap(s.inspect("print xs + 1", cursor: 7)) else { return XCTFail() }
        let table = try XCTUnwrap(parts.first?.tables.first)
        XCTAssertEqual(table.rows.first, [.text("shape"), .text("1×2")])
        XCTAssertEqual(table.number(row: "mean", column: "xs"), 1.5)
        guard case .note(let note) = try XCTUnwrap(s.inspect("backward", cursor: 3)) else { return XCTFail() }
        XCTAssertTrue(note.text.contains("replace"), note.text)
        XCTAssertNotNil(s.inspect("hidden.W", cursor: 8))
        XCTAssertNil(s.inspect("   ", cursor: 1))
    }

    func testHelpCoversEveryWord() throws {
        let r = Recorder()
        for word in StatementTable.keywords + FunctionTable.names + ["train", "dataset", "load", "save", "restore",
                                                                     "sgd", "momentum", "adam", "losses", "activations", "@"] {
            let out = r.run("help \(word)")
            guard case .note(let note) = out.first?.0 else { return XCTFail("no help for \(word)") }
            XCTAssertTrue(note.isHelp)
        }
        let seed = r.run("help seed")
        guard case .note(let seedNote) = seed.first?.0 else { return XCTFail() }
        XCTAssertTrue(seedNote.text.contains("xoshiro256**"))
        guard case .note(let backward) = r.run("help backward").first?.0 else { return XCTFail() }
        XCTAssertTrue(backward.text.contains("REPLACE"))
        for keyword in StatementTable.keywords {
            XCTAssertNotNil(HelpCatalog.usage[keyword], "no usage line for \(keyword)")
        }
        let unknown = try XCTUnwrap(r.fail("help forwrd"))
        XCTAssertEqual(unknown.hint, "did you mean 'forward'?")
    }
}
