import Foundation
import NetCore
import NetLang
@testable import NetRender
import XCTest

/// `show image`, `show mistakes`, `show confusion` and `show weights … as images`, as a
/// student sees them in a terminal (text shading) and in Jupyter (SVG, JSON).
final class ImageRenderTests: XCTestCase {
    private func run(_ code: String, in session: Session = Session(), file: StaticString = #filePath, line: UInt = #line) -> [Output] {
        var outputs: [Output] = []
        if let error = session.run(code, emit: { output, _ in outputs.append(output) }) {
            XCTFail(error.formatted, file: file, line: line)
        }
        return outputs
    }

    private func error(_ code: String, in session: Session = Session()) -> NetError? {
        session.run(code, emit: { _, _ in })
    }

    private func image(_ outputs: [Output], file: StaticString = #filePath, line: UInt = #line) -> ImageView? {
        for output in outputs.reversed() { if case .image(let view) = output { return view } }
        XCTFail("no image among \(outputs.count) outputs", file: file, line: line)
        return nil
    }

    private let renderer = Renderer(settings: RenderSettings())

    /// A seven drawn with 16 for ink and 0 for paper, and one half-inked pixel (8) bottom right.
    private let seven = """
        tensor seven = [0, 16, 16, 16, 16, 16, 16, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, \
        0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 8];
        """

    func testAKnownEightByEightPatternShadesAsExpected() throws {
        let text = renderer.text(try XCTUnwrap(image(run(seven + "\nshow image seven"))).asOutput)
        XCTAssertEqual(text, """
            seven: 8×8, grey from 0 (' ') to 16 ('@')
            +----------------+
            |  @@@@@@@@@@@@  |
            |          @@    |
            |        @@      |
            |        @@      |
            |      @@        |
            |      @@        |
            |    @@          |
            |    @@        ++|
            +----------------+
            """)
        // `style unicode`: block shades, the half-inked pixel in the middle shade.
        let session = Session()
        let view = try XCTUnwrap(image(run(seven + "\nstyle unicode\nshow image seven", in: session)))
        var unicode = RenderSettings()
        unicode.style = .unicode
        let lines = Renderer(settings: unicode).text(.image(view)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "seven: 8×8, grey from 0 (' ') to 16 ('█')")
        XCTAssertEqual(lines[2], "|  ████████████  |")
        XCTAssertEqual(lines[9], "|    ██        ▒▒|")
    }

