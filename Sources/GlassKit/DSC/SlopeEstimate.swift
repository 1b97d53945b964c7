/// W′ at every point of a long curve, cheaply and within a proven bound of the exact W′.
///
/// The exact W′ (``TransitionCurve/fit(_:_:count:_:)``) centres the window's sums in double-double,
/// A = Σu² − (Σu)²/n and B = Σu·W − Σu·ΣW/n, each with a double-double division, then rounds
/// b = B/A. The estimate forms n·A and n·B instead, with no division until the one of B by A. From
/// the same double-double sums, and after Joldes, Muller & Popescu's bounds for double-double
/// addition (3u²), multiplication (7u²) and division (16u²), u = 2⁻⁵³:
/// - the two ways' denominators differ by a relative u²·(3 + 25·K), K = (n·|Σu²| + (Σu)²)/(n·A)
///   the cancellation; where K ≤ 2³⁶ that is below u/64;
/// - their numerators differ by at most 3u²·|n·B| + 24u²·k, k = n·|Σu·W| + |Σu·ΣW|;
/// so the estimate f and the exact b satisfy |f − b| ≤ 6.1u·|b| + 48u²·k/(n·A). Where K is larger
/// (a few points crowded into a window), or values near the ends of the exponent range, the exact
/// W′ itself is stored. ``Bound`` collects k/(n·A) over a curve: every stored value then lies within
/// ``Bound/margin(_:)`` of the exact W′, with a reserve of eight in the relative term and of two in
/// the absolute one.
enum SlopeEstimate {
    /// The largest k/(n·A) of the estimates a curve stores, from which the absolute part of the margin follows.
    struct Bound: Sendable, Equatable {
        var maxK = 0.0
        var minDenominator = Double.infinity

        /// Half-width of an interval around a stored estimate `f` that holds the exact W′.
        @inline(__always)
        func margin(_ f: Double) -> Double { f.magnitude * 0x1p-47 + absolute }

        /// 2·48u²·max k / min n·A (≥ the largest k/(n·A)), and 2⁻⁴⁰⁰ for any underflow.
        var absolute: Double { maxK == 0 ? 0x1p-400 : 0x1p-99 * maxK / minDenominator + 0x1p-400 }

        mutating func merge(_ other: Bound) {
            maxK = max(maxK, other.maxK)
            minDenominator = min(minDenominator, other.minDenominator)
        }
    }

    /// W′ at two points at once, one in each lane of the vector unit (``Lanes``): point i over the
    /// `ni` points between the running sums `pi` and `qi`, within the bound's margin once recorded
    /// there, NaN exactly where the exact fit is undefined (`ni` below 3 included). Where the
    /// estimate's conditions fail (K > 2³⁶, values beyond 2⁴⁰⁰, a quotient beyond 2¹⁰⁰⁰), the exact
    /// W′ of that point.
    @inline(__always)
    static func pair(_ p0: LineSums, _ q0: LineSums, _ n0: Int, _ p1: LineSums, _ q1: LineSums, _ n1: Int,
                     _ ref: Double, _ bound: inout Bound) -> (Double, Double) {
        typealias V = SIMD2<Double>
        let u = Lanes(q0.su, q1.su) - Lanes(p0.su, p1.su), w = Lanes(q0.sy, q1.sy) - Lanes(p0.sy, p1.sy)
        let uu = Lanes(q0.suu, q1.suu) - Lanes(p0.suu, p1.suu), uw = Lanes(q0.suy, q1.suy) - Lanes(p0.suy, p1.suy)
        let n = V(Double(n0), Double(n1))
        let du = uu * n - u * u, dw = uw * n - u * w
        func mag(_ v: V) -> V { pointwiseMax(v, -v) }
        let ku: V = n * mag(uu.hi) + u.hi * u.hi
        let kw: V = n * mag(uw.hi) + mag(u.hi * w.hi)
        let f: V = dw.value / du.value
        let big: V = pointwiseMax(pointwiseMax(mag(u.hi), mag(w.hi)), pointwiseMax(mag(uu.hi), mag(uw.hi)))
        let inRange: SIMDMask<SIMD2<Int64>> = (big .<= V(repeating: 0x1p400)) .& (mag(f) .<= V(repeating: 0x1p1000))
        let conditioned: SIMDMask<SIMD2<Int64>> = (du.hi .>= V(repeating: 0x1p-600)) .& (ku .<= 0x1p36 * du.hi)
        let counted: SIMDMask<SIMD2<Int64>> = (n .>= V(repeating: 3)) .& (n .< V(repeating: 0x1p26))
        let ok = inRange .& conditioned .& counted
        var r0 = Double.nan, r1 = Double.nan
        if ok[0] {
            r0 = f[0]; bound.maxK = max(bound.maxK, kw[0]); bound.minDenominator = min(bound.minDenominator, du.hi[0])
        } else if n0 >= 3 {
            r0 = TransitionCurve.fit(p0, q0, count: n0, ref)?.slope ?? .nan
        }
        if ok[1] {
            r1 = f[1]; bound.maxK = max(bound.maxK, kw[1]); bound.minDenominator = min(bound.minDenominator, du.hi[1])
        } else if n1 >= 3 {
            r1 = TransitionCurve.fit(p1, q1, count: n1, ref)?.slope ?? .nan
        }
        return (r0, r1)
    }
}
