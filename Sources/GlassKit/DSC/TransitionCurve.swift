/// A straight line W(T) = value + slope·(T − referenceK), kept in centred form so that its
/// coefficients stay well conditioned at T ≈ 400 K.
public struct TransitionLine: Sendable, Equatable {
    /// W at `referenceK`, W/g.
    public var value: Double
    /// dW/dT, W/(g·K).
    public var slope: Double
    /// Where `value` holds, K.
    public var referenceK: Double
    /// How far rounding alone may have moved `slope`, W/(g·K): for a fitted line, that of the data
    /// (each W read to half an ulp) and of the fit's arithmetic; 0 for a line given exactly.
    public var slopeRounding: Double
    /// The same for `value`, W/g.
    public var valueRounding: Double

    /// A line through (`referenceK`, `value`) with `slope`, known to within the roundings given.
    public init(value: Double, slope: Double, referenceK: Double, slopeRounding: Double = 0, valueRounding: Double = 0) {
        self.value = value; self.slope = slope; self.referenceK = referenceK
        self.slopeRounding = slopeRounding; self.valueRounding = valueRounding
    }

    /// W at `t`.
    @inline(__always)
    public func at(_ t: Double) -> Double { value + slope * (t - referenceK) }

    /// How far rounding alone may have moved W at `t`, W/g.
    public func rounding(at t: Double) -> Double { valueRounding + slopeRounding * abs(t - referenceK) }

    /// ∫_a^b W dT (exact for a line).
    public func integral(from a: Double, to b: Double) -> Double { at(0.5 * (a + b)) * (b - a) }

    /// Whether the slopes differ by no more than their roundings: then where the lines meet is set
    /// by rounding alone (an exactly straight W gave tangents meeting 2.5 K apart), so they are
    /// parallel. Lines given exactly are parallel only with equal slopes.
    public func isParallel(to other: TransitionLine) -> Bool {
        abs(slope - other.slope) <= slopeRounding + other.slopeRounding
    }

    /// The T where this line meets `other`; nil for parallel lines (``isParallel(to:)``) or a
    /// non-finite answer.
    public func intersection(_ other: TransitionLine) -> Double? {
        guard !isParallel(to: other) else { return nil }
        let t = referenceK + (other.at(referenceK) - value) / (slope - other.slope)
        return t.isFinite ? t : nil
    }
}

/// One DSC curve prepared once (O(n)) for the characteristic temperatures of the method reference
/// §3.1, so that moving a window bound costs O(log n) + O(points in the window):
/// - prefix sums (double-double) of u = T − T_ref, W, u², u·W, u³, u⁴, u²·W for least-squares lines
///   and parabolas over any index range after two binary searches; they are kept every
///   ``blockSize`` points and completed from there (``MomentSums``), so a 10⁶-point curve needs
///   3.5 MB instead of 112 MB and every sum is the number the full table held;
/// - W′ at every data point: the OLS slope over the points within ±2 K (nil, stored as NaN, where
///   fewer than 3 points lie there), by a two-pointer sweep carrying the same running sums, stored
///   as estimates within a proven bound of the exact W′ (``SlopeEstimate``): every
///   decision on W′ (largest, smallest, above a threshold) is taken on the exact value, computed
///   only where the estimate cannot decide;
/// - block segment trees over the W′ estimates (first largest, first smallest) for the inflection
///   and the steepest descent, and over W (min, max, and the deepest fall and highest rise inside
///   each node: ``RangeBounds``) for the crystallization peak, the midpoint crossing and the
///   proposal's first large dip;
/// - the running trapezoid integral of W (shared with ΔH_rej) for the area integrals.
public struct TransitionCurve: Sendable, Equatable {
    /// Half-width of the W′ slope window, K (the method reference's ±2 K).
    public static let slopeHalfWidthK = 2.0
    /// Points per block of the stored prefix sums and of the trees' leaves: a query completes at
    /// most 31 points from a checkpoint and scans at most two partial blocks.
    static let blockSize = 32

