import Foundation
import NetCore

/// The losses of the language as functions of (y, t), with their gradients.
/// N is the number of samples (rows); `mse` averages over all elements.
///
///     LossMath.value("half_sse", y: o, t: t)      // ½ Σ (t − o)²
enum LossMath {
    static let names = ["mse", "sse", "half_sse", "cross_entropy", "bce"]
    /// Keeps log finite in bce.
    static let epsilon = 1e-12

    /// The formula `loss KIND` shows.
    static func formula(_ kind: String) -> String {
        switch kind {
        case "mse": return "L = (1/n) Σ (y − t)²   (mean over all n elements)"
        case "sse": return "L = Σ (y − t)²"
        case "half_sse": return "E = ½ Σ (t − y)²   (∂E/∂y = −(t − y))"
        case "cross_entropy": return "L = −(1/N) Σ t · log y   (y = softmax output; backward: ∂L/∂z = (y − t)/N)"
        case "bce": return "L = −(1/N) Σ [t log y + (1 − t) log(1 − y)]"
        default: return kind
        }
    }

    static func value(_ kind: String, y: Tensor, t: Tensor) -> Double {
        let n = Double(max(1, y.rows))
        switch kind {
        case "mse": return zip(y.data, t.data).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(1, y.count))
        case "sse": return zip(y.data, t.data).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        case "half_sse": return 0.5 * zip(y.data, t.data).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
        case "cross_entropy":
            // The function form takes logits: log softmax computed stably.
            let logp = logSoftmax(y)
            return -zip(t.data, logp.data).reduce(0) { $0 + ($1.0 == 0 ? 0 : $1.0 * $1.1) } / n
        case "bce":
            return -zip(y.data, t.data).reduce(0) { acc, pair in
                let p = min(max(pair.0, epsilon), 1 - epsilon)
                return acc + pair.1 * Foundation.log(p) + (1 - pair.1) * Foundation.log(1 - p)
            } / n
        default: return .nan
        }
    }

    /// (dL/dy, dL/dt).
    static func gradient(_ kind: String, y: Tensor, t: Tensor) -> (Tensor, Tensor) {
        let n = Double(max(1, y.rows))
        var dy = Tensor(rows: y.rows, cols: y.cols)
        var dt = Tensor(rows: t.rows, cols: t.cols)
        switch kind {
        case "mse", "sse", "half_sse":
            let scale = kind == "mse" ? 2 / Double(max(1, y.count)) : (kind == "sse" ? 2 : 1)
            for k in dy.data.indices { dy.data[k] = scale * (y.data[k] - t.data[k]); dt.data[k] = -dy.data[k] }
        case "cross_entropy":
            let logp = logSoftmax(y)
            for i in 0..<y.rows {
                var rowTotal = 0.0
                for j in 0..<y.cols { rowTotal += t[i, j] }
                for j in 0..<y.cols {
                    dy[i, j] = (Foundation.exp(logp[i, j]) * rowTotal - t[i, j]) / n
                    dt[i, j] = -logp[i, j] / n
                }
            }
        case "bce":
            for k in dy.data.indices {
                let p = min(max(y.data[k], epsilon), 1 - epsilon), tk = t.data[k]
                dy.data[k] = -(tk / p - (1 - tk) / (1 - p)) / n
                dt.data[k] = -(Foundation.log(p) - Foundation.log(1 - p)) / n
            }
        default: break
        }
        return (dy, dt)
    }

    /// log(softmax(z)) per row, without overflow.
    static func logSoftmax(_ z: Tensor) -> Tensor {
        var out = z
        for i in 0..<z.rows {
            var m = -Double.infinity
            for j in 0..<z.cols { m = max(m, z[i, j]) }
            var total = 0.0
            for j in 0..<z.cols { total += Foundation.exp(z[i, j] - m) }
            let logTotal = m + Foundation.log(total)
            for j in 0..<z.cols { out[i, j] = z[i, j] - logTotal }
        }
        return out
    }
}
