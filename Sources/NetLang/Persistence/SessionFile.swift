import NetCore

/// The NetBook session file, format "netbook-session" version 1: JSON, written by
/// `save "PATH"` and read by `restore "PATH"`.
///
/// ```json
/// {
///   "format": "netbook-session", "version": 1,
///   "settings": {"precision": 8, "style": "ascii"},
///   "random": {"state": ["9e3779b97f4a7c15", "…", "…", "…"], "spareNormal": null},
///   "nodes": [{"op": "input", "name": "x", "value": {"shape": [1, 2], "data": [0.1, 0.2]}, "inputs": []}, …],
///   "tensors": [{"name": "x", "node": 0}, …],
///   "network": {"loss": "half_sse",
///               "layers": [{"name": "hidden", "activation": "sigmoid", "origin": "given",
///                           "weights": {"shape": [2, 2], "data": […]}, "biases": null}, …],
///               "optimizer": {"kind": "adam", "lr": 0.001, "beta": 0.9, "beta1": 0.9, "beta2": 0.999,
///                             "eps": 1e-08, "first": {"hidden.W": {…}}, "second": {…}, "steps": {"hidden.W": 3}}},
///   "gradients": {"root": "loss", "values": {"hidden.W": {…}}},
///   "lastForward": {"input": {…}, "target": {…}, "layers": [{"z": {…}, "a": {…}}], "loss": 0.0239},
///   "history": [0.0239, …], "epochLosses": […], "trainingRuns": 1,
///   "validationSteps": [4, 8, …], "validationLosses": [0.25, …],
///   "datasets": {"xor": {"x": {…}, "y": {…}}}
/// }
/// ```
/// Tensors are `{"shape": [rows, cols], "data": [row-major values]}`. Numbers are written
/// in Swift's shortest form that reads back to the same Double (so values round-trip
/// exactly); infinities and NaN, which JSON lacks, are the strings "inf", "-inf", "nan".
/// The random generator's four 64-bit words are hexadecimal strings, so that no JSON
/// reader rounds them. `nodes` is the expressions' graph in evaluation order (inputs
/// before the nodes that use them), so that `backward NAME` and `show graph` work after
/// `restore`. A reader refuses a file whose format is not "netbook-session" or whose
/// version is newer than it knows, and any file whose contents do not fit together.
struct SessionFile: Codable {
    static let formatName = "netbook-session"
    static let currentVersion = 1

    var format: String
    var version: Int
    var settings: SettingsRecord
    var random: RandomRecord
    var nodes: [NodeRecord]
    var tensors: [NamedNode]
    var network: NetworkRecord
    var gradients: GradientsRecord
    var lastForward: ForwardRecordFile?
    var history: [Double]
    var epochLosses: [Double]
    /// Steps per entry of `history` and the steps it stands for, written only once a long
    /// run has merged its entries (LossHistory.swift); absent, every entry is one step.
    var historyStride: Int?
    var historySteps: Int?
    /// The same for `epochLosses`.
    var epochStride: Int?
    var epochCount: Int?
    var trainingRuns: Int
    /// The validation loss after each epoch of `train …, validation:` and the step it was
    /// measured at; absent in files of sessions without one (and in older files).
    var validationSteps: [Int]?
    var validationLosses: [Double]?
    var datasets: [String: [String: TensorRecord]]

    /// Only the fields every version has, read first to decide whether to go on.
    struct Header: Codable {
        var format: String?
        var version: Int?
    }

    struct TensorRecord: Codable, Equatable {
        var shape: [Int]
        var data: [Double]
    }

    struct SettingsRecord: Codable {
        var precision: Int
        var style: String
    }

    struct RandomRecord: Codable {
        var state: [String]
        var spareNormal: Double?
    }

    struct NodeRecord: Codable {
        /// "input", "add", "subtract", "multiply", "divide", "power", "matmul", "negate",
        /// "transpose", "compare", "slice", "function", "reduce", "loss".
        var op: String
        var name: String?
        var value: TensorRecord
        /// Indices of earlier nodes.
        var inputs: [Int]
        /// compare: the symbol ("<"); function, reduce, loss: the function's name.
        var function: String?
        /// reduce: "all", "rows" or "cols".
        var axis: String?
        /// slice: 0-based half-open [lower, upper) of rows and of columns.
        var rows: [Int]?
        var cols: [Int]?
    }

    struct NamedNode: Codable {
        var name: String
        var node: Int
    }

    struct NetworkRecord: Codable {
        var loss: String
        var layers: [LayerRecord]
        var optimizer: OptimizerRecord
    }

    struct LayerRecord: Codable {
        var name: String
        var activation: String
        var origin: String
        var weights: TensorRecord
        var biases: TensorRecord?
    }

    struct OptimizerRecord: Codable {
        var kind: String
        var lr: Double
        var beta: Double
        var beta1: Double
        var beta2: Double
        var eps: Double
        var first: [String: TensorRecord]
        var second: [String: TensorRecord]
        var steps: [String: Int]
    }

    struct GradientsRecord: Codable {
        var root: String?
        var values: [String: TensorRecord]
    }

    struct ForwardRecordFile: Codable {
        var input: TensorRecord
        var target: TensorRecord?
        var layers: [LayerValues]
        var loss: Double?
        struct LayerValues: Codable {
            var z: TensorRecord
            var a: TensorRecord
        }
    }
}

extension SessionFile.TensorRecord {
    init(_ t: Tensor) { self.init(shape: [t.rows, t.cols], data: t.data) }
}
