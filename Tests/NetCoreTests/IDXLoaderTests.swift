import XCTest
@testable import NetCore

final class IDXLoaderTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// An IDX file written byte by byte as the MNIST page describes it.
    func idx(type: UInt8, dims: [UInt32], payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dims.count)]
        for d in dims { bytes += [UInt8(d >> 24), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
        return bytes + payload
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testThreeTwoByTwoImagesWithLabels() throws {
        let images = try write(idx(type: 0x08, dims: [3, 2, 2], payload: Array(0..<12).map { UInt8($0 * 20) }), "img")
        let labels = try write(idx(type: 0x08, dims: [3], payload: [7, 0, 9]), "lbl")
        let d = try IDXLoader.load(images: images, labels: labels)
        XCTAssertEqual(d.x, Tensor([[0, 20, 40, 60], [80, 100, 120, 140], [160, 180, 200, 220]]))
        XCTAssertEqual(d.y, Tensor([[8], [1], [10]]))       // digits 7, 0, 9 as 1-based classes
        XCTAssertEqual(d.classes, 10)
    }

    func testBigEndianWiderTypes() throws {
        // int16 -2 = 0xFFFE; int32 258 = 0x00000102; float64 1.5 = 0x3FF8000000000000.
        XCTAssertEqual(try IDXLoader.parse(idx(type: 0x0B, dims: [1], payload: [0xFF, 0xFE])).values, [-2])
        XCTAssertEqual(try IDXLoader.parse(idx(type: 0x0C, dims: [1], payload: [0, 0, 1, 2])).values, [258])
        XCTAssertEqual(try IDXLoader.parse(idx(type: 0x0E, dims: [1], payload: [0x3F, 0xF8, 0, 0, 0, 0, 0, 0])).values, [1.5])
        XCTAssertEqual(try IDXLoader.parse(idx(type: 0x09, dims: [2], payload: [0xFF, 3])).values, [-1, 3])
    }

    func testTruncatedAndCorruptFilesAreRefused() {
        func message(_ bytes: [UInt8]) -> String? {
            do { _ = try IDXLoader.parse(bytes, fileName: "t.idx"); return nil } catch { return (error as? DataError)?.message }
        }
        XCTAssertEqual(message([0, 0]), "t.idx is too short to be an IDX file (2 bytes; the header alone is 4)")
        XCTAssertEqual(message([0x1F, 0x8B, 8, 0]),
                       "t.idx is not an IDX file: it should start with two zero bytes (is it still gzip-compressed?)")
        XCTAssertEqual(message([0, 0, 0x42, 1, 0, 0, 0, 1, 0]), "t.idx: unknown IDX value type 0x42")
        XCTAssertEqual(message([0, 0, 8, 3, 0, 0, 0, 2]), "t.idx is truncated: its header needs 16 bytes, the file has 8")
        XCTAssertEqual(message(idx(type: 0x08, dims: [2, 2, 2], payload: [1, 2, 3])),
                       "t.idx is truncated: dimensions 2×2×2 need 24 bytes, the file has 19")
        XCTAssertEqual(message(idx(type: 0x08, dims: [1], payload: [1, 2])),
                       "t.idx has 1 bytes after its data; it does not look like an IDX file")
        XCTAssertNotNil(message(idx(type: 0x08, dims: [0xFFFF_FFFF, 0xFFFF_FFFF], payload: [])))
    }

    func testImageAndLabelCountsMustAgree() throws {
        let images = try write(idx(type: 0x08, dims: [2, 1], payload: [1, 2]), "img")
        let labels = try write(idx(type: 0x08, dims: [3], payload: [1, 2, 3]), "lbl")
        XCTAssertThrowsError(try IDXLoader.load(images: images, labels: labels)) {
            XCTAssertEqual(($0 as? DataError)?.message, "'\(images)' has 2 images but '\(labels)' has 3 labels")
        }
    }

    /// The header is checked against the file's size before any value is read or memory
    /// reserved: a header claiming 50 million values in a file of 20 bytes is refused at once.
    func testHeaderSizesAreCheckedAgainstTheFileBeforeReading() throws {
        let huge = try write(idx(type: 0x08, dims: [10_000, 5_000], payload: [1, 2, 3, 4]), "huge")
        let budget = MemoryBudget(limit: 1_000)
        XCTAssertThrowsError(try IDXLoader.read(path: huge, budget: budget)) {
            XCTAssertEqual(($0 as? DataError)?.message, "huge is truncated: dimensions 10000×5000 need 50000012 bytes, the file has 16")
        }
        XCTAssertEqual(budget.used, 0)
        XCTAssertThrowsError(try IDXLoader.read(path: "/dev/zero")) {
            XCTAssertEqual(($0 as? DataError)?.message, "cannot read '/dev/zero': it is a device, not a regular file")
        }
    }

    /// Values are reserved in the budget before they are converted.
    func testTheBudgetIsAskedBeforeReading() throws {
        let images = try write(idx(type: 0x08, dims: [200, 10], payload: [UInt8](repeating: 7, count: 2000)), "img")
        XCTAssertThrowsError(try IDXLoader.read(path: images, budget: MemoryBudget(limit: 10_000))) {
            XCTAssertEqual(($0 as? LimitError)?.message,
                           "img (200×10) needs 16.0 KB, but only 10.0 KB of the session's 10.0 KB memory budget is left")
        }
        let read = try IDXLoader.read(path: images, budget: MemoryBudget(limit: 16_000))
        XCTAssertEqual(read.values, [Double](repeating: 7, count: 2000))
    }

    /// Larger than one 64 KB chunk, with 8-byte values whose chunks do not start on a value.
    func testStreamedReadMatchesParse() throws {
        let values = (0..<20_000).map { Double($0) * 0.5 - 3 }
        let payload = values.flatMap { v in (0..<8).reversed().map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * UInt64($0))) } }
        let bytes = idx(type: 0x0E, dims: [20_000], payload: payload)
        let file = try write(bytes, "doubles")
        XCTAssertEqual(try IDXLoader.read(path: file).values, values)
        XCTAssertEqual(try IDXLoader.parse(bytes).values, values)
    }
}
