import XCTest
@testable import NetLang
import NetCore

/// `help images` shows examples on the digits lesson, and they run as written.
final class ImageHelpTests: XCTestCase {
    func testTheImageExamplesRunOnTheDigitsLesson() throws {
        let topic = try XCTUnwrap(HelpCatalog.topic(named: "mistakes"))
        XCTAssertEqual(topic.name, "images")
        let lines = topic.body.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("show ") && !$0.contains("EXPR") && !$0.contains("X, T") && !$0.contains("LAYER") }
        XCTAssertEqual(lines.count, 6, "\(lines)")
        let r = Recorder()
        r.session.baseDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks").path
        r.run("""
            seed 0
            load digits = csv("data/digits.csv", label: "digit");
            tensor Xtest = digits.x[1:200, :] / 16;
            tensor Ttest = digits.y[1:200, :];
            layer hidden = dense(64 -> 16, relu, init: he);
            layer out = dense(16 -> 10, softmax);
            """)
        for line in lines {
            var kinds: [String] = []
            let error = r.session.run(line) { output, _ in
                switch output {
                case .image(let v): kinds.append("image \(v.tiles.count)")
                case .confusion(let c): kinds.append("confusion \(c.counts.count)")
                default: kinds.append("other")
                }
            }
            XCTAssertNil(error, "\(line)\n\(error?.formatted ?? "")")
            XCTAssertEqual(kinds.count, 1, line)
            if line.hasPrefix("show confusion") { XCTAssertEqual(kinds, ["confusion 10"]) }
            if line.hasSuffix("shape: [8, 8]") { XCTAssertEqual(kinds, ["image 10"]) }
            if line.hasPrefix("show weights") { XCTAssertEqual(kinds, ["image 16"]) }
            if line.hasPrefix("show mistakes") { XCTAssertEqual(kinds, ["image 8"], "an untrained network is wrong on 8 and more") }
        }
    }

    func testCompletionOffersTheImageWords() {
        let s = Session()
        _ = s.run("layer hidden = dense(4 -> 2)") { _, _ in }
        XCTAssertTrue(s.complete("show ima", cursor: 8).matches.contains("image"))
        XCTAssertEqual(s.complete("show weights h", cursor: 14).matches, ["hidden"])
        XCTAssertEqual(s.complete("show weights hidden a", cursor: 21).matches, ["as"])
        XCTAssertTrue(s.complete("show mistakes x, t, fi", cursor: 22).matches.contains("first:"))
    }
}