    /// Pictures of a loaded data set's rows name the label the file wrote (digits 0–9,
    /// stored as classes 1–10), with the row of the data set they came from.
    func testRowsOfALabelledDataSetAreCaptionedWithTheFileLabel() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("image-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fileLabels = [0, 7, 3, 9]
        let csv = "p1,p2,p3,p4,digit\n" + fileLabels.enumerated().map { "\($0.offset),1,2,3,\($0.element)" }.joined(separator: "\n")
        try csv.write(to: directory.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let session = Session()
        session.baseDirectory = directory.path
        _ = run("load d = csv(\"d.csv\", label: \"digit\")", in: session)
        let gallery = try XCTUnwrap(image(run("show image d.x[2:4, :], shape: [2, 2]", in: session)))
        XCTAssertEqual(gallery.tiles.map(\.caption), (2...4).map { "row \($0): label \(fileLabels[$0 - 1])" })
        XCTAssertTrue(renderer.text(.image(gallery)).contains("row 2: label 7"))
        let one = try XCTUnwrap(image(run("show image d.x[4, :]", in: session)))
        XCTAssertEqual(one.title, "d.x[4, :], label 9")
        // A copy in a plain tensor has no labels: the rows are its own.
        let copy = try XCTUnwrap(image(run("tensor X = d.x[2:3, :]\nshow image X, shape: [2, 2]", in: session)))
        XCTAssertEqual(copy.tiles.map(\.caption), ["row 1", "row 2"])
    }

    func testRowsOfSquareLengthsAndExplicitShapes() throws {
        let square = try XCTUnwrap(image(run("show image linspace(1, 784, 784).T")))
        XCTAssertEqual(square.tiles[0].pixels.rows, 28)
        XCTAssertEqual(square.tiles[0].pixels.cols, 28)
        // Row-major, as reshape: the second row of the picture starts with value 29.
        XCTAssertEqual(square.tiles[0].pixels[1, 0], 29)
        let wide = try XCTUnwrap(image(run("show image linspace(1, 64, 64), shape: [4, 16], range: [0, 64]")))
        XCTAssertEqual(wide.tiles[0].pixels.rows, 4)
        XCTAssertEqual(wide.scale, .grey(0...64))
        let lines = renderer.text(.image(wide)).split(separator: "\n")
        XCTAssertEqual(lines.count, 1 + 4 + 2)
        XCTAssertEqual(lines[1].count, 2 * 16 + 2)
        // Rows of one image each, with a shape: a gallery, one tile per row, bounded.
        let rows = try XCTUnwrap(image(run("show image reshape(linspace(1, 12, 12), 3, 4), shape: [2, 2]")))
        XCTAssertEqual(rows.tiles.map(\.caption), ["row 1", "row 2", "row 3"])
        XCTAssertEqual(rows.tiles[2].pixels.data, [9, 10, 11, 12])
        let many = try XCTUnwrap(image(run("show image zeros(100, 784), shape: [28, 28]")))
        XCTAssertEqual(many.tiles.count, 16)
        XCTAssertEqual(many.notes, ["rows 1–16 of 100 shown (at most 16 pictures of 28×28)"])
        // A matrix is drawn as it is.
        XCTAssertEqual(try XCTUnwrap(image(run("show image eye(3)"))).tiles[0].pixels.rows, 3)
    }

    func testTheSVGIsWellFormedWithOneCellPerPixel() throws {
        let view = try XCTUnwrap(image(run(seven + "\nshow image seven")))
        let bundle = renderer.bundle(for: .image(view))
        XCTAssertNil(bundle.html, "JupyterLab would show HTML instead of the SVG")
        let probe = try XCTUnwrap(XMLProbe.parse(try XCTUnwrap(bundle.svg)), "SVG is not well-formed XML")
        XCTAssertEqual(probe.classes["px"], 64)
        XCTAssertEqual(probe.elements["root:svg"], 1)
        XCTAssertTrue(probe.texts.contains("seven"))
        // Ink is black, paper white, half ink mid grey.
        let svg = try XCTUnwrap(bundle.svg)
        XCTAssertEqual(svg.components(separatedBy: "fill=\"#000000\" class=\"px\"").count - 1, 13)
        XCTAssertEqual(svg.components(separatedBy: "fill=\"#808080\" class=\"px\"").count - 1, 1)
        let json = try JSONValue.roundTrip(bundle.json)
        XCTAssertEqual(json["tiles"]?[0]?["shape"], .array([.number(8), .number(8)]))
    }

    func testNanInfinitiesAndHugeValuesAreDrawnNotFatal() throws {
        let view = try XCTUnwrap(image(run("show image [0/0, 1/0, -1/0, 1e308, -1e308, 0, 1, 2, 3]")))
        guard case .grey(let range) = view.scale else { return XCTFail("a grey scale") }
        XCTAssertTrue(range.lowerBound.isFinite && range.upperBound.isFinite && range.lowerBound < range.upperBound)
        XCTAssertTrue((range.upperBound - range.lowerBound).isFinite)
        let text = renderer.text(.image(view))
        let rows = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows[2], "|??@@  |", "nan is ??, +inf full ink, -inf none")
        XCTAssertEqual(rows[3].prefix(3), "|@@")
        XCTAssertTrue(text.contains("1 pixel is nan"), text)
        let bundle = renderer.bundle(for: .image(view))
        let probe = try XCTUnwrap(XMLProbe.parse(try XCTUnwrap(bundle.svg)))
        XCTAssertEqual(probe.classes["px"], 9)
        XCTAssertFalse(try XCTUnwrap(bundle.svg).contains("nan\""), "no nan coordinate")
        // JSON has no nan: null.
        let json = try JSONValue.roundTrip(try XCTUnwrap(bundle.json))
        guard case .object(let o) = json, case .array(let tiles)? = o["tiles"], case .object(let tile) = tiles[0],
              case .array(let data)? = tile["data"], case .array(let first) = data[0] else { return XCTFail("tile data") }
        XCTAssertEqual(first[0], .null)
        // An all-equal image and a range given by the user draw too.
        XCTAssertNotNil(image(run("show image zeros(4, 4)")))
        XCTAssertNotNil(image(run("show image [1, 2, 3, 4], range: [-1e300, 1e300]")))
    }