    /// W(T) with its running integral (the same W as ΔH_rej).
    public let curve: CumulativeTrapezoid
    /// Centring temperature of the prefix sums, K.
    public let referenceK: Double
    /// W′ at every data point within `slopeBound.margin` of the exact W′, W/(g·K); NaN (exactly)
    /// where W′ is undefined.
    let slopeEstimates: [Double]
    /// What the margin of the W′ estimates follows from.
    let slopeBound: SlopeEstimate.Bound
    /// lineCheckpoints[b] / higherCheckpoints[b] = the sums over points 0..<b·blockSize.
    let lineCheckpoints: [LineSums]
    let higherCheckpoints: [HigherSums]
    let maxTree: ArgTree
    let minTree: ArgTree
    let bounds: RangeBounds
    /// The windows proposed on this curve, kept by the given windows' edges.
    let proposals = ProposalCache()

    /// Prepares `curve` (strictly ascending T).
    public init(_ curve: CumulativeTrapezoid) {
        self.init(curve.x, curve.y, curve: curve)
    }

    /// Prepares the curve (x, y) (strictly ascending T), its running integral included: computed
    /// on the second core beside the sweep of a long curve.
    public init(x: [Double], y: [Double]) {
        self.init(x, y, curve: nil)
    }

    private init(_ x: [Double], _ y: [Double], curve given: CumulativeTrapezoid?) {
        let n = x.count
        let ref = n > 0 ? x[n / 2] : 0
        referenceK = ref
        // One pass: W′ estimates, checkpoints and the W′ trees' leaves (``SlopeSweep``); the
        // min/max trees of W (and the running integral) on the core that finishes its half first.
        var extra: (RangeBounds, CumulativeTrapezoid)?
        let sweep = SlopeSweep(x, y, ref: ref, alongside: { (RangeBounds(y), given ?? CumulativeTrapezoid(x: x, y: y)) }, extra: &extra)
        lineCheckpoints = sweep.lineCheckpoints
        higherCheckpoints = sweep.higherCheckpoints
        bounds = extra?.0 ?? RangeBounds(y)
        curve = extra?.1 ?? given ?? CumulativeTrapezoid(x: x, y: y)
        let s = sweep.estimates, bound = sweep.bound, maxLeaves = sweep.maxLeaves, minLeaves = sweep.minLeaves
        slopeEstimates = s
        slopeBound = bound
        maxTree = ArgTree(s, leaves: maxLeaves, largest: true)
        minTree = ArgTree(s, leaves: minLeaves, largest: false)
    }

    /// The prefix sums over points 0..<i (all seven moments). O(blockSize).
    func prefix(_ i: Int) -> MomentSums {
        curve.x.withUnsafeBufferPointer { xb in
            curve.y.withUnsafeBufferPointer { yb in
                MomentSums(line: LineSums.prefix(i, lineCheckpoints, xb, yb, referenceK),
                           higher: HigherSums.prefix(i, higherCheckpoints, xb, yb, referenceK))
            }
        }
    }

    /// The line's prefix sums over points 0..<i. O(blockSize).
    func linePrefix(_ i: Int) -> LineSums {
        curve.x.withUnsafeBufferPointer { xb in
            curve.y.withUnsafeBufferPointer { yb in LineSums.prefix(i, lineCheckpoints, xb, yb, referenceK) }
        }
    }

    /// Temperatures, K.
    public var x: [Double] { curve.x }
    /// Heat flow, W/g.
    public var y: [Double] { curve.y }

    /// Index range of the points with lo ≤ T ≤ hi (empty when none). O(log n).
    public func indices(_ window: ClosedRange<Double>) -> Range<Int> {
        let i = Interpolation.lowerBound(curve.x, window.lowerBound)
        let j = Interpolation.upperBound(curve.x, window.upperBound)
        return i..<max(i, j)
    }

    /// OLS line of W on T over the points lo ≤ T ≤ hi; nil with fewer than 3 points or a degenerate fit. O(log n).
    public func line(_ window: ClosedRange<Double>) -> TransitionLine? {
        let r = indices(window)
        guard r.count >= 3 else { return nil }
        return TransitionCurve.fit(linePrefix(r.lowerBound), linePrefix(r.upperBound), count: r.count, referenceK)
    }

    /// W′ at data point k, nil where undefined: the OLS slope over the points within ±2 K, from the
    /// prefix sums (the very number of the one sweep). O(log n + blockSize).
    public func slope(at k: Int) -> Double? { slopeLine(at: k)?.slope }

