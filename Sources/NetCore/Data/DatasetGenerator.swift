import NetSupport

/// The toy data sets of `dataset NAME = KIND(n:, noise:, classes:)`, drawn from the
/// session's seeded generator so that a notebook shows the same points on every run.
///
///     var rng = SeededGenerator(seed: 42)
///     let s = try DatasetGenerator.make(.spiral, n: 300, noise: 0.2, classes: 3, rng: &rng)
///     s.x.shapeDescription   // "300×2"; s.y is 300×1 with classes 1...3
///
/// Every set has two input columns. Samples are stored class by class (train
/// shuffles). `N(0,1)` below is a standard normal draw, `U[a,b)` a uniform one.
public enum DatasetGenerator {
    /// The kinds `dataset` knows, with their defaults.
    public enum Kind: String, CaseIterable, Sendable {
        /// The XOR truth table. `n` points cycle through the corners (0,0), (0,1),
        /// (1,0), (1,1); each gets `noise·N(0,1)` added per coordinate; `y` is
        /// x1 XOR x2 of the corner as 0/1 (not a class index). Default n 4, noise 0.
        case xor
        /// Two classes: class 1 inside, at radius U[0, 0.5); class 2 a ring at radius
        /// U[0.7, 1); angle U[0, 2π); then `noise·N(0,1)` per coordinate.
        /// Default n 200, noise 0.05.
        case circle
        /// `classes` arms (CS231n's spiral): for arm k (0-based) and t = i/(m−1) for
        /// its i-th of m points, r = t, θ = 4k + 4t + noise·N(0,1),
        /// x = (r·sin θ, r·cos θ). Default n 300, noise 0.2, classes 3.
        case spiral
        /// `classes` blobs: centre k at radius 2, angle 2πk/classes; points are
        /// centre + noise·N(0,1) per coordinate. Default n 200, noise 0.5, classes 2.
        case gaussian
        /// Two interleaved half circles (scikit-learn's make_moons): class 1 at
        /// (cos t, sin t), class 2 at (1 − cos t, 0.5 − sin t), t evenly spaced over
        /// [0, π]; then `noise·N(0,1)` per coordinate. Default n 200, noise 0.1.
        case moons

        public var defaultCount: Int {
            switch self {
            case .xor: return 4
            case .spiral: return 300
            default: return 200
            }
        }
        public var defaultNoise: Double {
            switch self {
            case .xor: return 0
            case .circle: return 0.05
            case .spiral: return 0.2
            case .gaussian: return 0.5
            case .moons: return 0.1
            }
        }
        public var defaultClasses: Int {
            switch self {
            case .spiral: return 3
            default: return 2
            }
        }
        /// Whether `classes:` may be something other than 2.
        public var acceptsClasses: Bool { self == .spiral || self == .gaussian }
    }

    /// The most points one call may ask for (a guard against typing one zero too many).
    public static let maximumCount = 1_000_000

    /// The most noise one call may ask for: far beyond any pattern (the sets span about
    /// ±2), and small enough that every point stays finite (1e308·N(0,1) overflows to inf).
    public static let maximumNoise = 1_000_000.0

    /// Points drawn between two checks of the interrupt flag (a few ms of work).
    static let samplesBetweenChecks = 1 << 15

    /// Draws a data set; nil arguments take the kind's defaults. Throws for counts,
    /// noise or class numbers that make no sense, saying which and why.
    public static func make(
        _ kind: Kind, n: Int? = nil, noise: Double? = nil, classes: Int? = nil, rng: inout SeededGenerator
    ) throws -> Dataset {
        let count = n ?? kind.defaultCount
        let sigma = noise ?? kind.defaultNoise
        let k = classes ?? kind.defaultClasses
        guard count >= 1, count <= maximumCount else {
            throw DataError("n: must be between 1 and \(maximumCount), got \(count)")
        }
        guard sigma.isFinite, sigma >= 0 else {
            throw DataError("noise: must be a number ≥ 0, got \(sigma.isNaN ? "nan" : "\(sigma)")")
        }
        guard sigma <= maximumNoise else {
            throw DataError("noise: must be at most \(SentenceNumber.text(maximumNoise, .exact)), got \(SentenceNumber.text(sigma, .exact))")
        }
        if kind.acceptsClasses {
            guard k >= 2, k <= 50 else { throw DataError("classes: must be between 2 and 50, got \(k)") }
        } else if k != 2 {
            throw DataError("\(kind.rawValue) always has 2 classes; classes: \(k) is not possible")
        }
        guard count >= (kind == .xor ? 1 : k) else {
            throw DataError("n: \(count) is fewer points than the \(k) classes")
        }
        switch kind {
        case .xor: return try xor(n: count, noise: sigma, rng: &rng)
        case .circle: return try circle(n: count, noise: sigma, rng: &rng)
        case .spiral: return try spiral(n: count, noise: sigma, classes: k, rng: &rng)
        case .gaussian: return try gaussian(n: count, noise: sigma, classes: k, rng: &rng)
        case .moons: return try moons(n: count, noise: sigma, rng: &rng)
        }
    }

