/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator, identical on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The internal state (advanced by the golden-ratio increment on every draw).
    public private(set) var state: UInt64
    private var spareGaussian: Double?

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1), 53 random bits.
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// Standard normal deviate (Marsaglia's polar method with a portable logarithm).
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        while true {
            let v1 = 2 * nextUniform() - 1
            let v2 = 2 * nextUniform() - 1
            let s = v1 * v1 + v2 * v2
            guard s < 1, s > 0 else { continue }
            let factor = (-2 * SplitMix64.portableLog(s) / s).squareRoot()
            spareGaussian = v2 * factor
            return v1 * factor
        }
    }

    /// Natural logarithm of a positive finite x from +, −, ×, ÷ only (bit-identical on every IEEE platform).
    static func portableLog(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        var exponent = Double(x.exponent)
        var mantissa = x.significand // [1, 2)
        if mantissa > 1.4142135623730951 {
            mantissa /= 2
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1) // |s| < 0.172
        let s2 = s * s
        var term = s
        var sum = 0.0
        var denominator = 1.0
        for _ in 0..<14 {
            sum += term / denominator
            term *= s2
            denominator += 2
        }
        return 2 * sum + exponent * 0.6931471805599453
    }
}
