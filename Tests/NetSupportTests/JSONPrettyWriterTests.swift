import Foundation
import XCTest
import NetSupport

/// The pretty layout against what Foundation's JSONSerialization writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: the bytes of the stored
/// .ipynb files, which nb-run wrote that way before it used JSONValue.
final class JSONPrettyWriterTests: XCTestCase {
    /// Nested objects and arrays, empty ones, keys out of order (with "_" and capitals,
    /// as "cell_type"/"cells" and "inputGrads"/"inputs"), numbers, null, slashes,
    /// quotes, control characters and text beyond ASCII.
    private let members: [(String, JSONValue)] = [
        ("cells", [["outputs": [], "metadata": [:], "cell_type": "code", "execution_count": .null,
                    "source": ["a/b \"q\"\n", "x\t\u{1}é 표본 σ"]]]),
        ("cell_type", "markdown"),
        ("inputs", [1, 2]), ("inputGrads", .null),
        ("data", ["image/svg+xml": "<svg/>", "application/vnd.netbook+json": ["shape": [2, 1], "data": [[0.1], [-2.5e-8]]],
                  "text/plain": ["1\n", "2"]]),
        ("numbers", [1.0, 1e16, 0.30000000000000004, 2.5e20, 7, -3, true, false]),
        ("nbformat", 4), ("nbformat_minor", 5),
    ]

    func testSameBytesAsFoundationsPrettySortedLayout() throws {
        let value = JSONValue.object(JSONObject(members))
        let expected = try JSONSerialization.data(withJSONObject: foundationValue(value),
                                                  options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        XCTAssertEqual(JSONWriter.prettyText(value), String(decoding: expected, as: UTF8.self))
    }

    func testEmptyContainersAndScalarsAtTheTop() {
        XCTAssertEqual(JSONWriter.prettyText([:]), "{\n\n}")
        XCTAssertEqual(JSONWriter.prettyText(["a": []]), "{\n  \"a\" : [\n\n  ]\n}")
        XCTAssertEqual(JSONWriter.prettyText("x"), "\"x\"")
    }

    func testWhatIsWrittenReadsBackAsItWas() throws {
        let value = JSONValue.object(JSONObject(members).sortedByKey())
        let read = try JSONReader.read(JSONWriter.prettyBytes(value))
        XCTAssertEqual(read["cells"]?[0]?["source"], value["cells"]?[0]?["source"])
        // 1.0 reads back as the integer 1: the same number.
        XCTAssertEqual(read["numbers"]?.array?.compactMap(\.double), value["numbers"]?.array?.compactMap(\.double))
        XCTAssertEqual(read["numbers"]?.array?.compactMap(\.bool), [true, false])
        XCTAssertEqual(read["data"]?["application/vnd.netbook+json"]?["data"]?[1]?[0]?.double, -2.5e-8)
    }

    /// The same value as Foundation's plain objects (NSNull for null).
    private func foundationValue(_ value: JSONValue) -> Any {
        switch value {
        case .object(let o): return Dictionary(uniqueKeysWithValues: o.map { ($0.0, foundationValue($0.1)) })
        case .array(let a): return a.map(foundationValue)
        case .string(let s): return s
        case .number(let x): return x
        case .integer(let i): return i
        case .bool(let b): return b
        case .null: return NSNull()
        }
    }
}
