import NetCore
import NetSupport

/// How numbers become pixels, and how many: the shape of an image (a row of 64 values is
/// 8×8, of 784 values 28×28), its grey scale, and the bounds that keep a picture drawable.
enum ImageShape {
    /// The largest image side: a 64×64 picture is 4096 SVG cells and 64 lines of text.
    static let maxSide = 64
    /// The most pixels one view draws, over all its tiles: 16 MNIST digits or 196 8×8 ones.
    static let maxPixels = 16 * 784
    /// The most tiles one gallery shows.
    static let maxTiles = 64

    /// Rows and columns of the image of `t`: `shape` when given; a row or column of n
    /// values as √n×√n; a matrix as it is. Errors name the tensor and say what would fit.
    /// `retry` writes the statement again with a `shape:` option (for the hint).
    static func of(_ t: Tensor, shape: (rows: Int, cols: Int)?, label: String, at location: SourceLocation,
                   shapeAt: SourceLocation? = nil, retry: ((String) -> String)? = nil) throws -> (rows: Int, cols: Int) {
        guard t.count > 0 else {
            throw LangError(.value, "\(label) is empty (\(t.shapeDescription)): no pixels to draw", at: location)
        }
        let result: (rows: Int, cols: Int)
        if let shape {
            guard shape.rows * shape.cols == t.count else {
                throw LangError(.shape, "shape: [\(shape.rows), \(shape.cols)] holds \(shape.rows * shape.cols) values, \(label) has \(t.count) (\(t.shapeDescription))",
                                at: shapeAt ?? location)
            }
            result = shape
        } else if t.rows == 1 || t.cols == 1 {
            let side = Int(Double(t.count).squareRoot().rounded())
            guard side * side == t.count else {
                throw LangError(.shape, "\(label) has \(t.count) values, not a square number: give the image's shape",
                                at: location, hint: (retry ?? { "show image \(label), shape: \($0)" })(suggestedShape(t.count)))
            }
            result = (side, side)
        } else {
            result = (t.rows, t.cols)
        }
        guard result.rows <= maxSide, result.cols <= maxSide else {
            let rowHint = t.rows > 1 && t.cols > 1 && isSquare(t.cols) && t.cols <= maxSide * maxSide
            throw LangError(.limit, "an image of \(result.rows)×\(result.cols) pixels is too large to draw: at most \(maxSide)×\(maxSide)",
                            at: location, hint: rowHint ? "one row is one image: show image \(label)[1, :]"
                                                        : "show a part, e.g. show image \(label)[1:\(maxSide), 1:\(maxSide)]")
        }
        return result
    }

    static func isSquare(_ n: Int) -> Bool {
        let side = Int(Double(n).squareRoot().rounded())
        return side * side == n
    }

    /// "[a, b]" with a·b = n and a the largest factor up to √n, e.g. [6, 10] for 60.
    static func suggestedShape(_ n: Int) -> String {
        var a = max(1, Int(Double(n).squareRoot()))
        while a > 1, n % a != 0 { a -= 1 }
        return "[\(a), \(n / a)]"
    }

    /// The grey scale over the finite values: from the smallest to the largest, drawable
    /// even when they are all equal, huge or absent (nan and inf are not looked at).
    static func greyScale<Values: Sequence<Double>>(_ values: Values) -> ImageView.Scale {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        guard lo <= hi else { return .grey(0...1) }
        return .grey(DrawableRange.checked(lo...hi))
    }

    /// Around zero, up to the largest finite magnitude (weights of both signs compare).
    static func divergingScale<Values: Sequence<Double>>(_ values: Values) -> ImageView.Scale {
        var limit = 0.0
        for v in values where v.isFinite { limit = max(limit, abs(v)) }
        limit = min(limit, DrawableRange.limit)
        return .diverging(limit: limit > 0 ? limit : 1)
    }

    /// `shape: [r, c]`: two whole numbers from 1 to `maxSide`.
    static func shapeOption(_ e: Expr, _ evaluator: inout Evaluator) throws -> (rows: Int, cols: Int) {
        let t = try evaluator.value(e)
        guard t.count == 2 else {
            throw LangError(.shape, "shape: takes rows and columns, e.g. shape: [8, 8], not \(t.shapeDescription)", at: e.location)
        }
        do {
            let r = try WholeNumber.exact(t.data[0], "the image's rows", in: 1...maxSide)
            let c = try WholeNumber.exact(t.data[1], "the image's columns", in: 1...maxSide)
            return (r, c)
        } catch let error as NetCoreError { throw LangError(error, at: e.location) }
    }

    /// `range: [low, high]`: the values drawn white and black.
    static func rangeOption(_ e: Expr, _ evaluator: inout Evaluator) throws -> ImageView.Scale {
        let t = try evaluator.value(e)
        guard t.count == 2 else {
            throw LangError(.shape, "range: takes the values drawn white and black, e.g. range: [0, 16], not \(t.shapeDescription)", at: e.location)
        }
        let (lo, hi) = (t.data[0], t.data[1])
        guard lo.isFinite, hi.isFinite, lo < hi, max(abs(lo), abs(hi)) <= DrawableRange.limit else {
            throw LangError(.value, "range: must go up between finite numbers within ±1e300, not from \(SentenceNumber.text(lo, .exact)) to \(SentenceNumber.text(hi, .exact))",
                            at: e.location)
        }
        return .grey(lo...hi)
    }
}