    /// The tangent at data point k: through (T_k, W_k) with slope W′(T_k) (``slope(at:)``) and that
    /// slope's rounding; nil where W′ is undefined. O(log n + blockSize).
    public func tangent(at k: Int) -> TransitionLine? {
        guard let fit = slopeLine(at: k) else { return nil }
        return TransitionLine(value: curve.y[k], slope: fit.slope, referenceK: curve.x[k], slopeRounding: fit.slopeRounding,
                              valueRounding: 0x1p-52 * abs(curve.y[k]))
    }

    /// The OLS line over the points within ±2 K of point k; nil where W′ is undefined.
    func slopeLine(at k: Int) -> TransitionLine? {
        guard !slopeEstimates[k].isNaN else { return nil }
        let xk = curve.x[k], h = TransitionCurve.slopeHalfWidthK
        let lo = Interpolation.lowerBound(curve.x, xk - h), hi = Interpolation.upperBound(curve.x, xk + h)
        return TransitionCurve.fit(linePrefix(lo), linePrefix(hi), count: hi - lo, referenceK)
    }

    /// Whether W′ at k is defined and below `threshold`; exact: from the estimate where its margin
    /// decides, else from the exact W′.
    public func slope(at k: Int, isBelow threshold: Double) -> Bool {
        let f = slopeEstimates[k], m = slopeBound.margin(f)
        if f.isNaN { return false }
        if f + m < threshold { return true }
        if f - m >= threshold { return false }
        return slope(at: k).map { $0 < threshold } ?? false
    }

    /// Whether W′ at k is defined and above `threshold`; exact.
    public func slope(at k: Int, isAbove threshold: Double) -> Bool {
        let f = slopeEstimates[k], m = slopeBound.margin(f)
        if f.isNaN { return false }
        if f - m > threshold { return true }
        if f + m <= threshold { return false }
        return slope(at: k).map { $0 > threshold } ?? false
    }

    /// Whether W′ at i and j are both defined and |W′(j) − W′(i)| ≤ `tolerance`; exact.
    public func slopes(_ i: Int, _ j: Int, differByAtMost tolerance: Double) -> Bool {
        let a = slopeEstimates[i], b = slopeEstimates[j]
        if a.isNaN || b.isNaN { return false }
        // Both margins, and the rounding of the difference of either pair.
        let slack = slopeBound.margin(a) + slopeBound.margin(b) + 0x1p-50 * (a.magnitude + b.magnitude)
        let d = abs(b - a)
        if d + slack < tolerance { return true }
        if d - slack > tolerance { return false }
        guard let ea = slope(at: i), let eb = slope(at: j) else { return false }
        return abs(eb - ea) <= tolerance
    }

    /// The index in `range` with the largest (or smallest) defined W′, first of equals; nil when
    /// none. The trees give the best estimate; the exact W′ decides among the points whose
    /// estimates lie within the margins of it (usually that point alone). O(log n + blockSize).
    public func extremeSlopeIndex(in range: Range<Int>, largest: Bool) -> Int? {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= slopeEstimates.count else { return nil }
        let tree = largest ? maxTree : minTree
        guard let m = tree.query(range) else { return nil }
        // A point whose exact W′ could equal or beat the exact W′ at m has its estimate within two
        // margins of m's (three: the margin grows with the value).
        let f = slopeEstimates[m], reach = 3 * slopeBound.margin(f)
        let candidates = tree.indices(in: range, reaching: largest ? f - reach : f + reach)
        guard candidates.count > 1 else { return m }
        var best: Int?, bestValue = 0.0
        for (k, v) in zip(candidates, exactSlopes(inParallel: candidates)) where !v.isNaN {
            if best == nil || (largest ? v > bestValue : v < bestValue) { best = k; bestValue = v }
        }
        return best
    }

    /// ``exactSlopes(_:)``, a long list cut in halves computed on two cores (a flat stretch of a
    /// long curve can make every one of its points a candidate): each value is the same whichever
    /// index its sums were carried from.
    func exactSlopes(inParallel indices: [Int]) -> [Double] {
        guard indices.count >= 16_384, Cores.active > 1 else { return exactSlopes(indices) }
        let half = indices.count / 2
        return ParallelMap.map([Array(indices[..<half]), Array(indices[half...])]) { self.exactSlopes($0) }.flatMap { $0 }
    }

