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
/// **Double-double** (``doubleDouble(_:_:_:_:_:)``, where the plain one is not kept: a window of
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
        func mag(_ v: V) -> V { Lanes.magnitude(v) }
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
        let big = WrittenOut.max(WrittenOut.max(ps[0], ps[1]), WrittenOut.max(pt[0], pt[1]))
        if d >= 0x1p-600, e[0] <= 0x1p-30 * d, big <= 0x1p400, f.magnitude <= 0x1p1000, n >= 3, n < 1 << 26 {
            bound.maxError = WrittenOut.max(bound.maxError, e[1])
            bound.minPlainDenominator = WrittenOut.min(bound.minPlainDenominator, d)
            return f
        }
        return doubleDouble(q, p, n, ref, &bound)
    }

    /// The double-double estimate of the point whose window holds the `n` points between `q`
    /// (trailing) and `p` (leading), within the bound's margin once recorded there; NaN exactly
    /// where the exact fit is undefined (`n` below 3 included). Where its conditions fail
    /// (K > 2³⁶, values beyond 2⁴⁰⁰, a quotient beyond 2¹⁰⁰⁰), the exact W′. Kept out of line: the
    /// plain estimate's loop stays small.
    @inline(never)
    static func doubleDouble(_ q: LineSums, _ p: LineSums, _ n: Int, _ ref: Double, _ bound: inout Bound) -> Double {
        guard n >= 3 else { return .nan }
        let u = p.su - q.su, w = p.sy - q.sy, uu = p.suu - q.suu, uw = p.suy - q.suy
        let c = Double(n)
        let du = uu * c - u * u, dw = uw * c - u * w                // n·A, n·B
        let ku = c * abs(uu.hi) + u.hi * u.hi
        let kw = c * abs(uw.hi) + abs(u.hi * w.hi)
        let f = dw.value / du.value
        let big = max(max(abs(u.hi), abs(w.hi)), max(abs(uu.hi), abs(uw.hi)))
        if big <= 0x1p400, f.magnitude <= 0x1p1000, du.hi >= 0x1p-600, ku <= 0x1p36 * du.hi, n < 1 << 26 {
            bound.maxK = max(bound.maxK, kw)
            bound.minDenominator = min(bound.minDenominator, du.hi)
            return f
        }
        return TransitionCurve.fit(q, p, count: n, ref)?.slope ?? .nan
    }
}
