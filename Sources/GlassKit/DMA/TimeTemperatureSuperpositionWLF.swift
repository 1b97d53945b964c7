import GlassPlatform

/// WLF reading of a_T at T_ref (SPEC §4.3): log10 a_T = −C1 (T − T_ref)/(C2 + T − T_ref), least
/// squares in log10 a_T over every non-null shift (T_ref's zero included), C2 > max(0, T_ref − T_min).
public struct WLFFit: Sendable, Equatable {
    /// C1 (dimensionless).
    public var c1: Double
    /// C2, K.
    public var c2K: Double
    /// Standard error of C1 from (JᵀJ)⁻¹·SSR/(n − 2); nil when SSR/(n − 2) is not defined.
    public var c1Stderr: Double?
    /// Standard error of C2, K.
    public var c2StderrK: Double?
    /// T_ref, K (the reference isotherm's temperature).
    public var referenceK: Double
    /// Shifts fitted.
    public var count: Int
    /// Sum of squared residuals, decades².
    public var residualSumOfSquares: Double

    /// log10 a_T at `t` (nil at or beyond the pole T = T_ref − C2).
    public func log10AT(atK t: Double) -> Double? {
        let den = c2K + t - referenceK
        return den > 0 ? -c1 * (t - referenceK) / den : nil
    }

    /// Points of the profile search over u = C2 − max(0, T_ref − T_min), log-spaced.
    static let gridPoints = 400
    /// Smallest and largest u searched, K: a best u at the top means no finite C2.
    static let uRange = (low: 1e-3, high: 1e7)

    /// Shifts at distinct temperatures the fit needs: T_ref's (the model is 0 there whatever C1
    /// and C2 are) and two more, one for each of C1 and C2. Shifts at one temperature besides
    /// T_ref's fix one value of −C1·ΔT/(C2 + ΔT), which every C2 then meets with its own C1.
    static let distinctTemperaturesNeeded = 3

    /// The least-squares fit; nil with a remark (the reason of the null, SPEC §2.5) with fewer than
    /// 3 shifts or fewer than 3 distinct temperatures among them, or no finite C2 above the pole
    /// bound (log10 a_T linear in T, or curved the other way). A fit without standard errors says
    /// why too.
    public static func fit(temperatureK t: [Double], log10AT y: [Double], referenceK tr: Double) -> (WLFFit?, String?) {
        let need = distinctTemperaturesNeeded
        guard t.count == y.count, t.count >= need else { return (nil, "\(min(t.count, y.count)) shift(s) (need \(need)); C1, C2 null") }
        guard tr.isFinite, t.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite), let tMin = t.min() else {
            return (nil, "a shift or T_ref is not a finite number; C1, C2 null")
        }
        guard TemperatureCount.distinct(t) >= need else {
            return (nil, TemperatureCount.tooFew(t, noun: "shift", need: need) + "; C1, C2 null")
        }
        // No isotherm shifted: C1 = 0 fits exactly with any C2, which the data then do not determine.
        if y.allSatisfy({ $0 == 0 }) { return (nil, "no isotherm is shifted (every log10 a_T is 0): C1 = 0 fits with any C2; C1, C2 null") }
        let lower = max(0, tr - tMin)
        let dt = t.map { $0 - tr }
        // For fixed C2, C1 = Σ y g / Σ g² with g = −ΔT/(C2 + ΔT): profile SSR(C2).
        func profile(_ c2: Double) -> (ssr: Double, c1: Double) {
            var sgy = 0.0, sgg = 0.0
            for i in dt.indices {
                let g = -dt[i] / (c2 + dt[i])
                sgy += g * y[i]; sgg += g * g
            }
            guard sgg > 0 else { return (.infinity, 0) }
            let c1 = sgy / sgg
            var ssr = 0.0
            for i in dt.indices { let r = y[i] + c1 * dt[i] / (c2 + dt[i]); ssr += r * r }
            return (ssr.isFinite ? ssr : .infinity, c1)
        }
        let lo = log(uRange.low), hi = log(uRange.high)
        func u(_ j: Double) -> Double { exp(lo + (hi - lo) * j / Double(gridPoints - 1)) }
        var bestJ = 0, best = Double.infinity
        for j in 0..<gridPoints {
            let v = profile(lower + u(Double(j))).ssr
            if v < best { best = v; bestJ = j }
        }
        let remark = "no finite C2 above max(0, T_ref − T_min) = \(Format.shortNumber(lower)) K (log10 a_T linear in T or curved the other way); C1, C2 null"
        guard best.isFinite else { return (nil, remark) }
        if bestJ == gridPoints - 1 { return (nil, remark) }
        if bestJ == 0 { return (nil, "best C2 at the pole bound \(Format.shortNumber(lower)) K (the pole would sit on the data); C1, C2 null") }
        // Golden section in log u between the grid neighbours.
        var a = Double(bestJ - 1), b = Double(bestJ + 1)
        let g = (sqrt(5.0) - 1) / 2
        func f(_ j: Double) -> Double { profile(lower + u(j)).ssr }
        var p = b - g * (b - a), q = a + g * (b - a), fp = f(p), fq = f(q)
        while b - a > 1e-9 {
            if fp <= fq { b = q; q = p; fq = fp; p = b - g * (b - a); fp = f(p) } else {
                a = p; p = q; fp = fq; q = a + g * (b - a); fq = f(q)
            }
        }
        var jBest = (a + b) / 2
        if f(jBest) > best { jBest = Double(bestJ) }
        let c2 = lower + u(jBest)
        let (ssr, c1) = profile(c2)
        guard c1.isFinite, c2.isFinite, ssr.isFinite else { return (nil, remark) }
        // Standard errors from (JᵀJ)⁻¹·SSR/(n − 2), J the derivatives of the model in (C1, C2).
        var j11 = 0.0, j12 = 0.0, j22 = 0.0
        for x in dt {
            let den = c2 + x
            let d1 = -x / den, d2 = c1 * x / (den * den)
            j11 += d1 * d1; j12 += d1 * d2; j22 += d2 * d2
        }
        let det = j11 * j22 - j12 * j12
        let s2 = ssr / Double(t.count - 2)
        var se1: Double?, se2: Double?
        if det > 0, det.isFinite {
            let v1 = j22 / det * s2, v2 = j11 / det * s2
            if v1.isFinite, v1 >= 0 { se1 = sqrt(v1) }
            if v2.isFinite, v2 >= 0 { se2 = sqrt(v2) }
        }
        let fit = WLFFit(c1: c1, c2K: c2, c1Stderr: se1, c2StderrK: se2, referenceK: tr, count: t.count, residualSumOfSquares: ssr)
        return (fit, se1 == nil || se2 == nil ? "C1, C2 standard errors not computed (the fit's normal matrix is singular)" : nil)
    }
}
