/// A data set: inputs `x` (one row per sample) and targets `y` (one row per sample).
///
///     let xor = try DatasetGenerator.xor(n: 4, noise: 0, rng: &rng)
///     xor.x.shapeDescription   // "4×2"
///     xor.y.nested             // [[0], [1], [1], [0]]
///
/// `y` is a column of 1-based class indices for classification sets (`classes`
/// is then their number), or the target values themselves (`classes == nil`),
/// as for `xor`, whose target is the truth table's 0/1.
public struct Dataset: Equatable, Sendable {
    public var x: Tensor
    public var y: Tensor
    /// Column names of `x` (from a CSV header), or generated ("x1", "x2", ...).
    public var featureNames: [String]
    /// Number of classes when `y` holds 1-based class indices, otherwise nil.
    public var classes: Int?
    /// Notes about how the data were read (e.g. "labels 0–9 became classes 1–10").
    public var notes: [String]
    /// The file's label of class 1: 0 when labels 0–9 became classes 1–10, so that a
    /// picture of a digit can be captioned with the digit itself (class − 1 + firstLabel).
    public var firstLabel: Int = 1

    public init(x: Tensor, y: Tensor, featureNames: [String]? = nil, classes: Int? = nil, notes: [String] = []) {
        self.x = x
        self.y = y
        self.featureNames = featureNames ?? (0..<x.cols).map { "x\($0 + 1)" }
        self.classes = classes
        self.notes = notes
    }

    /// Number of samples (rows).
    public var count: Int { x.rows }
}
