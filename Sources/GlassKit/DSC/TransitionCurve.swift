/// A straight line W(T) = value + slope·(T − referenceK), kept in centred form so that its
/// coefficients stay well conditioned at T ≈ 400 K.
public struct TransitionLine: Sendable, Equatable {
    /// W at `referenceK`, W/g.
    public var value: Double
    /// dW/dT, W/(g·K).
    public var slope: Double
    /// Where `value` holds, K.
    public var referenceK: Double

    /// A line through (`referenceK`, `value`) with `slope`.
    public init(value: Double, slope: Double, referenceK: Double) {
        self.value = value; self.slope = slope; self.referenceK = referenceK
    }

    /// W at `t`.
    @inline(__always)
    public func at(_ t: Double) -> Double { value + slope * (t - referenceK) }

    /// ∫_a^b W dT (exact for a line).
    public func integral(from a: Double, to b: Double) -> Double { at(0.5 * (a + b)) * (b - a) }

    /// The T where this line meets `other`; nil for parallel lines or a non-finite answer.
    public func intersection(_ other: TransitionLine) -> Double? {
        let ds = slope - other.slope
        guard ds != 0 else { return nil }
        let t = referenceK + (other.at(referenceK) - value) / ds
        return t.isFinite ? t : nil
    }
}

/// One DSC curve prepared once (O(n)) for the characteristic temperatures of the method reference
/// §3.1, so that moving a window bound costs O(log n) + O(points in the window):
/// - prefix sums (double-double) of u = T − T_ref, W, u², u·W for ordinary least-squares lines over
///   any index range in O(1) after two binary searches;
/// - W′ at every data point: the OLS slope over the points within ±2 K (nil, stored as NaN, where
///   fewer than 3 points lie there), by a two-pointer sweep over the same prefix sums;
/// - two segment trees over W′ (first largest, first smallest) for the inflection and the steepest
///   descent in O(log n);
/// - the running trapezoid integral of W (shared with ΔH_rej) for the area integrals.
public struct TransitionCurve: Sendable, Equatable {
    /// Half-width of the W′ slope window, K (the method reference's ±2 K).
    public static let slopeHalfWidthK = 2.0

    /// W(T) with its running integral (the same W as ΔH_rej).
    public let curve: CumulativeTrapezoid
    /// Centring temperature of the prefix sums, K.
    public let referenceK: Double
    /// W′ at every data point, W/(g·K); NaN where fewer than 3 points lie within ±2 K.
    public let slope: [Double]
    let su: [DoubleDouble], sy: [DoubleDouble], suu: [DoubleDouble], suy: [DoubleDouble]
    let su3: [DoubleDouble], su4: [DoubleDouble], suuy: [DoubleDouble]
    let maxTree: ArgTree
    let minTree: ArgTree
    let bounds: RangeBounds

