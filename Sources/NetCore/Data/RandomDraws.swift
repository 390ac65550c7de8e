/// Uniform and normal draws from any seeded generator, defined bit for bit so that
/// the same seed gives the same data set on every machine (Swift's own
/// `Double.random(in:)` is not specified to stay the same between releases).
///
///     var draws = RandomDraws(&rng)
///     let u = draws.uniform()   // in [0, 1)
struct RandomDraws<G: RandomNumberGenerator> {
    /// The top 53 bits of one 64-bit draw, scaled to [0, 1).
    static func uniform(_ rng: inout G) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }

    /// A standard normal draw by the Box–Muller transform (two uniforms per draw;
    /// the second value is dropped so that each call consumes a fixed amount).
    static func normal(_ rng: inout G) -> Double {
        // 1 - u is in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - uniform(&rng)
        let u2 = uniform(&rng)
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
