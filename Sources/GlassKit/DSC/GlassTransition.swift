/// The tangent constructions of T_g (ASTM E1356 / ISO 11357-2; method reference §3.1, "Exact rules").
public struct GlassTransitionConstruction: Sendable, Equatable {
    /// Glass line g(T).
    public var glassLine: TransitionLine
    /// Liquid line l(T).
    public var liquidLine: TransitionLine
    /// Inflection T_g,i, K (a data point); nil when no point between the windows has a defined W′.
    public var inflectionK: Double?
    /// The inflectional tangent t(T) through (T_g,i, W(T_g,i)) with slope W′(T_g,i).
    public var tangent: TransitionLine?
    /// Extrapolated onset g ∩ t, K.
    public var onsetK: Double?
    /// End t ∩ l, K.
    public var endK: Double?
    /// Midpoint: first T above the glass window where W = (g + l)/2, K.
    public var midpointK: Double?
    /// Δc_p = [l(T_g,mid) − g(T_g,mid)]/β_h, J/(g·K).
    public var deltaCpJPerGK: Double?
    /// Why a value is missing.
    public var reasons: [String]

    /// The constructions on `c` with lines already fitted; `betaKPerS` the heating rate in K/s.
    /// O(log n) tree searches (plus the nodes near a near-crossing of the midpoint line).
    public static func construct(_ c: TransitionCurve, glassLine g: TransitionLine, liquidLine l: TransitionLine,
                                 glassWindow: ClosedRange<Double>, liquidWindow: ClosedRange<Double>,
                                 betaKPerS: Double) -> GlassTransitionConstruction {
        var r = GlassTransitionConstruction(glassLine: g, liquidLine: l, reasons: [])
        let x = c.x, y = c.y, n = x.count
        // Inflection: data points strictly between the glass window's high end and the liquid window's low end.
        let first = Interpolation.upperBound(x, glassWindow.upperBound)
        let last = Interpolation.lowerBound(x, liquidWindow.lowerBound)
        if first < last, let k = c.extremeSlopeIndex(in: first..<last, largest: true), let t = c.tangent(at: k) {
            r.inflectionK = x[k]
            r.tangent = t
            r.onsetK = g.intersection(t)
            r.endK = t.intersection(l)
            if r.onsetK == nil { r.reasons.append("T_g onset: the inflectional tangent is parallel to the glass line") }
            if r.endK == nil { r.reasons.append("T_g end: the inflectional tangent is parallel to the liquid line") }
        } else {
            r.reasons.append("T_g inflection: no data point with a defined W′ (≥ 3 points within ±2 K) strictly between the glass window's high end and the liquid window's low end")
        }
        // Midpoint: first sign change of D = W − (g + l)/2 between consecutive points above the glass
        // window (a zero at a point is that point). All points before the first one whose D is zero or of
        // the other sign share the first point's sign, so that point is found by a tree descent.
        let mean = TransitionLine(value: 0.5 * (g.at(g.referenceK) + l.at(g.referenceK)), slope: 0.5 * (g.slope + l.slope),
                                  referenceK: g.referenceK)
        func d(_ k: Int) -> Double { y[k] - 0.5 * (g.at(x[k]) + l.at(x[k])) }
        if first < n {
            let d0 = d(first)
            if d0 == 0 {
                r.midpointK = x[first]
            } else if let k = c.firstIndex(from: first + 1, where: mean, nonNegative: d0 < 0) {
                let dk = d(k), dp = d(k - 1)
                if dk == 0 || (dk < 0) == (d0 < 0) {
                    r.midpointK = x[k]      // a zero (by the exact test), or a rounding tie of the bound
                } else {
                    r.midpointK = x[k - 1] + dp * (x[k] - x[k - 1]) / (dp - dk)
                }
            }
        }
        if let m = r.midpointK {
            let v = (l.at(m) - g.at(m)) / betaKPerS
            r.deltaCpJPerGK = v.isFinite ? v : nil
        } else {
            r.reasons.append("T_g midpoint: W never crosses (g + l)/2 above the glass window")
        }
        return r
    }
}