    /// The exact W′ at `indices` (ascending; NaN where undefined), the window sums carried from
    /// one index to the next as in the sweep where that is shorter than completing them from a
    /// checkpoint: O(candidates + the points between them) for a long run of near-equal W′ (a
    /// straight or flat stretch of W), each sum still the one-pass number. The window's ends are
    /// walked on from the last ones where that is short (3·10^5 candidates on a flat synthetic
    /// baseline spent half their time in two binary searches each).
    func exactSlopes(_ indices: [Int]) -> [Double] {
        let x = curve.x, h = TransitionCurve.slopeHalfWidthK, n = x.count
        var out = [Double]()
        out.reserveCapacity(indices.count)
        var lo = -1, hi = -1
        var sLo = LineSums(), sHi = LineSums()
        x.withUnsafeBufferPointer { xb in
            curve.y.withUnsafeBufferPointer { yb in
                func move(_ i: inout Int, _ sums: inout LineSums, to j: Int) {
                    if i < 0 || j < i || j - i > TransitionCurve.blockSize {
                        sums = LineSums.prefix(j, lineCheckpoints, xb, yb, referenceK)
                    } else {
                        for t in i..<j { sums.add(xb[t] - referenceK, yb[t]) }
                    }
                    i = j
                }
                // The first index with x ≥ value (x > value: `strict`). From `from`, the answer for
                // `previous` ≤ value, the walk gives the same index as the binary search (x ascending).
                func bound(_ from: Int, _ previous: Double, _ value: Double, strict: Bool) -> Int {
                    if from >= 0, value >= previous {
                        var j = from
                        let end = min(n, from + TransitionCurve.blockSize)
                        while j < end, strict ? xb[j] <= value : xb[j] < value { j += 1 }
                        if j < end || j == n { return j }
                    }
                    return strict ? Interpolation.upperBound(x, value) : Interpolation.lowerBound(x, value)
                }
                var lastLow = Double.infinity, lastHigh = Double.infinity
                for k in indices {
                    guard !slopeEstimates[k].isNaN else { out.append(.nan); continue }
                    let low = xb[k] - h, high = xb[k] + h
                    let a = bound(lo, lastLow, low, strict: false), b = bound(hi, lastHigh, high, strict: true)
                    (lastLow, lastHigh) = (low, high)
                    move(&lo, &sLo, to: a)
                    move(&hi, &sHi, to: b)
                    out.append(TransitionCurve.fit(sLo, sHi, count: hi - lo, referenceK)?.slope ?? .nan)
                }
            }
        }
        return out
    }

    /// The least-squares parabola W ≈ c0 + c1·v + c2·v² in v = T − `centreK` over the points lo ≤ T ≤ hi,
    /// from the prefix sums (moments shifted to the centre in double-double). O(log n). Nil with
    /// fewer than 3 points or a singular system.
    public func parabola(_ window: ClosedRange<Double>, centreK: Double) -> (c0: Double, c1: Double, c2: Double)? {
        let r = indices(window)
        guard r.count >= 3 else { return nil }
        let i = r.lowerBound, j = r.upperBound
        let n = DoubleDouble(Double(r.count))
        let c = DoubleDouble(centreK - referenceK)
        let p = prefix(i), q = prefix(j)
        let s1 = q.line.su - p.line.su, s2 = q.line.suu - p.line.suu, s3 = q.higher.su3 - p.higher.su3, s4 = q.higher.su4 - p.higher.su4
        let t0 = q.line.sy - p.line.sy, t1 = q.line.suy - p.line.suy, t2 = q.higher.suuy - p.higher.suuy
        let cc = c * c
        let m1 = s1 - c * n
        let m2 = s2 - DoubleDouble(2) * c * s1 + cc * n
        let m3 = s3 - DoubleDouble(3) * c * s2 + DoubleDouble(3) * cc * s1 - cc * c * n
        let m4 = s4 - DoubleDouble(4) * c * s3 + DoubleDouble(6) * cc * s2 - DoubleDouble(4) * cc * c * s1 + cc * cc * n
        let r1 = t1 - c * t0
        let r2 = t2 - DoubleDouble(2) * c * t1 + cc * t0
        // Cramer's rule on the symmetric 3×3 normal equations (scalars: no allocation per move).
        let a00 = n.value, a01 = m1.value, a02 = m2.value, a11 = m2.value, a12 = m3.value, a22 = m4.value
        let b0 = t0.value, b1 = r1.value, b2 = r2.value
        func det(_ p: Double, _ q: Double, _ r: Double, _ s: Double, _ t: Double, _ u: Double, _ v: Double, _ w: Double, _ z: Double) -> Double {
            p * (t * z - u * w) - q * (s * z - u * v) + r * (s * w - t * v)
        }
        let d = det(a00, a01, a02, a01, a11, a12, a02, a12, a22)
        guard d != 0, d.isFinite else { return nil }
        let c0 = det(b0, a01, a02, b1, a11, a12, b2, a12, a22) / d
        let c1 = det(a00, b0, a02, a01, b1, a12, a02, b2, a22) / d
        let c2 = det(a00, a01, b0, a01, a11, b1, a02, a12, b2) / d
        guard c0.isFinite, c1.isFinite, c2.isFinite else { return nil }
        return (c0, c1, c2)
    }

