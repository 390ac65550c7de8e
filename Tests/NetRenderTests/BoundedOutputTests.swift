import Foundation
import NetSupport
import XCTest
import NetCore
@testable import NetLang
@testable import NetRender

/// No output grows with the data: each kind of output, given a large input, is summarized
/// in every MIME type to a size that does not depend on the input, and still shows the
/// right first and last values (numpy's threshold 1000 and edgeitems 3).
final class BoundedOutputTests: XCTestCase {
    let renderer = Renderer(settings: RenderSettings(precision: 4, style: .ascii))

    /// The outputs of a cell (which must succeed).
    private func run(_ code: String, in session: Session = Session(), file: StaticString = #filePath, line: UInt = #line) -> [Output] {
        var outputs: [Output] = []
        if let error = session.run(code, emit: { output, _ in outputs.append(output) }) {
            XCTFail(error.formatted, file: file, line: line)
        }
        return outputs
    }

    /// Bytes of each MIME type of an output (JSON as the kernel serializes it).
    private func sizes(_ output: Output) throws -> [String: Int] {
        let bundle = renderer.bundle(for: output)
        var result = ["text/plain": bundle.plain.utf8.count]
        if let html = bundle.html { result["text/html"] = html.utf8.count }
        if let svg = bundle.svg { result["image/svg+xml"] = svg.utf8.count }
        if let markdown = bundle.markdown { result["text/markdown"] = markdown.utf8.count }
        if let json = bundle.json { result[MimeBundle.jsonMimeType] = JSONWriter.bytes(json).count }
        return result
    }

    private func assertBounded(_ outputs: [Output], below limit: Int, _ what: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(outputs.isEmpty, what, file: file, line: line)
        for output in outputs {
            for (mime, bytes) in try sizes(output) {
                XCTAssertLessThan(bytes, limit, "\(what): \(mime) is \(bytes) bytes", file: file, line: line)
            }
        }
    }

    private func json(_ output: Output) throws -> JSONValue { try JSONValue.roundTrip(XCTUnwrap(renderer.bundle(for: output).json)) }

    private func tensorView(_ outputs: [Output], named name: String) -> TensorView? {
        for output in outputs {
            switch output {
            case .tensor(let v) where v.name == name: return v
            case .group(let parts): if let v = tensorView(parts, named: name) { return v }
            default: continue
            }
        }
        return nil
    }

    // MARK: tensors

    /// m[i, j] = i + 10000 j (1-based), 2000×2000: four million values.
    static let matrix = "tensor m = linspace(1, 2000, 2000) @ ones(1, 2000) + 10000 * ones(2000, 1) @ linspace(1, 2000, 2000).T"

    func testALargeMatrixIsSummarizedInEveryFormWithItsCorners() throws {
        let outputs = run(Self.matrix)
        try assertBounded(outputs, below: 8_000, "tensor 2000×2000")
        let back = try json(outputs[0])
        XCTAssertEqual(back["shape"], .array([.number(2000), .number(2000)]), "shape stays the full shape")
        XCTAssertEqual(back["summarized"], .bool(true))
        let edges: [JSONValue] = ([1, 2, 3, 1998, 1999, 2000] as [Double]).map { .number($0) }
        XCTAssertEqual(back["rowIndex"], .array(edges))
        XCTAssertEqual(back["colIndex"], .array(edges))
        XCTAssertEqual(back["data"]?[0]?[0], .number(1 + 10000 * 1))
        XCTAssertEqual(back["data"]?[5]?[0], .number(2000 + 10000 * 1))
        XCTAssertEqual(back["data"]?[0]?[5], .number(1 + 10000 * 2000))
        XCTAssertEqual(back["data"]?[5]?[5], .number(2000 + 10000 * 2000))
        XCTAssertEqual(back["data"]?.array?.count, 6)
        let text = renderer.text(outputs[0]).components(separatedBy: "\n")
        XCTAssertEqual(text.count, 1 + 7, "heading, 3 rows, the gap, 3 rows")
        // 10001 to 20002000 span more than a factor 1000: scientific, as numpy prints them.
        XCTAssertTrue(text[1].hasPrefix("  1.0001e+04"), text[1])
        XCTAssertTrue(text[7].hasSuffix("2.0002e+07"), text[7])
        let html = try XCTUnwrap(renderer.bundle(for: outputs[0]).html)
        XCTAssertTrue(html.contains("<th style=\"\(TableHTML.numberStyle)\">2000</th>"), "the last row's number")
        XCTAssertTrue(html.contains("title=\"20002000.0\""), "the last value at full precision")
    }

