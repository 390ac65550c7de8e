import Foundation
import XCTest

/// `nb-run --student IN -o OUT`: the version of a teacher's notebook that students get,
/// as nbgrader's generate_assignment makes it (tests-python/test_nbgrader.py compares the
/// two on an .ipynb with the real nbgrader).
final class StudentVersionTests: XCTestCase {
    private let teacher = """
        # %% [markdown]
        # ## Exercise: z1
        # Why is z1 the input of the sigmoid?
        # ### BEGIN SOLUTION
        # Because h = sigmoid(z).
        # ### END SOLUTION

        # %%
        tensor x = [0.1, 0.2]
        tensor W = [[0.30, 0.40], [0.25, 0.35]]

        # %% answer
        # The weighted inputs:
          ### BEGIN SOLUTION
          tensor z1 = x @ W
          ### END SOLUTION

        # %%
        check sum(z1) > 0, "z1 adds positive inputs times positive weights"
        ### BEGIN HIDDEN TESTS
        check z1 ≈ [0.08, 0.11], "z1 = x @ W"
        ### END HIDDEN TESTS

        """

    private func write(_ text: String, named name: String) throws -> URL {
        let url = try NbRunProcess.temporaryDirectory(self).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testPercentFileKeepsEverythingButTheAnswersAndHiddenTests() throws {
        let input = try write(teacher, named: "lesson.txt")
        let output = input.deletingLastPathComponent().appendingPathComponent("handout.txt")
        let result = try NbRunProcess.run(["--student", input.path, "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), """
            # %% [markdown]
            # ## Exercise: z1
            # Why is z1 the input of the sigmoid?
            # YOUR ANSWER HERE

            # %%
            tensor x = [0.1, 0.2]
            tensor W = [[0.30, 0.40], [0.25, 0.35]]

            # %% answer
            # The weighted inputs:
              # YOUR CODE HERE
              todo

            # %%
            check sum(z1) > 0, "z1 adds positive inputs times positive weights"

            """)
        XCTAssertTrue(result.stderr.contains("written to \(output.path): 2 solutions replaced by stubs, 1 hidden test region removed"),
                      result.stderr)
    }

    func testTheTeachersVersionPassesAndTheStudentsStopsAtTodo() throws {
        let input = try write(teacher, named: "lesson.txt")
        let teacherRun = try NbRunProcess.run([input.path])
        XCTAssertEqual(teacherRun.status, 0, teacherRun.stdout + teacherRun.stderr)
        XCTAssertTrue(teacherRun.stdout.contains("✓ z1 ≈ [0.08, 0.11]"), teacherRun.stdout)

        let student = try NbRunProcess.run(["--student", input.path])
        XCTAssertEqual(student.status, 0, student.stderr)
        let studentRun = try NbRunProcess.run(["-"], stdin: student.stdout)
        XCTAssertEqual(studentRun.status, 1, studentRun.stdout)
        XCTAssertTrue(studentRun.stdout.contains("CheckError: line 3, column 3: not answered yet"), studentRun.stdout)
    }

    func testCRLFLinesStayCRLFAndSoDoTheStubLines() throws {
        let text = "# %%\r\nprecision 2\r\n### BEGIN SOLUTION\r\ntensor a = 1\r\n### END SOLUTION\r\n"
        let result = try NbRunProcess.run(["--student", "-"], stdin: text)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "# %%\r\nprecision 2\r\n# YOUR CODE HERE\r\ntodo\r\n")
    }

    func testIpynbCellsAsNbgraderWritesThem() throws {
        func cell(_ type: String, _ source: String, nbgrader: [String: Any]? = nil, outputs: Bool = true) -> [String: Any] {
            var object: [String: Any] = ["cell_type": type, "source": source, "metadata": nbgrader.map { ["nbgrader": $0] } ?? [:]]
            if type == "code" {
                object["execution_count"] = 3
                object["outputs"] = outputs ? [["output_type": "stream", "name": "stdout", "text": "0.08\n"]] : []
            }
            return object
        }
        let notebook: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "metadata": ["celltoolbar": "Create Assignment", "title": "z1"],
            "cells": [
                cell("markdown", "Explain:\n### BEGIN SOLUTION\nbecause\n### END SOLUTION"),
                cell("code", "tensor z1 = [0.08, 0.11]", nbgrader: ["solution": true, "grade_id": "z1"]),
                cell("code", "check z1[1, 1] > 0\n### BEGIN HIDDEN TESTS\ncheck z1 ≈ [0.08, 0.11]\n### END HIDDEN TESTS",
                     nbgrader: ["grade": true, "points": 2, "grade_id": "t"]),
            ],
        ]
        let input = try write(String(decoding: try JSONSerialization.data(withJSONObject: notebook), as: UTF8.self), named: "ps1.ipynb")
        let output = input.deletingLastPathComponent().appendingPathComponent("student.ipynb")
        let result = try NbRunProcess.run(["--student", input.path, "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("2 solutions replaced by stubs, 1 hidden test region removed, outputs of 2 cells cleared"), result.stderr)

        let written = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let cells = try XCTUnwrap(written["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { ($0["source"] as? [String])?.joined() }, [
            "Explain:\nYOUR ANSWER HERE",
            "# YOUR CODE HERE\ntodo",           // a solution cell without markers is replaced whole
            "check z1[1, 1] > 0",
        ])
        XCTAssertEqual(cells.compactMap { ($0["outputs"] as? [Any])?.count }, [0, 0])
        XCTAssertTrue(cells.dropFirst().allSatisfy { $0["execution_count"] is NSNull })
        XCTAssertEqual((cells[2]["metadata"] as? [String: Any])?["nbgrader"] as? NSDictionary,
                       ["grade": true, "points": 2, "grade_id": "t"] as NSDictionary)
        let metadata = try XCTUnwrap(written["metadata"] as? [String: Any])
        XCTAssertNil(metadata["celltoolbar"])
        XCTAssertEqual(metadata["title"] as? String, "z1")
    }

    func testMisplacedMarkersAreRefusedWithLineAndCaretAndNothingIsWritten() throws {
        let cases: [(String, String)] = [
            ("# %%\ntensor a = 1\n### BEGIN SOLUTION\ntensor b = 2\n# %%\nprint b\n",
             "line 3: `BEGIN SOLUTION` is not closed: no `END SOLUTION` after it in this cell\n  ### BEGIN SOLUTION\n      ^^^^^^^^^^^^^^\n"),
            ("tensor a = 1\n\t### END SOLUTION\n",
             "line 2: `END SOLUTION` without a `BEGIN SOLUTION` before it in this cell\n  \\t### END SOLUTION\n        ^^^^^^^^^^^^\n"),
            ("### BEGIN SOLUTION\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS\n### END SOLUTION\n",
             "line 2: `BEGIN HIDDEN TESTS` inside the solution region opened on line 1 of this cell; close that one first (`END SOLUTION`)\n"),
        ]
        for (text, message) in cases {
            let input = try write(text, named: "lesson.txt")
            let output = input.deletingLastPathComponent().appendingPathComponent("handout.txt")
            let result = try NbRunProcess.run(["--student", input.path, "-o", output.path])
            XCTAssertEqual(result.status, 2, text)
            XCTAssertTrue(result.stderr.hasPrefix("nb-run: \(input.path): \(message)"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        }
    }

    func testTheTeachersNotebookIsNeverOverwritten() throws {
        let input = try write(teacher, named: "lesson.txt")
        let sameFile = input.deletingLastPathComponent().path + "/./lesson.txt"
        let result = try NbRunProcess.run(["--student", input.path, "-o", sameFile])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is the teacher's notebook itself"), result.stderr)
        XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), teacher)
    }

    func testUsageMistakesAreExplained() throws {
        let input = try write(teacher, named: "lesson.txt")
        let expectations: [([String], String)] = [
            (["--student", input.path, "-o", "x.ipynb"], "so -o needs a name not ending in .ipynb"),
            (["--student", "--to", "ipynb", input.path], "leave out --to"),
            (["--student", input.path, input.path], "--student needs one NOTEBOOK"),
            (["--student", "--check", input.path], "cannot be used with --check or --update"),
        ]
        for (arguments, message) in expectations {
            let result = try NbRunProcess.run(arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
    }

    func testANotebookWithoutSolutionsIsWrittenWithAWarning() throws {
        let result = try NbRunProcess.run(["--student", "-"], stdin: "tensor a = 1\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "tensor a = 1\n")
        XCTAssertTrue(result.stderr.contains("note: no solution was marked"), result.stderr)
    }

    func testHelpExplainsTheStudentVersion() throws {
        let result = try NbRunProcess.run(["--help"])
        XCTAssertTrue(result.stdout.contains("--student"), result.stdout)
        // The markers on lines of their own, never broken by the wrapping at 80 columns.
        XCTAssertTrue(result.stdout.contains("\n  ### BEGIN SOLUTION ... ### END SOLUTION "), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n  ### BEGIN HIDDEN TESTS ... ### END HIDDEN TESTS -> removed\n"), result.stdout)
    }
}
