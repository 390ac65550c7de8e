import Foundation
import NetCore

/// Forward and backward passes of the session's dense network.
///
///     let record = try NetworkMath.forward(layers, x)      // z and a per layer
///     let grads = try NetworkMath.backward(layers, record, loss: "half_sse")
enum NetworkMath {
    struct LayerGradients {
        var dz: Tensor
        var dW: Tensor
        var db: Tensor?
        var da: Tensor
    }

    static func forward(_ layers: [LayerState], _ x: Tensor) throws -> [ForwardRecord.LayerRecord] {
        var a = x
        var records: [ForwardRecord.LayerRecord] = []
        for (l, layer) in layers.enumerated() {
            guard a.cols == layer.inputs else {
                let what = l == 0 ? "the input is \(a.shapeDescription)" : "layer '\(layers[l - 1].name)' gives \(a.shapeDescription)"
                throw ShapeError("shape mismatch in forward: \(what) but layer '\(layer.name)' takes \(layer.inputs) input\(layer.inputs == 1 ? "" : "s") (W is \(layer.weights.shapeDescription))")
            }
            var z = try a.matmul(layer.weights, names: (l == 0 ? "x" : layers[l - 1].name + ".a", layer.name + ".W"))
            if let b = layer.biases { z = try z + b }
            let next = layer.activation.apply(z)
            records.append(.init(z: z, a: next))
            a = next
        }
        return records
    }

    /// The network's loss of output `y` against `t` (cross_entropy takes the softmax output y).
    static func loss(_ kind: String, y: Tensor, t: Tensor) -> Double {
        if kind == "cross_entropy" {
            let n = Double(max(1, y.rows))
            return -zip(t.data, y.data).reduce(0) { $0 + ($1.0 == 0 ? 0 : $1.0 * Foundation.log(max($1.1, LossMath.epsilon))) } / n
        }
        return LossMath.value(kind, y: y, t: t)
    }

    /// dL/dy of the network's output (or, with `fusedSoftmax`, dL/dz of the last layer).
    static func outputGradient(_ kind: String, y: Tensor, t: Tensor) -> Tensor {
        if kind == "cross_entropy" {
            let n = Double(max(1, y.rows))
            var g = y
            for k in g.data.indices { g.data[k] = (y.data[k] - t.data[k]) / n }
            return g
        }
        return LossMath.gradient(kind, y: y, t: t).0
    }

    /// The target as the output's shape: a column of 1-based classes becomes one-hot rows.
    static func target(_ t: Tensor, for y: Tensor, at location: SourceLocation) throws -> Tensor {
        if t.rows == y.rows && t.cols == y.cols { return t }
        if t.cols == 1 && t.rows == y.rows && y.cols > 1 {
            return try FunctionTable.classColumnToOneHot(t, classes: y.cols, at: location)
        }
        throw LangError(.shape, "shape mismatch in forward: the output is \(y.shapeDescription) but the target is \(t.shapeDescription)",
                        at: location, hint: "the target needs one row per sample and one column per output (or a column of classes)")
    }

    static func backward(_ layers: [LayerState], input: Tensor, records: [ForwardRecord.LayerRecord],
                         target: Tensor, loss: String) throws -> [LayerGradients] {
        guard let last = records.last, let lastLayer = layers.last else { return [] }
        var grads: [LayerGradients] = []
        var da = outputGradient(loss, y: last.a, t: target)
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[l], record = records[l]
            let dz: Tensor
            if l == layers.count - 1 && loss == "cross_entropy" && lastLayer.activation == .softmax {
                dz = da    // Softmax-with-Loss: (y − t)/N is already dL/dz.
            } else {
                dz = layer.activation.backward(z: record.z, a: record.a, gradA: da)
            }
            let previous = l == 0 ? input : records[l - 1].a
            let dW = try previous.transposed.matmul(dz, names: ("aᵀ", "dL/dz"))
            let db = layer.biases == nil ? nil : try dz.reduce(.sum, over: .cols)
            let daPrevious = try dz.matmul(layer.weights.transposed, names: ("dL/dz", "Wᵀ"))
            grads.append(LayerGradients(dz: dz, dW: dW, db: db, da: da))
            da = daPrevious
        }
        return grads.reversed()
    }

    /// Fresh weights for a layer. Biases start at 0 except with `uniform`, which draws them
    /// after the weights (as R's runif lessons do).
    static func initialize(_ kind: String, inputs: Int, outputs: Int, bias: Bool,
                           random: inout RandomSource) -> (Tensor, Tensor?) {
        let b: Tensor? = bias ? Tensor(rows: 1, cols: outputs) : nil
        switch kind {
        case "zeros":
            return (Tensor(rows: inputs, cols: outputs), b)
        case "uniform":
            let w = random.uniform(rows: inputs, cols: outputs)
            return (w, bias ? random.uniform(rows: 1, cols: outputs) : nil)
        case "normal":
            return (random.normal(rows: inputs, cols: outputs), b)
        case "he":
            return (random.normal(rows: inputs, cols: outputs) * (2.0 / Double(max(1, inputs))).squareRoot(), b)
        default:   // xavier (Glorot uniform)
            let limit = (6.0 / Double(max(1, inputs + outputs))).squareRoot()
            return (random.uniform(rows: inputs, cols: outputs) * (2 * limit) - limit, b)
        }
    }
}
