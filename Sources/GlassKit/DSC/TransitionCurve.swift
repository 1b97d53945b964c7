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
    let maxTree: ArgTree
    let minTree: ArgTree

    /// Prepares `curve` (strictly ascending T).
    public init(_ curve: CumulativeTrapezoid) {
        self.curve = curve
        let x = curve.x, y = curve.y, n = x.count
        let ref = n > 0 ? x[n / 2] : 0
        referenceK = ref
        var su = [DoubleDouble](), sy = [DoubleDouble](), suu = [DoubleDouble](), suy = [DoubleDouble]()
        su.reserveCapacity(n + 1); sy.reserveCapacity(n + 1); suu.reserveCapacity(n + 1); suy.reserveCapacity(n + 1)
        var a = DoubleDouble.zero, b = DoubleDouble.zero, c = DoubleDouble.zero, d = DoubleDouble.zero
        su.append(a); sy.append(b); suu.append(c); suy.append(d)
        for k in 0..<n {
            let u = x[k] - ref
            a = a + u
            b = b + y[k]
            c = c + DoubleDouble.twoProduct(u, u)
            d = d + DoubleDouble.twoProduct(u, y[k])
            su.append(a); sy.append(b); suu.append(c); suy.append(d)
        }
        self.su = su; self.sy = sy; self.suu = suu; self.suy = suy
        // W′ by a two-pointer sweep: [lo, hi) = the points within ±2 K of x[k].
        var s = [Double](repeating: .nan, count: n)
        var lo = 0, hi = 0
        let h = TransitionCurve.slopeHalfWidthK
        for k in 0..<n {
            while lo < n, x[lo] < x[k] - h { lo += 1 }
            if hi < k { hi = k }
            while hi < n, x[hi] <= x[k] + h { hi += 1 }
            if hi - lo >= 3, let line = TransitionCurve.fit(su, sy, suu, suy, lo, hi - 1, ref) { s[k] = line.slope }
        }
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
