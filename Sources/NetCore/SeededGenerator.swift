/// The random numbers of NetBook: the same on every machine for the same seed.
///
/// Algorithm: xoshiro256** (Blackman & Vigna, 2018), its 256-bit state filled from the
/// 64-bit seed by four steps of splitmix64. Uniforms on [0, 1) take the top 53 bits
/// (`(x >> 11) · 2⁻⁵³`). Normals use the Box–Muller transform on two uniforms,
/// z₀ = √(−2 ln(1−u₁))·cos(2πu₂), returning z₀ and keeping the partner
/// z₁ = √(−2 ln(1−u₁))·sin(2πu₂) for the next call. Integers below n use Lemire's
/// multiply-and-reject method; shuffles are Fisher–Yates from the last element down.
/// Nothing here calls Swift's own random APIs, whose algorithms may change between versions.
///
///     var g = SeededGenerator(seed: 42)
///     g.nextUniform()        // in [0, 1)
///     g.nextNormal()         // standard normal
///     var order = Array(0..<10); g.shuffle(&order)
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
        spareNormal = nil
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on [a, b).
    public mutating func nextUniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * nextUniform()
    }

    /// Standard normal by Box–Muller (see the type's documentation).
    public mutating func nextNormal() -> Double {
        if let z = spareNormal { spareNormal = nil; return z }
        let u1 = nextUniform(), u2 = nextUniform()
        let radius = (-2 * CMath.log(1 - u1)).squareRoot()   // 1 − u1 ∈ (0, 1]: log is finite
        let angle = 2 * Double.pi * u2
        spareNormal = radius * CMath.sin(angle)
        return radius * CMath.cos(angle)
    }

    /// An integer uniform on 0..<n (n > 0), by Lemire's method.
    public mutating func nextInt(below n: Int) -> Int {
        precondition(n > 0, "nextInt(below:) needs n > 0")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates: for i from the last index down to 1, swap element i with a uniform j ≤ i.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextInt(below: i + 1))
        }
    }
}

// The complete state, so that `save`/`restore` continue the same stream (same file:
// it reads the private words).
extension SeededGenerator {
    /// The four xoshiro256** words and the Box–Muller partner kept for the next normal.
    public var snapshot: (words: [UInt64], spareNormal: Double?) { ([s0, s1, s2, s3], spareNormal) }

    /// A generator continuing from `snapshot`; nil unless there are four words, not all
    /// zero (the one state xoshiro cannot leave).
    public init?(words: [UInt64], spareNormal: Double?) {
        guard words.count == 4, words.contains(where: { $0 != 0 }) else { return nil }
        self.init(seed: 0)
        s0 = words[0]; s1 = words[1]; s2 = words[2]; s3 = words[3]
        self.spareNormal = spareNormal
    }
}
