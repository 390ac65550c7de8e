import Foundation
import XCTest

/// `nb-run -p NAME VALUE`: where the parameters cell goes, what it says, and the errors a
/// mistyped parameter gets (papermill's own parity test is tests-python/test_nbrun_parameters.py).
final class ParameterTests: XCTestCase {
    private let lesson = """
        # %% [markdown]
        # A lesson with a learning rate
        # %% tags=["parameters"]
        tensor lr = 0.5
        # %%
        print "lr is", lr

        """

    /// Runs nb-run on `text` (a .txt notebook) with `arguments` before it; the cells written.
    private func cells(_ arguments: [String], _ text: String) throws -> (NbRunProcess.Result, [[String: Any]]) {
        let directory = try NbRunProcess.temporaryDirectory(self)
        let source = directory.appendingPathComponent("lesson.txt")
        try text.write(to: source, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out.ipynb")
        let result = try NbRunProcess.run(arguments + ["--to", "ipynb", "-o", out.path, source.path])
        guard result.status == 0 else { return (result, []) }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        return (result, try XCTUnwrap(json["cells"] as? [[String: Any]]))
    }

    private func source(_ cell: [String: Any]) -> String {
        (cell["source"] as? [String])?.joined() ?? cell["source"] as? String ?? ""
    }

    private func printed(_ cell: [String: Any]) -> String {
        ((cell["outputs"] as? [[String: Any]]) ?? []).compactMap { output in
            (output["text"] as? [String])?.joined() ?? output["text"] as? String
        }.joined()
    }

    func testTheCellGoesRightAfterTheTaggedCellAndWins() throws {
        let (result, written) = try cells(["-p", "lr", "0.1"], lesson)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(written.map(source), ["A lesson with a learning rate", "tensor lr = 0.5",
                                             "# Parameters\ntensor lr = 0.1\n", "print \"lr is\", lr"])
        let injected = try XCTUnwrap(written[2]["metadata"] as? [String: Any])
        XCTAssertEqual(injected["tags"] as? [String], ["injected-parameters"])
        XCTAssertEqual((written[1]["metadata"] as? [String: Any])?["tags"] as? [String], ["parameters"])
        XCTAssertEqual(printed(written[3]), "lr is 0.1000\n")
        XCTAssertEqual(result.stderr, "", "a tagged cell needs no note")
    }

    func testWithoutATaggedCellTheCellGoesFirstWithANote() throws {
        let (result, written) = try cells(["-p", "lr", "0.1"], "tensor lr = 0.5\n# %%\nprint lr\n")
        XCTAssertEqual(written.map(source), ["# Parameters\ntensor lr = 0.1\n", "tensor lr = 0.5", "print lr"])
        XCTAssertEqual(printed(written[2]), "0.5000\n", "the notebook's own assignment runs after, as with papermill")
        XCTAssertTrue(result.stderr.contains("no cell is tagged 'parameters', so the parameters cell runs first"),
                      result.stderr)
    }

    func testAPreviouslyInjectedCellIsReplaced() throws {
        let (_, first) = try cells(["-p", "lr", "0.1"], lesson)
        // The notebook nb-run wrote, parameterised again: still one injected cell.
        let directory = try NbRunProcess.temporaryDirectory(self)
        let again = directory.appendingPathComponent("again.ipynb")
        let notebook: [String: Any] = ["nbformat": 4, "nbformat_minor": 5, "metadata": [String: Any](), "cells": first]
        try JSONSerialization.data(withJSONObject: notebook).write(to: again)
        let result = try NbRunProcess.run(["-p", "lr", "0.2", "--to", "json", again.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "# Parameters").count, 2, result.stdout)
        XCTAssertTrue(result.stdout.contains("lr is 0.2000"), result.stdout)
    }

    func testValuesAreWrittenAsPapermillsTranslatorWritesThem() throws {
        let cases: [(String, String)] = [
            ("0.1", "0.1"), ("-0.5", "-0.5"), ("1e-5", "1e-05"), ("1E5", "100000.0"), ("1e16", "1e+16"),
            ("1e15", "1000000000000000.0"), ("0.30000000000000004", "0.30000000000000004"), (".5", "0.5"),
            ("5.", "5.0"), ("007", "7"), ("-0", "0"), ("+3", "3"), ("1_000", "1000"), ("5e-324", "5e-324"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"), ("0.0001", "0.0001"),
            ("inf", "1/0"), ("-Infinity", "-1/0"), ("nan", "0/0"), ("True", "true"), ("false", "false"),
            ("[1, -2.50]", "[1, -2.5]"), ("[[1,2],[3, 1e-3]]", "[[1, 2], [3, 0.001]]"),
        ]
        var arguments: [String] = []
        for (i, (value, _)) in cases.enumerated() { arguments += ["-p", "v\(i)", value] }
        let (result, written) = try cells(arguments, "# %% tags=[\"parameters\"]\n# %%\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = "# Parameters\n" + cases.enumerated().map { "tensor v\($0.offset) = \($0.element.1)\n" }.joined()
        XCTAssertEqual(written.map(source)[1], expected)
    }

    func testANameGivenTwiceKeepsItsPlaceAndTheLastValue() throws {
        let (_, written) = try cells(["-p", "lr", "1", "-p", "b", "2", "-p", "lr", "3"], lesson)
        XCTAssertEqual(source(written[2]), "# Parameters\ntensor lr = 3\ntensor b = 2\n")
    }

    func testMistakesAreUsageErrorsThatNameTheParameter() throws {
        let cases: [([String], String)] = [
            (["-p", "lr", "fast"], "parameter 'lr' is a string ('fast'), but NetBook values are tensors of numbers"),
            (["-p", "lr", "None"], "parameter 'lr' is null ('None')"),
            (["-p", "w", "1,2"], "write a row in brackets: -p w \"[1,2]\""),
            (["-p", "w", "[]"], "parameter 'w' is an empty list"),
            (["-p", "w", "[[1], [1, 2]]"], "parameter 'w' is a list of rows of different or zero lengths"),
            (["-p", "w", "[1, [2]]"], "parameter 'w' is a list mixing numbers and lists"),
            (["-p", "w", "[1, two]"], "parameter 'w' is a list holding a string ('two')"),
            (["-p", "w", "[[[1]]]"], "parameter 'w' is not a list NetBook can read"),
            (["-p", "w", "[1, 2"], "parameter 'w' is not a list NetBook can read"),
            (["-p", "x", "1e400"], "parameter 'x' is 1e400, beyond the largest 64-bit float"),
            (["-p", "x", String(repeating: "9", count: 400)], "parameter 'x' is an integer too large for a 64-bit float"),
            (["-p", "x", "0x10"], "parameter 'x' is a string ('0x10')"),
            (["-p", "hidden.W", "1"], "parameter name 'hidden.W' is not a NetBook name"),
            // The lexer reads x² as x then a character it rejects: refused before it is a cell.
            (["-p", "x²", "1"], "parameter name 'x²' is not a NetBook name"),
            (["-p", "lr"], "-p needs a NAME and a VALUE, e.g. -p lr 0.1"),
            (["--parameter=lr", "0.1"], "--parameter=lr: write a parameter as two words after -p, e.g. -p lr 0.1"),
            (["-plr", "0.1"], "-plr: write a parameter as two words after -p"),
            (["--check", "-p", "lr", "1"], "-p cannot be used with --check or --update"),
        ]
        for (arguments, message) in cases {
            let result = try NbRunProcess.run(arguments + (arguments.count == 2 ? [] : [NbRunProcess.notebook("06-xor.txt")]))
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments): nothing runs")
        }
    }

    func testAHugeValueIsQuotedShortInItsError() throws {
        let huge = "1" + String(repeating: "0", count: 100_000) + ".5"
        let row = "[" + Array(repeating: "1", count: 20_000).joined(separator: ", ") + ", x]"
        for (value, message) in [(huge, "beyond the largest 64-bit float"), (row, "a list holding a string ('x')")] {
            let result = try NbRunProcess.run(["-p", "w", value, "-"], stdin: "print 1\n")
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
            XCTAssertLessThan(result.stderr.count, 1_000, "the value is quoted in at most 60 characters")
        }
    }

    func testANameInAnyAlphabetIsAName() throws {
        let result = try NbRunProcess.run(["--color", "never", "-p", "학습률", "0.01", "-"], stdin: "print 학습률\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("tensor 학습률 = 0.01"), result.stdout)
    }

    func testANegativeValueIsAValueNotAnOption() throws {
        let result = try NbRunProcess.run(["--color", "never", "-p", "b", "-2", "-"], stdin: "print b * 2\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("-4.0000\n\n"), result.stdout)
    }

    func testHelpExplainsParameters() throws {
        let result = try NbRunProcess.run(["--help"])
        XCTAssertTrue(result.stdout.contains("-p, --parameter <NAME VALUE>"), result.stdout)
        XCTAssertTrue(result.stdout.contains("# %% tags=[\"parameters\"]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("or at the top when no cell is tagged"), result.stdout)
    }
}