    /// The index in `range` of the smallest W − `line`(T) (first of equals); nil for an empty range.
    /// Best-first branch and bound over a segment tree of min W: O(log n) nodes when the minimum is distinct.
    public func argMinAbove(_ line: TransitionLine, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= y.count else { return nil }
        var best = Double.infinity
        var bestK = Int.max
        minSearch(1, 0, bounds.size, lowerBound(1, 0, bounds.size, line, range), line, range, &best, &bestK)
        return bestK == Int.max ? nil : bestK
    }

    /// A lower bound of W − line over the points of tree node `node` (blocks nl..<nr) inside `range`.
    @inline(__always)
    private func lowerBound(_ node: Int, _ nl: Int, _ nr: Int, _ line: TransitionLine, _ range: Range<Int>) -> Double {
        let n = curve.y.count, bs = TransitionCurve.blockSize
        let pl = nl * bs, pr = min(nr * bs, n)
        if pr <= range.lowerBound || pl >= range.upperBound || pl >= n { return .infinity }
        return bounds.minY[node] - max(line.at(curve.x[pl]), line.at(curve.x[pr - 1]))
    }

    /// Best-first branch and bound: the child with the lower bound first; ties of the value go to the
    /// smaller index, so the answer is the first smallest whatever the visiting order.
    private func minSearch(_ node: Int, _ nl: Int, _ nr: Int, _ lower: Double, _ line: TransitionLine, _ range: Range<Int>,
                           _ best: inout Double, _ bestK: inout Int) {
        if lower == .infinity { return }
        // Rounding slack: never prune a node that could hold a value equal to the best.
        if lower - 1e-12 * (abs(lower) + abs(best)) > best { return }
        if nr - nl == 1 {
            let bs = TransitionCurve.blockSize
            for k in max(nl * bs, range.lowerBound)..<min(nl * bs + bs, range.upperBound) {
                let v = curve.y[k] - line.at(curve.x[k])
                if v < best || (v == best && k < bestK) { best = v; bestK = k }
            }
            return
        }
        let mid = (nl + nr) >> 1
        let a = lowerBound(2 * node, nl, mid, line, range), c = lowerBound(2 * node + 1, mid, nr, line, range)
        if c < a {
            minSearch(2 * node + 1, mid, nr, c, line, range, &best, &bestK)
            minSearch(2 * node, nl, mid, a, line, range, &best, &bestK)
        } else {
            minSearch(2 * node, nl, mid, a, line, range, &best, &bestK)
            minSearch(2 * node + 1, mid, nr, c, line, range, &best, &bestK)
        }
    }

    /// The first index ≥ `start` where W − `line`(T) is ≥ 0 (`nonNegative`) or ≤ 0; nil when none.
    /// Descent over the segment trees of min/max W. O(log n) nodes away from near-crossings.
    public func firstIndex(from start: Int, where line: TransitionLine, nonNegative: Bool) -> Int? {
        guard start < curve.y.count, start >= 0 else { return nil }
        return firstSearch(1, 0, bounds.size, start, line, nonNegative)
    }

