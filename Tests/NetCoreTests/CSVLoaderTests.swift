import XCTest
@testable import NetCore

final class CSVLoaderTests: XCTestCase {
    /// notebooks/data/, found from this file's place in the repository.
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks/data")

    func testIrisHasFourMeasurementsAndThreeSpecies() throws {
        let iris = try CSVLoader.load(path: Self.dataDirectory.appendingPathComponent("iris.csv").path,
                                      label: .name("species"))
        XCTAssertEqual(iris.x.shapeDescription, "150×4")
        XCTAssertEqual(iris.y.shapeDescription, "150×1")
        XCTAssertEqual(iris.classes, 3)
        XCTAssertEqual(iris.featureNames, ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        XCTAssertEqual(iris.x.nested[0], [5.1, 3.5, 1.4, 0.2])   // the file's first data row
        XCTAssertEqual(iris.y.data[0], 1)
        XCTAssertTrue(iris.notes.isEmpty)
    }

    func testDigitsLabelsZeroToNineBecomeClassesOneToTen() throws {
        let digits = try CSVLoader.load(path: Self.dataDirectory.appendingPathComponent("digits.csv").path,
                                        label: .name("digit"))
        XCTAssertEqual(digits.x.shapeDescription, "1797×64")
        XCTAssertEqual(digits.classes, 10)
        XCTAssertEqual(digits.y.data.min(), 1)
        XCTAssertEqual(digits.y.data.max(), 10)
        XCTAssertEqual(digits.notes, ["labels 0–9 became classes 1–10 (classes count from 1)"])
        // First row of the file: 0,0,5,13,9,1,0,0,...
        XCTAssertEqual(Array(digits.x.nested[0].prefix(5)), [0, 0, 5, 13, 9])
    }

    func testLabelByPositionAndFractionalLabelsStayValues() throws {
        let d = try CSVLoader.parse("a,b,t\n1,2,0.5\n3,4,-1.25\n", label: .index(3))
        XCTAssertEqual(d.x, Tensor([[1, 2], [3, 4]]))
        XCTAssertEqual(d.y, Tensor([[0.5], [-1.25]]))
        XCTAssertNil(d.classes)
    }

    func testCRLFQuotedHeaderAndBlankLines() throws {
        let d = try CSVLoader.parse("\"x\",\"label\"\r\n1,2\r\n\r\n3,1\r\n", label: .name("label"))
        XCTAssertEqual(d.x, Tensor([[1], [3]]))
        XCTAssertEqual(d.y, Tensor([[2], [1]]))
        XCTAssertEqual(d.classes, 2)
    }

    func testANonNumberIsLocated() {
        var text = "a,b,c,d,e\n"
        for _ in 1...11 { text += "1,2,3,4,5\n" }
        text += "1,2,3,4,abc\n"
        XCTAssertThrowsError(try CSVLoader.parse(text, label: .name("e"), fileName: "data.csv")) {
            XCTAssertEqual(($0 as? DataError)?.message,
                           "row 12, column 5 (data.csv:13:9): 'abc' is not a number")
        }
    }

    func testRaggedRowsUnknownLabelAndEmptyFiles() {
        XCTAssertThrowsError(try CSVLoader.parse("a,b\n1,2\n3\n", label: nil, fileName: "f.csv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "row 2 (f.csv:3) has 1 columns; the header has 2")
        }
        XCTAssertThrowsError(try CSVLoader.parse("a,b\n1,2\n", label: .name("c"), fileName: "f.csv")) {
            XCTAssertEqual(($0 as? DataError)?.message, "f.csv has no column 'c'; its columns are a, b")
        }
        XCTAssertThrowsError(try CSVLoader.parse("a,b\n1,2\n", label: .index(3), fileName: "f.csv"))
        XCTAssertThrowsError(try CSVLoader.parse("", label: nil, fileName: "f.csv"))
        XCTAssertThrowsError(try CSVLoader.parse("a,b\n", label: nil, fileName: "f.csv"))
        XCTAssertThrowsError(try CSVLoader.load(path: "/nonexistent/x.csv", label: nil)) {
            XCTAssertEqual(($0 as? DataError)?.message, "cannot read '/nonexistent/x.csv': no such file or not readable")
        }
    }

    /// Fields are trimmed as Foundation's `trimmingCharacters(in: .whitespaces)` trimmed them
    /// (CSVLoader no longer imports Foundation): every blank Foundation knows, no other.
    func testTrimmingMatchesFoundation() {
        for v in UInt32(0)...0xFFFF {   // every Unicode blank is in the BMP
            guard let c = Unicode.Scalar(v) else { continue }
            let field = "\(c)x\(c)"[...]
            XCTAssertEqual(CSVLoader.trimmingWhitespace(field), field.trimmingCharacters(in: .whitespaces), "U+\(String(v, radix: 16))")
        }
        for field in ["", " ", "\t \u{3000}", " 1.5\t", "\u{A0}\"a b\"\u{200B}", " \u{301}1 ", "1\u{2028}"] {
            XCTAssertEqual(CSVLoader.trimmingWhitespace(field[...]), field.trimmingCharacters(in: .whitespaces), field)
        }
    }
}
