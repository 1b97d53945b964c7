import Testing
@testable import GlassKit

/// The W′ sweep's written-out `max`, `min` and `all` give what the standard library's give, bit
/// for bit: signed zeros, infinities and NaNs in either place included.
struct WrittenOutTests {
    static let special: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, -.nan, .leastNonzeroMagnitude,
                                    -.greatestFiniteMagnitude, 0x1p-1000, 3.5, 3.5.nextUp]

    @Test func maxAndMinAreTheStandardLibrarys() {
        var rng = SystemRandomNumberGenerator()
        let random = (0..<200).map { _ in Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng)) }
        let values = Self.special + random
        for x in values {
            for y in values {
                #expect(WrittenOut.max(x, y).bitPattern == Swift.max(x, y).bitPattern, "max(\(x), \(y))")
                #expect(WrittenOut.min(x, y).bitPattern == Swift.min(x, y).bitPattern, "min(\(x), \(y))")
            }
        }
    }

    @Test func magnitudeIsMaxOfEachLaneAndItsNegation() {
        for x in Self.special {
            for y in Self.special {
                let m = Lanes.magnitude(SIMD2(x, y))
                #expect(m[0].bitPattern == Swift.max(x, -x).bitPattern && m[1].bitPattern == Swift.max(y, -y).bitPattern, "\(x), \(y)")
            }
        }
    }

    @Test func allIsTheStandardLibrarys() {
        for a in [false, true] {
            for b in [false, true] {
                let m: SIMDMask<SIMD2<Int64>> = [a, b]
                #expect(WrittenOut.all(m) == Swift.all(m), "\(a) \(b)")
            }
        }
    }
}