    private func firstSearch(_ node: Int, _ nl: Int, _ nr: Int, _ start: Int, _ line: TransitionLine, _ nonNegative: Bool) -> Int? {
        let n = curve.y.count, bs = TransitionCurve.blockSize
        let pl = nl * bs, pr = min(nr * bs, n)
        if pr <= start || pl >= n { return nil }
        let l1 = line.at(curve.x[pl]), l2 = line.at(curve.x[pr - 1])
        if nonNegative {
            let upper = bounds.maxY[node] - min(l1, l2)
            if upper + 1e-12 * (abs(upper) + abs(bounds.maxY[node])) < 0 { return nil }
        } else {
            let lower = bounds.minY[node] - max(l1, l2)
            if lower - 1e-12 * (abs(lower) + abs(bounds.minY[node])) > 0 { return nil }
        }
        if nr - nl == 1 {
            for k in max(pl, start)..<pr {
                let d = curve.y[k] - line.at(curve.x[k])
                if nonNegative ? d >= 0 : d <= 0 { return k }
            }
            return nil
        }
        let mid = (nl + nr) >> 1
        return firstSearch(2 * node, nl, mid, start, line, nonNegative) ?? firstSearch(2 * node + 1, mid, nr, start, line, nonNegative)
    }

    /// The OLS line over the `count` points between the prefix sums `p` (before the first point)
    /// and `q` (after the last).
    static func fit(_ p: LineSums, _ q: LineSums, count: Int, _ ref: Double) -> TransitionLine? {
        let n = Double(count)
        let u = q.su - p.su, w = q.sy - p.sy
        let uu = q.suu - p.suu, uw = q.suy - p.suy
        let cuu = (uu - u * u / DoubleDouble(n)).value
        let cuw = (uw - u * w / DoubleDouble(n)).value
        guard cuu > 0 else { return nil }
        let b = cuw / cuu
        let meanU = u.value / n, meanW = w.value / n
        // Rounding alone: each W read to half an ulp, |δW_i| ≤ ε/2·|W_i|, moves b by at most
        // ε/2·Σ|u_i − ū|·|W_i|/cuu ≤ ε/2·max|W|·√(n/cuu) (Cauchy–Schwarz), max|W| taken on the
        // line (|u_i − ū| ≤ √cuu); doubled for residuals of rounding size, plus four ulps of b for
        // the fit's own arithmetic. W̄ moves by at most ε/2·max|W|, doubled likewise.
        let eps = Double.ulpOfOne, spread = cuu.squareRoot()
        let magnitude = abs(meanW) + abs(b) * spread
        let line = TransitionLine(value: meanW, slope: b, referenceK: ref + meanU,
                                  slopeRounding: eps * (magnitude * (n.squareRoot() / spread) + 4 * abs(b)),
                                  valueRounding: eps * (magnitude + 4 * abs(meanW)))
        return line.value.isFinite && line.slope.isFinite ? line : nil
    }
}

/// Running sums of the moments of (u, W) in double-double, added point by point in one fixed
/// order, so a sum completed from a checkpoint is bit for bit the sum of one pass over all points.
protocol RunningSums: Sendable {
    mutating func add(_ u: Double, _ w: Double)
}

extension RunningSums {
    /// The sums over points 0..<i from the checkpoint at or below i.
    @inline(__always)
    static func prefix(_ i: Int, _ checkpoints: [Self], _ x: UnsafeBufferPointer<Double>,
                       _ y: UnsafeBufferPointer<Double>, _ ref: Double) -> Self {
        let b = i / TransitionCurve.blockSize
        var m = checkpoints[b]
        for k in (b * TransitionCurve.blockSize)..<i { m.add(x[k] - ref, y[k]) }
        return m
    }
}

/// Σu, ΣW, Σu², Σu·W: what a least-squares line needs. Kept as two pairs of lanes, (Σu, ΣW) and
/// (Σu², Σu·W), each pair added at once with the very operations of ``DoubleDouble``.
struct LineSums: RunningSums, Equatable {
    var sums = Lanes.zero
    var products = Lanes.zero