    func testAJSONFormUpToAThousandValuesIsWholeAndUnmarked() throws {
        let small = try json(run("tensor a = linspace(1, 1000, 1000)")[0])
        XCTAssertEqual(small["data"]?.array?.count, 1000)
        XCTAssertNil(small["summarized"])
        let big = try json(run("tensor a = linspace(1, 1001, 1001)")[0])
        XCTAssertEqual(big["data"]?.array?.count, 6)
        XCTAssertEqual(big["summarized"], .bool(true))
        XCTAssertEqual(big["data"]?[5]?[0], .number(1001))
    }

    func testPrintWritesTheFirstAndLastRowsAndColumns() throws {
        let session = Session()
        run(Self.matrix + ";", in: session)
        let outputs = run("print m", in: session)
        guard let print = outputs.first, case .printed = print else { return XCTFail("print writes") }
        let text = renderer.text(print)
        XCTAssertLessThan(text.utf8.count, 1_000)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines[0].split(separator: " ").map(String.init),
                       ["1.0001e+04", "2.0001e+04", "3.0001e+04", "...", "1.9980e+07", "1.9990e+07", "2.0000e+07"])
        XCTAssertEqual(lines[3].split(separator: " ").map(String.init), Array(repeating: "...", count: 7))
        XCTAssertEqual(lines[6].split(separator: " ").last, "2.0002e+07")
        // Up to 1000 values print whole, as numpy prints them.
        let whole = renderer.text(try XCTUnwrap(run("print linspace(1, 1000, 1000)", in: session).first))
        XCTAssertEqual(whole.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) },
                       (1...1000).map { "\($0).0000" })
    }

    func testShowFullShowsEveryValueUpToTheCap() throws {
        let session = Session()
        run("tensor a = linspace(1, 30, 30);", in: session)
        let full = run("show a full", in: session)
        XCTAssertEqual(renderer.text(full[0]).components(separatedBy: "\n").count, 31, "heading and 30 rows")
        XCTAssertFalse(renderer.text(run("show a", in: session)[0]).contains("15.0000"), "the compact view leaves row 15 out")
        XCTAssertTrue(renderer.text(full[0]).contains("15.0000"))
        // Four million values: as many first and last rows and columns as fit in 100 000.
        run(Self.matrix + ";", in: session)
        let capped = run("show m full", in: session)
        let back = try json(capped[0])
        let rows = try XCTUnwrap(back["rowIndex"]?.array), cols = try XCTUnwrap(back["colIndex"]?.array)
        XCTAssertLessThanOrEqual(rows.count * cols.count, TensorSummary.fullLimit)
        XCTAssertGreaterThan(rows.count * cols.count, TensorSummary.fullLimit * 9 / 10)
        XCTAssertEqual(rows.last, .number(2000))
        XCTAssertEqual(back["data"]?[rows.count - 1]?[cols.count - 1], .number(2000 + 10000 * 2000))
        try assertBounded(capped, below: 15_000_000, "show m full")
    }

    func testATwentyMillionRowColumnShowsItsEnds() throws {
        let outputs = run("tensor a = linspace(1, 20000000, 20000000)")
        try assertBounded(outputs, below: 4_000, "tensor 20M×1")
        let back = try json(outputs[0])
        XCTAssertEqual(back["rowIndex"], .array(([1, 2, 3, 19_999_998, 19_999_999, 20_000_000] as [Double]).map { .number($0) }))
        XCTAssertEqual(back["data"]?[5]?[0], .number(20_000_000))
    }

    // MARK: every other output that grows with data

    func testForwardOnALargeBatchIsBounded() throws {
        let outputs = run("""
            layer h = dense(2 -> 3, sigmoid, weights: [[1, 0, 0], [0, 1, 0]], biases: [[0, 0, 0]])
            tensor x = linspace(1, 100000, 100000) @ [1, 0] / 100000
            forward x
            """)
        try assertBounded(outputs, below: 20_000, "forward of 100 000 samples")
        let z = try XCTUnwrap(tensorView(outputs, named: "h.z"))
        let back = try json(.tensor(z))
        XCTAssertEqual(back["rowIndex"]?.array?.last, .number(100_000))
        XCTAssertEqual(back["data"]?[5]?[0], .number(1), "z1 of the last sample: x1 · 1")
    }

    func testPlotsAndDataSetsKeepAtMostFiveThousandPoints() throws {
        let session = Session()
        let plot = run("tensor p = linspace(1, 200000, 200000) @ [1, 2];\nplot p", in: session)
        try assertBounded(plot, below: 600_000, "plot of 200 000 points")
        guard case .plot(let p) = plot[0] else { return XCTFail("a plot") }
        XCTAssertEqual(p.series[0].x.count, PlotStatement.maxPoints)
        XCTAssertEqual(p.series[0].x.first, 1)
        XCTAssertEqual(p.series[0].x.last, 200_000)
        XCTAssertEqual(p.series[0].y.last, 400_000)
        let data = run("dataset d = moons(n: 200000)", in: session)
        try assertBounded(data, below: 600_000, "dataset of 200 000 points")
        guard case .plot(let scatter)? = data.last else { return XCTFail("a scatter plot") }
        XCTAssertEqual(scatter.series[0].x.count, PlotStatement.maxPoints)
        XCTAssertEqual(scatter.series[0].classes?.count, PlotStatement.maxPoints)
    }

    func testAPlotOfManySeriesKeepsTwentyThousandPointsInAll() throws {
        // 20 columns of 50 000 rows: column c is the row number times c.
        let outputs = run("tensor p = linspace(1, 50000, 50000) @ linspace(1, 20, 20).T;\nplot p")
        try assertBounded(outputs, below: 1_000_000, "plot of 20 series of 50 000 points")
        guard case .plot(let plot) = outputs[0] else { return XCTFail("a plot") }
        XCTAssertEqual(plot.series.count, 20)
        XCTAssertLessThanOrEqual(plot.series.reduce(0) { $0 + $1.x.count }, PlotStatement.maxPlotPoints)
        XCTAssertEqual(plot.series[19].x.last, 50_000)
        XCTAssertEqual(plot.series[19].y.last, 50_000 * 20)
    }

    func testExplainOnALargeBatchKeepsSomeSamplesProducts() throws {
        let session = Session()
        let outputs = run("""
            seed 1
            layer h = dense(2 -> 1, sigmoid)
            loss mse
            tensor x = rand(5000, 2);
            tensor t = rand(5000, 1);
            forward x, t;
            explain h.W[1, 1]
            """, in: session)
        try assertBounded(outputs, below: 4_000, "explain on 5000 samples")
        let explained = try XCTUnwrap(outputs.last)
        let back = try json(explained)
        XCTAssertEqual(back["sampleCount"], .number(5000))
        XCTAssertEqual(back["sampleIndex"], .array(([1, 2, 3, 4, 4998, 4999, 5000] as [Double]).map { .number($0) }))
        // Each product is ∂E/∂z · x1 of its sample, with mse's ∂E/∂a = 2(a − t)/N: checked
        // against the same formula written in the language.
        let check = run("tensor d = 2 * (h.a - t) / 5000 * h.a * (1 - h.a) * x[:, 1]", in: session)
        guard case .tensor(let d) = check[0] else { return XCTFail() }
        let products = try XCTUnwrap(back["sampleProducts"]?.array)
        for (k, sample) in [0, 1, 2, 3, 4997, 4998, 4999].enumerated() {
            guard case .number(let p) = products[k] else { return XCTFail() }
            XCTAssertEqual(p, d.value.data[sample], accuracy: 1e-15)
        }
        XCTAssertTrue(renderer.text(explained).contains("sum over 5000 samples:"))
    }

    func testHistoryAndLongTablesAreBounded() throws {
        let outputs = run("""
            dataset d = xor()
            layer h = dense(2 -> 2, sigmoid)
            layer o = dense(2 -> 1, sigmoid)
            loss mse
            train d.x, d.y, epochs: 5000, batch: 2;
            show history
            plot loss
            """)
        try assertBounded(outputs, below: 600_000, "history of 10 000 steps")
        // A table of 3000 rows keeps its first and last 10 in JSON, and says so.
        let rows: [[Cell]] = (1...3000).map { [.number(Double($0)), .number(Double($0) / 2)] }
        let table = Output.table(Table(title: "long", columns: ["step", "loss"], rows: rows))
        try assertBounded([table], below: 8_000, "table of 3000 rows")
        let back = try json(table)
        XCTAssertEqual(back["rowCount"], .number(3000))
        XCTAssertEqual(back["rows"]?.array?.count, 20)
        XCTAssertEqual(back["rowIndex"]?.array?.last, .number(3000))
        XCTAssertEqual(back["rows"]?[19]?[1], .number(1500))
    }

    func testShowGraphOfALargeTensorIsBounded() throws {
        let outputs = run("""
            tensor a = linspace(1, 100000, 100000)
            tensor s = sum(a * a)
            backward s
            show graph s
            """)
        try assertBounded(outputs, below: 20_000, "graph over 100 000 values")
        guard case .graph(let graph)? = outputs.last else { return XCTFail("a graph") }
        let back = try json(.graph(graph))
        let a = try XCTUnwrap(back["nodes"]?.array?.first { $0["name"] == .string("a") })
        XCTAssertEqual(a["value"]?["data"]?[5]?[0], .number(100_000))
        XCTAssertEqual(a["grad"]?["data"]?[5]?[0], .number(200_000), "ds/da = 2a")
    }
}
