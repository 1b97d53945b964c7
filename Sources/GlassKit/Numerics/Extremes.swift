/// The smallest and largest of a column of values, for the import's range checks, in four
/// independent accumulators: one `Swift.min`/`Swift.max` accumulator waits for each comparison
/// before the next (a millisecond for a 10^6-row column, a check after the parse on one core),
/// four overlap. Each takes a value by the standard library's own comparison (`v < lowest`,
/// `v >= largest`), so a NaN is passed over as the single accumulator passes it over; the answer
/// is the single accumulator's but for the sign of a zero among equal zeros, which no comparison
/// with a limit sees. (Scalar: `SIMD8<Double>` masks compile to shuffles and spills for this
/// machine's baseline x86-64 and were no faster than one accumulator.)
enum Extremes {
    /// The smallest and largest of `values` that are not NaN (+∞ and −∞ for none).
    static func of(_ values: [Double]) -> (lowest: Double, highest: Double) {
        values.withUnsafeBufferPointer { b in
            var l0 = Double.infinity, l1 = l0, l2 = l0, l3 = l0
            var h0 = -Double.infinity, h1 = h0, h2 = h0, h3 = h0
            var i = 0
            while i + 4 <= b.count {
                let v0 = b[i], v1 = b[i + 1], v2 = b[i + 2], v3 = b[i + 3]
                l0 = WrittenOut.min(l0, v0); l1 = WrittenOut.min(l1, v1); l2 = WrittenOut.min(l2, v2); l3 = WrittenOut.min(l3, v3)
                h0 = WrittenOut.max(h0, v0); h1 = WrittenOut.max(h1, v1); h2 = WrittenOut.max(h2, v2); h3 = WrittenOut.max(h3, v3)
                i += 4
            }
            var lowest = WrittenOut.min(WrittenOut.min(l0, l1), WrittenOut.min(l2, l3))
            var highest = WrittenOut.max(WrittenOut.max(h0, h1), WrittenOut.max(h2, h3))
            while i < b.count {
                lowest = WrittenOut.min(lowest, b[i])
                highest = WrittenOut.max(highest, b[i])
                i += 1
            }
            return (lowest, highest)
        }
    }

    /// The largest |v| of `values` that are not NaN (0 for none).
    static func largestMagnitude(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { b in
            var m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0
            var i = 0
            while i + 4 <= b.count {
                m0 = WrittenOut.max(m0, abs(b[i])); m1 = WrittenOut.max(m1, abs(b[i + 1]))
                m2 = WrittenOut.max(m2, abs(b[i + 2])); m3 = WrittenOut.max(m3, abs(b[i + 3]))
                i += 4
            }
            var largest = WrittenOut.max(WrittenOut.max(m0, m1), WrittenOut.max(m2, m3))
            while i < b.count {
                largest = WrittenOut.max(largest, abs(b[i]))
                i += 1
            }
            return largest
        }
    }
}