    func testTooLargeOrShapelessImagesAreRefusedWithAWayOut() throws {
        let big = try XCTUnwrap(error("tensor big = zeros(100, 64)\nshow image big"))
        XCTAssertEqual(big.kind, "LimitError")
        XCTAssertTrue(big.message.contains("100×64 pixels is too large to draw: at most 64×64"), big.message)
        XCTAssertEqual(big.hint, "one row is one image: show image big[1, :]")
        let long = try XCTUnwrap(error("show image zeros(1, 65 * 65)"))
        XCTAssertTrue(long.message.contains("65×65"), long.message)
        let odd = try XCTUnwrap(error("tensor r = zeros(1, 60)\nshow image r"))
        XCTAssertTrue(odd.message.contains("60 values, not a square number"), odd.message)
        XCTAssertEqual(odd.hint, "show image r, shape: [6, 10]")
        XCTAssertEqual(odd.column, 12, "the caret is under the tensor")
        let wrongShape = try XCTUnwrap(error("show image zeros(1, 60), shape: [8, 8]"))
        XCTAssertTrue(wrongShape.message.contains("shape: [8, 8] holds 64 values"), wrongShape.message)
        XCTAssertTrue(try XCTUnwrap(error("show image zeros(1, 4), range: [1, 0]")).message.contains("range: must go up"))
        XCTAssertTrue(try XCTUnwrap(error("show image zeros(1, 4), shape: [0/0, 2]")).message.contains("nan"))
    }

    /// A network whose answers are known: class 1 when the first two pixels outweigh the last two.
    private let classifier = """
        layer out = dense(4 -> 2, softmax, bias: false, weights: [[1, 0], [1, 0], [0, 1], [0, 1]])
        tensor X = [[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 0, 0], [0, 1, 1, 1], [1, 0, 0, 0]]
        tensor T = [[1], [2], [2], [1], [1]]
        """

    func testMistakesShowTheWrongAnswersWithTrueAndPredictedClasses() throws {
        // Row 3 is class 2 but looks like 1; row 4 is class 1 but looks like 2; rows 1, 2, 5 are right.
        let view = try XCTUnwrap(image(run(classifier + "\nshow mistakes X, T")))
        XCTAssertEqual(view.tiles.map(\.caption), ["row 3: 2 → 1", "row 4: 1 → 2"])
        XCTAssertEqual(view.tiles[1].pixels.data, [0, 1, 1, 1])
        XCTAssertEqual(view.notes, ["2 of 5 wrong"])
        let named = try XCTUnwrap(image(run(classifier + "\nshow mistakes X, T, first: 0, max: 1")))
        XCTAssertEqual(named.tiles.map(\.caption), ["row 3: 1 → 0"])
        XCTAssertEqual(named.notes, ["2 of 5 wrong; the first 1 shown (max: N shows up to 64)"])
        let bundle = renderer.bundle(for: .image(view))
        XCTAssertEqual(try XCTUnwrap(XMLProbe.parse(try XCTUnwrap(bundle.svg))).classes["px"], 8)
        XCTAssertTrue(bundle.plain.contains("row 3: 2 → 1"))
        // The session is unchanged: no forward happened.
        let session = Session()
        _ = run(classifier + "\nshow mistakes X, T", in: session)
        XCTAssertEqual(error("show out.a", in: session)?.kind, "ValueError")
    }

