/// `Swift.max`, `Swift.min` and `all(_:)` written out for the W′ sweep's loop: that loop has
/// outgrown the optimiser's inlining budget, which left the generic standard-library functions
/// as calls inside it (72 calls of `max` and 20 of `all` in its code; a few a point). Each is the
/// standard library's own comparison, so every result is the same bit for bit, NaN included.
/// The import's range checks (``Extremes``) take the same comparisons in their accumulators.
enum WrittenOut {
    /// `Swift.max(x, y)`: `y` where `y >= x`, else `x`.
    @inline(__always) static func max(_ x: Double, _ y: Double) -> Double { y >= x ? y : x }

    /// `Swift.min(x, y)`: `y` where `y < x`, else `x`.
    @inline(__always) static func min(_ x: Double, _ y: Double) -> Double { y < x ? y : x }

    /// `all(m)` of a two-lane mask.
    @inline(__always) static func all(_ m: SIMDMask<SIMD2<Int64>>) -> Bool { m[0] && m[1] }
}
