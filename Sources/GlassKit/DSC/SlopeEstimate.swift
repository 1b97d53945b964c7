/// W′ at every point of a long curve, cheaply and within a proven bound of the exact W′.
///
/// The exact W′ (``TransitionCurve/fit(_:_:count:_:)``) is a double-double least-squares slope
/// from the window's sums S = P − Q, the differences of two running double-double sums. Two
/// estimates are formed from the same sums, without its double-double divisions:
///
/// **Plain** (``single(_:_:_:_:_:)``, almost every point): each window sum is rounded to a double
/// from the leading and trailing parts, Ŝ = (P.hi − Q.hi) + (P.lo − Q.lo), then D = n·Ŝuu − Ŝu²,
/// N = n·Ŝuw − Ŝu·Ŝw and f = N/D in doubles. With u = 2⁻⁵³ and Π = |P.hi| + |Q.hi| of each sum,
/// every rounding of these nine operations gives |Ŝ − S| ≤ 2.01u·|S| + 2.01u²·Π and
/// |D̂ − D| ≤ E_D = 9u·(n·|Ŝuu| + Ŝu²) + 3u²·(n·Πuu + 2|Ŝu|·Πu),
/// |N̂ − N| ≤ E_N = 9u·(n·|Ŝuw| + |Ŝu·Ŝw|) + 3u²·(n·Πuw + |Ŝu|·Πw + |Ŝw|·Πu)
/// (the constants hold the second-order terms, and the exact fit's own error, at most
/// 3.01u·|b| + 29u²·(n·|Suw| + |Su·Sw|)/D after Joldes, Muller & Popescu's bounds for double-double
/// addition, multiplication and division). Where E_D ≤ 2⁻³⁰·D̂ the estimate is kept, and then
/// |f − b| ≤ 2⁻²⁹·|f| + 1.01·E_N/D̂.
///
/// **Double-double** (``pair(_:_:_:_:_:_:_:_:)``, where the plain one is not kept: a window of
/// points crowded together, or sums far from the reference): n·A and n·B formed in double-double
/// and divided once; |f − b| ≤ 6.1u·|b| + 48u²·k/(n·A), k = n·|Σu·W| + |Σu·ΣW|, wherever the
/// cancellation K = (n·|Σu²| + (Σu)²)/(n·A) is at most 2³⁶. Where it is larger, or values lie near
/// the ends of the exponent range, the exact W′ itself is stored.
///
/// ``Bound`` collects the absolute terms over a curve: every stored value lies within
/// ``Bound/margin(_:)`` of the exact W′, 2⁻²⁸·|f| (a reserve of two) plus the absolute terms
/// (a reserve of two for the double-double one).
enum SlopeEstimate {
    /// What the absolute part of the margin of a curve's stored estimates follows from.
    struct Bound: Sendable, Equatable {
        /// Double-double estimates: the largest k and the smallest n·A.
        var maxK = 0.0
        var minDenominator = Double.infinity
        /// Plain estimates: the largest E_N and the smallest D̂.
        var maxError = 0.0
        var minPlainDenominator = Double.infinity

        /// Half-width of an interval around a stored estimate `f` that holds the exact W′.
        @inline(__always)
        func margin(_ f: Double) -> Double { f.magnitude * 0x1p-28 + absolute }

        /// 2·48u²·max k / min n·A, 1.01·max E_N / min D̂ (each ≥ its largest ratio), and 2⁻⁴⁰⁰ for
        /// any underflow.
        var absolute: Double {
            (maxK == 0 ? 0 : 0x1p-99 * maxK / minDenominator)
                + (maxError == 0 ? 0 : 1.01 * maxError / minPlainDenominator) + 0x1p-400
        }

        mutating func merge(_ other: Bound) {
            maxK = max(maxK, other.maxK)
            minDenominator = min(minDenominator, other.minDenominator)
            maxError = max(maxError, other.maxError)
            minPlainDenominator = min(minPlainDenominator, other.minPlainDenominator)
        }
    }

    /// W′ at the point whose window holds the `n` points between the running sums `q` (trailing)
    /// and `p` (leading): the plain estimate where it is kept, else the double-double one (or the
    /// exact W′); NaN exactly where the exact fit is undefined (`n` below 3 included).
    @inline(__always)
    static func single(_ q: LineSums, _ p: LineSums, _ n: Int, _ ref: Double, _ bound: inout Bound) -> Double {
        typealias V = SIMD2<Double>
        func mag(_ v: V) -> V { pointwiseMax(v, -v) }
        // (Ŝu, Ŝw) and (Ŝuu, Ŝuw).
        let s: V = (p.sums.hi - q.sums.hi) + (p.sums.lo - q.sums.lo)
        let t: V = (p.products.hi - q.products.hi) + (p.products.lo - q.products.lo)
        let ps: V = mag(p.sums.hi) + mag(q.sums.hi), pt: V = mag(p.products.hi) + mag(q.products.hi)
        let c = Double(n), su = s[0], asu = abs(su)
        let dn: V = c * t - su * s                                  // (D̂, N̂)
        let m: V = c * mag(t) + mag(su * s)                         // (n·|Ŝuu| + Ŝu², n·|Ŝuw| + |Ŝu·Ŝw|)
        let mix: V = c * pt + asu * ps + mag(s) * ps[0]             // (n·Πuu + 2|Ŝu|·Πu, n·Πuw + |Ŝu|·Πw + |Ŝw|·Πu)
        let e: V = 0x1p-53 * 9 * m + 0x1p-106 * 3 * mix             // (E_D, E_N)
        let d = dn[0], f = dn[1] / d
        let big = max(max(ps[0], ps[1]), max(pt[0], pt[1]))
        if d >= 0x1p-600, e[0] <= 0x1p-30 * d, big <= 0x1p400, f.magnitude <= 0x1p1000, n >= 3, n < 1 << 26 {
            bound.maxError = max(bound.maxError, e[1])
            bound.minPlainDenominator = min(bound.minPlainDenominator, d)
            return f
        }
        return doubleDouble(q, p, n, ref, &bound)
    }

    /// The double-double estimate of one point (kept out of line: the plain one's loop stays small).
    @inline(never)
    static func doubleDouble(_ q: LineSums, _ p: LineSums, _ n: Int, _ ref: Double, _ bound: inout Bound) -> Double {
        pair(q, p, n, q, p, 0, ref, &bound).0
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