    func testConfusionHasLabelledAxesAndCountsOfEveryPair() throws {
        let outputs = run(classifier + "\nshow confusion X, T")
        guard case .confusion(let view)? = outputs.last else { return XCTFail("a confusion view") }
        // true 1: rows 1, 5 right, row 4 said 2; true 2: row 2 right, row 3 said 1.
        XCTAssertEqual(view.counts, [[2, 1], [1, 1]])
        let bundle = renderer.bundle(for: .confusion(view))
        let lines = bundle.plain.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "confusion on X: rows are the true class, columns the predicted class")
        XCTAssertTrue(lines[1].hasPrefix("true \\ predicted  1  2"), lines[1])
        XCTAssertEqual(lines.last, "correct 3 of 5 (60.00%)")
        let probe = try XCTUnwrap(XMLProbe.parse(try XCTUnwrap(bundle.svg)))
        XCTAssertEqual(probe.classes["cell"], 4)
        XCTAssertTrue(probe.texts.contains("true") && probe.texts.contains("predicted"))
        let wide = try XCTUnwrap(error("layer o = dense(2 -> 51, softmax)\nshow confusion [[1, 2]], [[3]]"))
        XCTAssertEqual(wide.message, "a confusion matrix of 51 classes is too large to show: at most 50")
    }

    func testWeightsAsTilesOnOneScaleAroundZero() throws {
        let view = try XCTUnwrap(image(run("layer h = dense(4 -> 3, weights: [[1, -2, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0.5]])\nshow weights h as images")))
        XCTAssertEqual(view.tiles.map(\.caption), ["unit 1", "unit 2", "unit 3"])
        XCTAssertEqual(view.tiles[1].pixels.data, [-2, 0, 0, 0], "unit 2's incoming weights, column 2 of W")
        XCTAssertEqual(view.scale, .diverging(limit: 2))
        let text = renderer.text(.image(view))
        XCTAssertTrue(text.contains("|++  |  |==  |  |    |"), text)
        XCTAssertTrue(text.contains("|    |  |    |  |  ++|"), "0.5 of 2 is a weak plus: \(text)")
        let svg = try XCTUnwrap(renderer.bundle(for: .image(view)).svg)
        XCTAssertEqual(try XCTUnwrap(XMLProbe.parse(svg)).classes["px"], 12)
        XCTAssertTrue(svg.contains("fill=\"#2166ac\" class=\"px\""), "the most negative weight is full blue")
        XCTAssertEqual(error("show weights nope as images")?.message, "unknown layer 'nope'")
        let odd = try XCTUnwrap(error("layer o = dense(3 -> 2)\nshow weights o as images"))
        XCTAssertEqual(odd.hint, "show weights o as images, shape: [1, 3]")
    }

    func testAWordAloneAfterShowIsStillATensorName() throws {
        guard case .tensor(let t)? = run("tensor image = [1, 2]\nshow image").last else { return XCTFail("the tensor image") }
        XCTAssertEqual(t.value.data, [1, 2])
        guard case .tensor(let cell)? = run("tensor image = [[1, 2], [3, 4]]\nshow image[2, 1]").last else { return XCTFail("image[2, 1]") }
        XCTAssertEqual(cell.value.data, [3])
        guard case .tensor(let w)? = run("tensor weights = [5, 6]\nshow weights * 2").last else { return XCTFail("weights * 2") }
        XCTAssertEqual(w.value.data, [10, 12])
        let bare = try XCTUnwrap(error("show mistakes"))
        XCTAssertEqual(bare.message, "show mistakes needs something to show")
        XCTAssertEqual(bare.hint, "write show mistakes X, T")
        XCTAssertEqual(bare.column, 6)
    }
}

private extension ImageView {
    var asOutput: Output { .image(self) }
}
