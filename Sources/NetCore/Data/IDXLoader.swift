import NetSupport

/// Reads MNIST's IDX files (images and labels) into a `Dataset`.
///
///     let mnist = try IDXLoader.load(images: "train-images-idx3-ubyte",
///                                    labels: "train-labels-idx1-ubyte")
///     mnist.x.shapeDescription   // "60000×784": one row of 28·28 pixels (0–255) per image
///     mnist.y                    // 60000×1, classes 1–10 (digit + 1)
///
/// The format (yann.lecun.com/exdb/mnist): two zero bytes, a type byte
/// (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32,
/// 0x0E float64), the number of dimensions, each dimension as a big-endian
/// UInt32, then the values big-endian, last dimension fastest. The first dimension
/// is the sample; the others are flattened into the row. Pixels keep their raw
/// values (divide by 255 to scale them to [0, 1]).
public enum IDXLoader {
    /// An IDX array: its dimensions and its values in file order.
    public struct Array: Equatable, Sendable {
        public var dimensions: [Int]
        public var values: [Double]
    }

    public static func load(images: String, labels: String, budget: MemoryBudget = .unlimited) throws -> Dataset {
        try dataset(images: read(path: images, budget: budget), labels: read(path: labels, budget: budget),
                    imagesName: images, labelsName: labels)
    }

    /// Images and labels read separately (so a caller can tell which file was bad), put together.
    public static func dataset(images x: Array, labels y: Array, imagesName: String, labelsName: String) throws -> Dataset {
        guard let n = x.dimensions.first, let m = y.dimensions.first else {
            throw DataError("IDX files must have at least one dimension")
        }
        guard n == m else {
            throw DataError("'\(imagesName)' has \(n) images but '\(labelsName)' has \(m) labels")
        }
        let labelWidth = y.dimensions.dropFirst().reduce(1, *)
        guard labelWidth == 1 else {
            throw DataError("'\(labelsName)' holds \(labelWidth) values per sample; a labels file holds one")
        }
        let width = x.dimensions.dropFirst().reduce(1, *)
        let (classes, count, notes, first) = CSVLoader.classify(y.values)
        var set = Dataset(x: Tensor(rows: n, cols: width, data: x.values),
                          y: Tensor(rows: n, cols: 1, data: classes),
                          featureNames: (0..<width).map { "pixel\($0 + 1)" }, classes: count, notes: notes)
        set.firstLabel = first
        return set
    }

    /// Reads the header first and checks it against the file's size, so that a header that
    /// claims more (or less) than the file holds is refused before any value is read; the
    /// values are then reserved in `budget` and converted chunk by chunk.
    public static func read(path: String, budget: MemoryBudget = .unlimited) throws -> Array {
        let file = try FileStream(path: path)
        let name = PathText.lastComponent(path)
        let head = try file.readExactly(count: min(file.size, maximumHeaderBytes)) ?? []
        let h = try header(head, fileSize: file.size, fileName: name)
        try budget.reserve(elements: h.total, for: "\(name) (\(h.dimensionText))")
        var values: [Double] = []
        values.reserveCapacity(h.total)
        // The bytes of the first chunk after the header, then the rest of the file.
        var carry = [UInt8](head[h.size...])
        func convert(_ bytes: UnsafeRawBufferPointer) {
            carry.append(contentsOf: bytes)
            let whole = carry.count / h.elementSize * h.elementSize
            carry.withUnsafeBufferPointer { append($0[0..<whole], type: h.type, size: h.elementSize, to: &values) }
            carry.removeFirst(whole)
        }
        convert(UnsafeRawBufferPointer(start: nil, count: 0))
        try file.forEachChunk { chunk in
            try Interruption.check()   // every 64 KB chunk: well under a millisecond of work
            guard values.count < h.total else { return }
            convert(chunk)
        }
        guard values.count == h.total else {
            throw DataError("\(name) changed while it was read: \(values.count) of \(h.total) values")
        }
        return Array(dimensions: h.dimensions, values: values)
    }