    /// Prepares `curve` (strictly ascending T).
    public init(_ curve: CumulativeTrapezoid) {
        self.curve = curve
        let x = curve.x, y = curve.y, n = x.count
        let ref = n > 0 ? x[n / 2] : 0
        referenceK = ref
        var su = [DoubleDouble](), sy = [DoubleDouble](), suu = [DoubleDouble](), suy = [DoubleDouble]()
        su.reserveCapacity(n + 1); sy.reserveCapacity(n + 1); suu.reserveCapacity(n + 1); suy.reserveCapacity(n + 1)
        var s3 = [DoubleDouble](), s4 = [DoubleDouble](), s2y = [DoubleDouble]()
        s3.reserveCapacity(n + 1); s4.reserveCapacity(n + 1); s2y.reserveCapacity(n + 1)
        var a = DoubleDouble.zero, b = DoubleDouble.zero, c = DoubleDouble.zero, d = DoubleDouble.zero
        var e = DoubleDouble.zero, f = DoubleDouble.zero, g = DoubleDouble.zero
        su.append(a); sy.append(b); suu.append(c); suy.append(d); s3.append(e); s4.append(f); s2y.append(g)
        for k in 0..<n {
            let u = x[k] - ref
            let uu = DoubleDouble.twoProduct(u, u)
            a = a + u
            b = b + y[k]
            c = c + uu
            d = d + DoubleDouble.twoProduct(u, y[k])
            e = e + uu * u
            f = f + uu * uu
            g = g + uu * y[k]
            su.append(a); sy.append(b); suu.append(c); suy.append(d); s3.append(e); s4.append(f); s2y.append(g)
        }
        self.su = su; self.sy = sy; self.suu = suu; self.suy = suy
        self.su3 = s3; self.su4 = s4; self.suuy = s2y
        bounds = RangeBounds(y)
        // W′ by a two-pointer sweep: [lo, hi) = the points within ±2 K of x[k]. Long curves are
        // swept in blocks on every core; each block starts its pointers by binary search, so every
        // W′ is the same number the single sweep gives.
        let h = TransitionCurve.slopeHalfWidthK
        let (pu, py, puu, puy) = (su, sy, suu, suy)
        let blocks = n >= 100_000 ? 4 : 1
        let ranges = (0..<blocks).map { b in (b * n / blocks)..<((b + 1) * n / blocks) }
        let parts = ParallelMap.map(ranges) { r -> [Double] in
            var out = [Double](repeating: .nan, count: r.count)
            guard let first = r.first else { return out }
            var lo = Interpolation.lowerBound(x, x[first] - h), hi = first
            for k in r {
                while lo < n, x[lo] < x[k] - h { lo += 1 }
                if hi < k { hi = k }
                while hi < n, x[hi] <= x[k] + h { hi += 1 }
                if hi - lo >= 3, let line = TransitionCurve.fit(pu, py, puu, puy, lo, hi - 1, ref) { out[k - first] = line.slope }
            }
            return out
        }
        let s = blocks == 1 ? parts[0] : Array(parts.joined())
        slope = s
        maxTree = ArgTree(s, largest: true)
        minTree = ArgTree(s, largest: false)
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
        return TransitionCurve.fit(su, sy, suu, suy, r.lowerBound, r.upperBound - 1, referenceK)
    }

    /// W′ at data point k, nil where undefined.
    @inline(__always)
    public func slope(at k: Int) -> Double? {
        let s = slope[k]
        return s.isNaN ? nil : s
    }

