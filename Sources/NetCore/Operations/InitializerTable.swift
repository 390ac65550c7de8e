/// Name, arguments with defaults and help of the weight initializers (the computation lives in Network/WeightInit.swift).
/// The parser, completion, `help` and error messages read these entries.
enum InitializerTable {
    static let entries: [OperationInfo] = [
        OperationInfo("xavier", .initializer, summary: "U(−√(6/(in+out)), √(6/(in+out))) (the default)", help: "layer h = dense(2 -> 3, tanh, init: xavier)"),
        OperationInfo("he", .initializer, summary: "N(0, 2/in), for relu layers", help: "layer h = dense(2 -> 3, relu, init: he)"),
        OperationInfo("uniform", .initializer, summary: "U[0, 1), like R's runif", help: "layer h = dense(2 -> 3, sigmoid, init: uniform)"),
        OperationInfo("normal", .initializer, summary: "N(0, 1)", help: "layer h = dense(2 -> 3, sigmoid, init: normal)"),
        OperationInfo("zeros", .initializer, summary: "all weights 0", help: "layer h = dense(2 -> 3, sigmoid, init: zeros)"),
    ]
}
