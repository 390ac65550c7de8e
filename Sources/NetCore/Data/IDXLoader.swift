import FoundationEssentials

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

    public static func load(images: String, labels: String) throws -> Dataset {
        try dataset(images: read(path: images), labels: read(path: labels),
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
        let (classes, count, notes) = CSVLoader.classify(y.values)
        return Dataset(x: Tensor(rows: n, cols: width, data: x.values),
                       y: Tensor(rows: n, cols: 1, data: classes),
                       featureNames: (0..<width).map { "pixel\($0 + 1)" }, classes: count, notes: notes)
    }

    public static func read(path: String) throws -> Array {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError("cannot read '\(path)': no such file or not readable")
        }
        return try parse([UInt8](data), fileName: PathText.lastComponent(path))
    }

    public static func parse(_ bytes: [UInt8], fileName: String = "the file") throws -> Array {
        guard bytes.count >= 4 else {
            throw DataError("\(fileName) is too short to be an IDX file (\(bytes.count) bytes; the header alone is 4)")
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
            throw DataError("\(fileName) is truncated: its header needs \(headerSize) bytes, the file has \(bytes.count)")
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
        let expected = headerSize + total * elementSize
        guard bytes.count >= expected else {
            throw DataError("\(fileName) is truncated: dimensions \(dimensions.map(String.init).joined(separator: "×")) need \(expected) bytes, the file has \(bytes.count)")
        }
        guard bytes.count == expected else {
            throw DataError("\(fileName) has \(bytes.count - expected) bytes after its data; it does not look like an IDX file")
        }
        var values = [Double](repeating: 0, count: total)
        let type = bytes[2]
        try bytes.withUnsafeBufferPointer { buf in
            for i in 0..<total {
                if i % (1 << 20) == 0 { try Interruption.check() }   // every few ms of a large file
                let at = headerSize + i * elementSize
                switch type {
                case 0x08: values[i] = Double(buf[at])
                case 0x09: values[i] = Double(Int8(bitPattern: buf[at]))
                case 0x0B: values[i] = Double(Int16(bitPattern: UInt16(bigEndian(buf, at: at, size: 2))))
                case 0x0C: values[i] = Double(Int32(bitPattern: UInt32(bigEndian(buf, at: at, size: 4))))
                case 0x0D: values[i] = Double(Float(bitPattern: UInt32(bigEndian(buf, at: at, size: 4))))
                default: values[i] = Double(bitPattern: bigEndian(buf, at: at, size: 8))
                }
            }
        }
        return Array(dimensions: dimensions, values: values)
    }

    private static func bigEndian<C: RandomAccessCollection>(_ bytes: C, at offset: Int, size: Int) -> UInt64
        where C.Element == UInt8, C.Index == Int {
        var value: UInt64 = 0
        for k in 0..<size { value = value << 8 | UInt64(bytes[offset + k]) }
        return value
    }
}