    var su: DoubleDouble { sums.first }
    var sy: DoubleDouble { sums.second }
    var suu: DoubleDouble { products.first }
    var suy: DoubleDouble { products.second }

    @inline(__always)
    mutating func add(_ u: Double, _ w: Double) {
        let v = SIMD2(u, w)
        sums = sums + v
        products = products + Lanes.twoProduct(SIMD2(u, u), v)
    }
}

/// Where Dekker's product is exact for every product the parabola's running sums form from
/// (u, W) — u², u³, u²·W, u⁴ — with no range test per product: each of u and W is 0 or of
/// magnitude 2⁻²⁰⁰…2²⁰⁰, so the products lie within 2⁻⁸⁰⁰…2⁸⁰⁰ (a zero factor gives the error +0,
/// as the fused multiply-add does). The sums are the same, bit for bit; the test once per point
/// instead of once per product saves a quarter of the time of the parabola's sums (the line's
/// sums, two products in the vector lanes, gain nothing from it).
enum DekkerRange {
    @inline(__always)
    static func contains(_ u: Double, _ w: Double) -> Bool {
        let m = Lanes.magnitude(SIMD2(u, w))
        return WrittenOut.all((m .== SIMD2(repeating: 0)) .| ((m .>= SIMD2(repeating: 0x1p-200)) .& (m .<= SIMD2(repeating: 0x1p200))))
    }
}

/// Σu³, Σu⁴, Σu²·W: what a parabola needs besides the line's sums; (Σu³, Σu²·W) share the lanes.
struct HigherSums: RunningSums, Equatable {
    var odd = Lanes.zero
    var su4 = DoubleDouble.zero

    var su3: DoubleDouble { odd.first }
    var suuy: DoubleDouble { odd.second }

    @inline(__always)
    mutating func add(_ u: Double, _ w: Double) {
        if DekkerRange.contains(u, w) {
            let (h, l) = DoubleDouble.dekkerProduct(u, u)
            let uu = DoubleDouble(h, l)
            odd = odd + Lanes(hi: SIMD2(repeating: h), lo: SIMD2(repeating: l)).dekkerTimes(SIMD2(u, w))
            su4 = su4 + uu.dekkerTimes(uu)
        } else {
            let uu = DoubleDouble.twoProduct(u, u)
            // uu · u and uu · w: DoubleDouble's product with a Double, lane by lane.
            odd = odd + Lanes(hi: SIMD2(repeating: uu.hi), lo: SIMD2(repeating: uu.lo)) * SIMD2(u, w)
            su4 = su4 + uu * uu
        }
    }
}

/// All seven sums.
struct MomentSums: RunningSums, Equatable {
    var line = LineSums()
    var higher = HigherSums()

    @inline(__always)
    mutating func add(_ u: Double, _ w: Double) {
        line.add(u, w)
        higher.add(u, w)
    }
}

/// A segment tree over blocks of ``TransitionCurve/blockSize`` values answering "index of the first
/// largest (smallest) non-NaN value in a range" in O(log n + blockSize).
struct ArgTree: Sendable, Equatable {
    let size: Int
    let tree: [Int32]      // −1 = no defined value below; leaves: each block's answer
    let values: [Double]
    let largest: Bool

    /// The first largest and first smallest defined value of each block of a run of blocks.
    struct Leaves {
        var largest = [Int32]()
        var smallest = [Int32]()

        init() {}

        /// The blocks of `r` (which starts on a block) in `values`, in one pass.
        init(_ values: UnsafeBufferPointer<Double>, _ r: Range<Int>) {
            let bs = TransitionCurve.blockSize
            largest.reserveCapacity((r.count + bs - 1) / bs)
            smallest.reserveCapacity((r.count + bs - 1) / bs)
            append(values, r)
        }

        /// Appends the blocks of `r` (which starts on a block).
        mutating func append(_ values: UnsafeBufferPointer<Double>, _ r: Range<Int>) {
            let bs = TransitionCurve.blockSize
            var start = r.lowerBound
            while start < r.upperBound {
                var hi: Int32 = -1, lo: Int32 = -1, vhi = 0.0, vlo = 0.0
                for k in start..<min(start + bs, r.upperBound) {
                    let v = values[k]
                    if v.isNaN { continue }
                    if hi < 0 || v > vhi { hi = Int32(truncatingIfNeeded: k); vhi = v }
                    if lo < 0 || v < vlo { lo = Int32(truncatingIfNeeded: k); vlo = v }
                }
                largest.append(hi)
                smallest.append(lo)
                start += bs
            }
        }
    }