    /// How many of `n` points class `c` (0-based) of `k` gets: as equal as possible,
    /// the first classes taking the remainder.
    static func share(_ n: Int, _ k: Int, _ c: Int) -> Int { n / k + (c < n % k ? 1 : 0) }

    static func xor(n: Int, noise: Double, rng: inout SeededGenerator) throws -> Dataset {
        let corners: [(Double, Double)] = [(0, 0), (0, 1), (1, 0), (1, 1)]
        var x = [Double](), y = [Double]()
        x.reserveCapacity(2 * n); y.reserveCapacity(n)
        for i in 0..<n {
            try Interruption.check(item: i, every: samplesBetweenChecks)
            let (a, b) = corners[i % 4]
            x.append(a + (noise > 0 ? noise * rng.nextNormal() : 0))
            x.append(b + (noise > 0 ? noise * rng.nextNormal() : 0))
            y.append(a != b ? 1 : 0)
        }
        return Dataset(x: Tensor(rows: n, cols: 2, data: x), y: Tensor(rows: n, cols: 1, data: y))
    }

    static func circle(n: Int, noise: Double, rng: inout SeededGenerator) throws -> Dataset {
        var x = [Double](), y = [Double]()
        for c in 0..<2 {
            for _ in 0..<share(n, 2, c) {
                try Interruption.check(item: y.count, every: samplesBetweenChecks)
                let r = c == 0 ? 0.5 * rng.nextUniform() : 0.7 + 0.3 * rng.nextUniform()
                let angle = 2 * Double.pi * rng.nextUniform()
                x.append(r * cos(angle) + noise * rng.nextNormal())
                x.append(r * sin(angle) + noise * rng.nextNormal())
                y.append(Double(c + 1))
            }
        }
        return Dataset(x: Tensor(rows: n, cols: 2, data: x), y: Tensor(rows: n, cols: 1, data: y), classes: 2)
    }

    static func spiral(n: Int, noise: Double, classes k: Int, rng: inout SeededGenerator) throws -> Dataset {
        var x = [Double](), y = [Double]()
        for c in 0..<k {
            let m = share(n, k, c)
            for i in 0..<m {
                try Interruption.check(item: y.count, every: samplesBetweenChecks)
                let t = m > 1 ? Double(i) / Double(m - 1) : 0
                let theta = 4 * Double(c) + 4 * t + noise * rng.nextNormal()
                x.append(t * sin(theta))
                x.append(t * cos(theta))
                y.append(Double(c + 1))
            }
        }
        return Dataset(x: Tensor(rows: n, cols: 2, data: x), y: Tensor(rows: n, cols: 1, data: y), classes: k)
    }

    static func gaussian(n: Int, noise: Double, classes k: Int, rng: inout SeededGenerator) throws -> Dataset {
        var x = [Double](), y = [Double]()
        for c in 0..<k {
            let angle = 2 * Double.pi * Double(c) / Double(k)
            for _ in 0..<share(n, k, c) {
                try Interruption.check(item: y.count, every: samplesBetweenChecks)
                x.append(2 * cos(angle) + noise * rng.nextNormal())
                x.append(2 * sin(angle) + noise * rng.nextNormal())
                y.append(Double(c + 1))
            }
        }
        return Dataset(x: Tensor(rows: n, cols: 2, data: x), y: Tensor(rows: n, cols: 1, data: y), classes: k)
    }

    static func moons(n: Int, noise: Double, rng: inout SeededGenerator) throws -> Dataset {
        var x = [Double](), y = [Double]()
        for c in 0..<2 {
            let m = share(n, 2, c)
            for i in 0..<m {
                try Interruption.check(item: y.count, every: samplesBetweenChecks)
                let t = m > 1 ? Double.pi * Double(i) / Double(m - 1) : 0
                let (a, b) = c == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
                x.append(a + noise * rng.nextNormal())
                x.append(b + noise * rng.nextNormal())
                y.append(Double(c + 1))
            }
        }
        return Dataset(x: Tensor(rows: n, cols: 2, data: x), y: Tensor(rows: n, cols: 1, data: y), classes: 2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