    public static func parse(_ bytes: [UInt8], fileName: String = "the file") throws -> Array {
        let h = try header(bytes, fileSize: bytes.count, fileName: fileName)
        var values: [Double] = []
        values.reserveCapacity(h.total)
        // In blocks of 2^20 values, checking for an interrupt between them.
        let block = (1 << 20) * h.elementSize
        try bytes.withUnsafeBufferPointer { buffer in
            var start = h.size
            while start < buffer.count {
                try Interruption.check()
                let end = min(buffer.count, start + block)
                append(buffer[start..<end], type: h.type, size: h.elementSize, to: &values)
                start = end
            }
        }
        return Array(dimensions: h.dimensions, values: values)
    }

    /// The longest header: 4 bytes, then 255 dimensions of 4 bytes.
    static let maximumHeaderBytes = 4 + 4 * 255

    struct Header {
        var type: UInt8
        var elementSize: Int
        var dimensions: [Int]
        var total: Int
        /// Bytes of the header.
        var size: Int
        var dimensionText: String { dimensions.map(String.init).joined(separator: "×") }
    }

    /// The header from the file's first bytes, checked against the whole file's size.
    static func header(_ bytes: [UInt8], fileSize: Int, fileName: String) throws -> Header {
        guard bytes.count >= 4 else {
            throw DataError("\(fileName) is too short to be an IDX file (\(fileSize) bytes; the header alone is 4)")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DataError("\(fileName) is not an IDX file: it should start with two zero bytes (is it still gzip-compressed?)")
        }
        let elementSize: Int
        switch bytes[2] {
        case 0x08, 0x09: elementSize = 1
        case 0x0B: elementSize = 2
        case 0x0C, 0x0D: elementSize = 4
        case 0x0E: elementSize = 8
        default:
            throw DataError("\(fileName): unknown IDX value type 0x\(String(bytes[2], radix: 16))")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw DataError("\(fileName): an IDX file needs at least one dimension") }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else {
            throw DataError("\(fileName) is truncated: its header needs \(headerSize) bytes, the file has \(fileSize)")
        }
        var dimensions: [Int] = []
        var total = 1
        for d in 0..<rank {
            let size = Int(bigEndian(bytes, at: 4 + 4 * d, size: 4))
            dimensions.append(size)
            // Checked so a corrupt header cannot overflow or ask for absurd memory.
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= CSVLoader.maximumElements else {
                throw DataError("\(fileName) claims dimensions \(dimensions.map(String.init).joined(separator: "×"))..., more than the limit of \(CSVLoader.maximumElements) values")
            }
            total = product
        }
        let h = Header(type: bytes[2], elementSize: elementSize, dimensions: dimensions, total: total, size: headerSize)
        let expected = headerSize + total * elementSize
        guard fileSize >= expected else {
            throw DataError("\(fileName) is truncated: dimensions \(h.dimensionText) need \(expected) bytes, the file has \(fileSize)")
        }
        guard fileSize == expected else {
            throw DataError("\(fileName) has \(fileSize - expected) bytes after its data; it does not look like an IDX file")
        }
        return h
    }

    /// Appends the big-endian values in `bytes` (a whole number of elements).
    private static func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, type: UInt8, size: Int, to values: inout [Double]) {
        var at = bytes.startIndex
        while at + size <= bytes.endIndex {
            let v: Double
            switch type {
            case 0x08: v = Double(bytes[at])
            case 0x09: v = Double(Int8(bitPattern: bytes[at]))
            case 0x0B: v = Double(Int16(bitPattern: UInt16(bigEndian(bytes, at: at, size: 2))))
            case 0x0C: v = Double(Int32(bitPattern: UInt32(bigEndian(bytes, at: at, size: 4))))
            case 0x0D: v = Double(Float(bitPattern: UInt32(bigEndian(bytes, at: at, size: 4))))
            default: v = Double(bitPattern: bigEndian(bytes, at: at, size: 8))
            }
            values.append(v)
            at += size
        }
    }

    private static func bigEndian<C: RandomAccessCollection>(_ bytes: C, at offset: Int, size: Int) -> UInt64
        where C.Element == UInt8, C.Index == Int {
        var value: UInt64 = 0
        for k in 0..<size { value = value << 8 | UInt64(bytes[offset + k]) }
        return value
    }
}