    init(_ values: [Double], largest: Bool) {
        let leaves = values.withUnsafeBufferPointer { Leaves($0, 0..<values.count) }
        self.init(values, leaves: largest ? leaves.largest : leaves.smallest, largest: largest)
    }

    /// The tree over `leaves`, the answers of the blocks of `values` in order.
    init(_ values: [Double], leaves: [Int32], largest: Bool) {
        self.values = values
        self.largest = largest
        let blocks = leaves.count
        var size = 1
        while size < max(blocks, 1) { size <<= 1 }
        self.size = size
        var t = [Int32](repeating: -1, count: 2 * size)
        for b in 0..<blocks { t[size + b] = leaves[b] }
        if size > 1 {
            for p in stride(from: size - 1, through: 1, by: -1) {
                t[p] = ArgTree.better(t[2 * p], t[2 * p + 1], values, largest)
            }
        }
        tree = t
    }

    /// `a` is left of `b`: `a` wins ties.
    @inline(__always)
    static func better(_ a: Int32, _ b: Int32, _ v: [Double], _ largest: Bool) -> Int32 {
        if a < 0 { return b }
        if b < 0 { return a }
        let va = v[Int(a)], vb = v[Int(b)]
        return (largest ? vb > va : vb < va) ? b : a
    }

    /// The first best defined value in `r`, left to right.
    @inline(__always)
    static func scan(_ r: Range<Int>, _ v: [Double], _ largest: Bool) -> Int32 {
        var best: Int32 = -1
        for k in r where !v[k].isNaN { best = better(best, Int32(truncatingIfNeeded: k), v, largest) }
        return best
    }

    /// The indices in `r` (ascending) whose value is at least `bound` (largest) or at most it.
    func indices(in r: Range<Int>, reaching bound: Double) -> [Int] {
        var out = [Int]()
        collect(1, 0, size, r, bound, &out)
        return out
    }

    private func reaches(_ v: Double, _ bound: Double) -> Bool { largest ? v >= bound : v <= bound }

    private func collect(_ node: Int, _ nl: Int, _ nr: Int, _ r: Range<Int>, _ bound: Double, _ out: inout [Int]) {
        let bs = TransitionCurve.blockSize
        let pl = nl * bs, pr = min(nr * bs, values.count)
        guard pl < pr, pr > r.lowerBound, pl < r.upperBound else { return }
        let best = tree[node]
        guard best >= 0, reaches(values[Int(best)], bound) else { return }
        if nr - nl == 1 {
            for k in max(pl, r.lowerBound)..<min(pr, r.upperBound) where reaches(values[k], bound) { out.append(k) }
            return
        }
        let mid = (nl + nr) >> 1
        collect(2 * node, nl, mid, r, bound, &out)
        collect(2 * node + 1, mid, nr, r, bound, &out)
    }

    func query(_ r: Range<Int>) -> Int? {
        guard !r.isEmpty else { return nil }
        let bs = TransitionCurve.blockSize
        let first = r.lowerBound / bs, last = (r.upperBound - 1) / bs
        let best: Int32
        if first == last {
            best = ArgTree.scan(r, values, largest)
        } else {
            // Partial first block, whole blocks by the tree, partial last block: left to right.
            let head = ArgTree.scan(r.lowerBound..<(first + 1) * bs, values, largest)
            var l = first + 1 + size, h = last + size
            var left: Int32 = -1, right: Int32 = -1
            while l < h {
                if l & 1 == 1 { left = ArgTree.better(left, tree[l], values, largest); l += 1 }
                if h & 1 == 1 { h -= 1; right = ArgTree.better(tree[h], right, values, largest) }
                l >>= 1; h >>= 1
            }
            let tail = ArgTree.scan(last * bs..<r.upperBound, values, largest)
            best = ArgTree.better(ArgTree.better(head, ArgTree.better(left, right, values, largest), values, largest),
                                  tail, values, largest)
        }
        return best < 0 ? nil : Int(best)
    }
}
