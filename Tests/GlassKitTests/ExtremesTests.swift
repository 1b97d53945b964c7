import Testing
@testable import GlassKit

/// The import's eight-lane extremes give what one `Swift.min`/`Swift.max` accumulator gives over
/// the same values: NaNs passed over, infinities taken, every length's tail (0–7 values after
/// the last full group of eight) read; equal to the bit but for the sign of a zero.
struct ExtremesTests {
    static func chain(_ values: [Double]) -> (lowest: Double, highest: Double, largest: Double) {
        var lowest = Double.infinity, highest = -Double.infinity, largest = 0.0
        for v in values {
            lowest = Swift.min(lowest, v)
            highest = Swift.max(highest, v)
            largest = Swift.max(largest, abs(v))
        }
        return (lowest, highest, largest)
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a == 0 ? b == 0 : a.bitPattern == b.bitPattern }

    @Test func equalToOneAccumulatorOnRandomColumns() {
        var rng = SystemRandomNumberGenerator()
        let special: [Double] = [0, -0.0, .nan, -.nan, .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]
        for count in 0..<70 {
            for _ in 0..<20 {
                let values = (0..<count).map { _ -> Double in
                    switch Int.random(in: 0..<10, using: &rng) {
                    case 0: return special.randomElement(using: &rng) ?? 0
                    case 1: return Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng))
                    default: return Double.random(in: -500...500, using: &rng)
                    }
                }
                let expected = Self.chain(values)
                let (lowest, highest) = Extremes.of(values)
                let largest = Extremes.largestMagnitude(values)
                #expect(Self.same(lowest, expected.lowest), "lowest of \(values)")
                #expect(Self.same(highest, expected.highest), "highest of \(values)")
                #expect(Self.same(largest, expected.largest), "largest |v| of \(values)")
            }
        }
    }

    @Test func knownColumns() {
        #expect(Extremes.of([]) == (Double.infinity, -Double.infinity))
        #expect(Extremes.largestMagnitude([]) == 0)
        let ramp: [Double] = (0..<1001).map { 300 + 0.25 * Double($0) }
        let tail: [Double] = (0..<13).map { Double($0) }
        let column: [Double] = ramp + [-3.5] + tail
        #expect(Extremes.of(column) == (-3.5, 550))
        #expect(Extremes.largestMagnitude(column.map { -$0 }) == 550)
        #expect(Extremes.of([.nan, 2, .nan, 1, .nan, .nan, .nan, .nan, .nan]) == (1, 2))
    }
}