    /// The index in `range` with the largest (or smallest) defined W′, first of equals; nil when none. O(log n).
    public func extremeSlopeIndex(in range: Range<Int>, largest: Bool) -> Int? {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= slope.count else { return nil }
        return (largest ? maxTree : minTree).query(range)
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
        let s1 = su[j] - su[i], s2 = suu[j] - suu[i], s3 = su3[j] - su3[i], s4 = su4[j] - su4[i]
        let t0 = sy[j] - sy[i], t1 = suy[j] - suy[i], t2 = suuy[j] - suuy[i]
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

    @inline(__always)
    private func lowerBound(_ node: Int, _ nl: Int, _ nr: Int, _ line: TransitionLine, _ range: Range<Int>) -> Double {
        let n = curve.y.count
        if nr <= range.lowerBound || nl >= range.upperBound || nl >= n { return .infinity }
        return bounds.minY[node] - max(line.at(curve.x[nl]), line.at(curve.x[min(nr, n) - 1]))
    }

    /// Best-first branch and bound: the child with the lower bound first; ties of the value go to the
    /// smaller index, so the answer is the first smallest whatever the visiting order.
    private func minSearch(_ node: Int, _ nl: Int, _ nr: Int, _ lower: Double, _ line: TransitionLine, _ range: Range<Int>,
                           _ best: inout Double, _ bestK: inout Int) {
        if lower == .infinity { return }
        // Rounding slack: never prune a node that could hold a value equal to the best.
        if lower - 1e-12 * (abs(lower) + abs(best)) > best { return }
        if nr - nl == 1 {
            let v = curve.y[nl] - line.at(curve.x[nl])
            if v < best || (v == best && nl < bestK) { best = v; bestK = nl }
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
        let n = curve.y.count
        if nr <= start || nl >= n { return nil }
        let l1 = line.at(curve.x[nl]), l2 = line.at(curve.x[min(nr, n) - 1])
        if nonNegative {
            let upper = bounds.maxY[node] - min(l1, l2)
            if upper + 1e-12 * (abs(upper) + abs(bounds.maxY[node])) < 0 { return nil }
        } else {
            let lower = bounds.minY[node] - max(l1, l2)
            if lower - 1e-12 * (abs(lower) + abs(bounds.minY[node])) > 0 { return nil }
        }
        if nr - nl == 1 {
            let d = curve.y[nl] - line.at(curve.x[nl])
            return (nonNegative ? d >= 0 : d <= 0) ? nl : nil
        }
        let mid = (nl + nr) >> 1
        return firstSearch(2 * node, nl, mid, start, line, nonNegative) ?? firstSearch(2 * node + 1, mid, nr, start, line, nonNegative)
    }

    static func fit(_ su: [DoubleDouble], _ sy: [DoubleDouble], _ suu: [DoubleDouble], _ suy: [DoubleDouble],
                    _ i: Int, _ j: Int, _ ref: Double) -> TransitionLine? {
        let n = Double(j - i + 1)
        let u = su[j + 1] - su[i], w = sy[j + 1] - sy[i]
        let uu = suu[j + 1] - suu[i], uw = suy[j + 1] - suy[i]
        let cuu = (uu - u * u / DoubleDouble(n)).value
        let cuw = (uw - u * w / DoubleDouble(n)).value
        guard cuu > 0 else { return nil }
        let b = cuw / cuu
        let meanU = u.value / n, meanW = w.value / n
        let line = TransitionLine(value: meanW, slope: b, referenceK: ref + meanU)
        return line.value.isFinite && line.slope.isFinite ? line : nil
    }
}

/// A segment tree answering "index of the first largest (smallest) non-NaN value in a range" in O(log n).
struct ArgTree: Sendable, Equatable {
    let size: Int
    let tree: [Int32]      // −1 = no defined value below
    let values: [Double]
    let largest: Bool

    init(_ values: [Double], largest: Bool) {
        self.values = values
        self.largest = largest
        var size = 1
        while size < max(values.count, 1) { size <<= 1 }
        self.size = size
        var t = [Int32](repeating: -1, count: 2 * size)
        for (k, v) in values.enumerated() where !v.isNaN { t[size + k] = Int32(truncatingIfNeeded: k) }
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

    func query(_ r: Range<Int>) -> Int? {
        var l = r.lowerBound + size, h = r.upperBound + size
        var left: Int32 = -1, right: Int32 = -1
        while l < h {
            if l & 1 == 1 { left = ArgTree.better(left, tree[l], values, largest); l += 1 }
            if h & 1 == 1 { h -= 1; right = ArgTree.better(tree[h], right, values, largest) }
            l >>= 1; h >>= 1
        }
        let best = ArgTree.better(left, right, values, largest)
        return best < 0 ? nil : Int(best)
    }
}

/// Segment trees of the minimum and maximum of W over index ranges (leaves beyond the data: ±∞).
struct RangeBounds: Sendable, Equatable {
    let size: Int
    let minY: [Double]
    let maxY: [Double]

    init(_ y: [Double]) {
        var size = 1
        while size < max(y.count, 1) { size <<= 1 }
        self.size = size
        var lo = [Double](repeating: .infinity, count: 2 * size), hi = [Double](repeating: -.infinity, count: 2 * size)
        for (k, v) in y.enumerated() { lo[size + k] = v; hi[size + k] = v }
        if size > 1 {
            for p in stride(from: size - 1, through: 1, by: -1) {
                lo[p] = min(lo[2 * p], lo[2 * p + 1]); hi[p] = max(hi[2 * p], hi[2 * p + 1])
            }
        }
        minY = lo; maxY = hi
    }
}
