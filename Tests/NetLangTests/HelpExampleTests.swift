import XCTest
@testable import NetLang
import NetCore

/// `help TOPIC` for every statement shows an example, and the example runs as written.
final class HelpExampleTests: XCTestCase {
    /// What a student has typed before reaching for help: the classroom network after one
    /// forward and backward, the apples and oranges, and y for `print`.
    static let prelude = """
        tensor apple = 100
        tensor apple_num = 2
        tensor orange = 150
        tensor orange_num = 3
        tensor tax = 1.1
        tensor x = [0.1, 0.2]
        tensor t = [0.4, 0.6]
        tensor y = [0.5, 0.5]
        layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
        layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
        loss half_sse
        forward x, t
        backward
        """

    static let keywords = Set(HelpCatalog.statements.map(\.name))
    static let placeholders: Set<String> = ["NAME", "LAYER", "X", "T", "N", "B", "R", "KIND", "ARGS", "EXPR", "IN", "OUT",
                                            "ACT", "I", "PATH", "TOPIC", "COL", "IMAGES", "LABELS", "THING", "PARAM", "K"]

    /// The example lines of a topic: indented lines that start with a statement, without
    /// their comment or the description after a gap of three spaces.
    static func examples(_ topic: HelpTopic) -> [String] {
        topic.body.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("  ") else { return nil }
            var code = line.trimmingCharacters(in: .whitespaces)
            if let gap = code.range(of: "   ") { code = String(code[..<gap.lowerBound]) }
            guard let first = code.split(separator: " ").first, keywords.contains(String(first)) else { return nil }
            // A form with placeholders (show NAME, train X, T, …) is not an example.
            let words = Set(code.split(whereSeparator: { !$0.isLetter }).map(String.init))
            guard words.isDisjoint(with: placeholders) else { return nil }
            return code
        }
    }

    func testEveryStatementHasAnExampleThatRuns() throws {
        let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks").path
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("netbook-help-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for topic in HelpCatalog.statements {
            let lines = Self.examples(topic)
            XCTAssertFalse(lines.isEmpty, "help \(topic.name) shows no example")
            let r = Recorder()
            // load reads the lessons' data; save and restore write a scratch file.
            r.session.baseDirectory = topic.name == "load" ? notebooks : scratch
            r.run(Self.prelude)
            for line in lines {
                let error = r.session.run(line) { _, _ in }
                XCTAssertNil(error, "help \(topic.name): \(line)\n\(error?.formatted ?? "")")
            }
        }
    }

    func testGradcheckHelpStatesTheStepItUses() throws {
        let r = Recorder()
        r.run(Self.prelude)
        var title = ""
        _ = r.session.run("gradcheck") { output, _ in if case .table(let t) = output { title = t.title ?? "" } }
        XCTAssertTrue(title.contains("ε = 1e-6"), title)
        XCTAssertTrue(try XCTUnwrap(HelpCatalog.topic(named: "gradcheck")).body.contains("h = 1e-6"))
    }
}
