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
    /// O(log n) + O(points from the glass window's high end to the midpoint crossing).
    public static func construct(_ c: TransitionCurve, glassLine g: TransitionLine, liquidLine l: TransitionLine,
                                 glassWindow: ClosedRange<Double>, liquidWindow: ClosedRange<Double>,
                                 betaKPerS: Double) -> GlassTransitionConstruction {
        var r = GlassTransitionConstruction(glassLine: g, liquidLine: l, reasons: [])
        let x = c.x, y = c.y, n = x.count
        // Inflection: data points strictly between the glass window's high end and the liquid window's low end.
        let first = Interpolation.upperBound(x, glassWindow.upperBound)
        let last = Interpolation.lowerBound(x, liquidWindow.lowerBound)
        if first < last, let k = c.extremeSlopeIndex(in: first..<last, largest: true), let s = c.slope(at: k) {
            r.inflectionK = x[k]
            let t = TransitionLine(value: y[k], slope: s, referenceK: x[k])
            r.tangent = t
            r.onsetK = g.intersection(t)
            r.endK = t.intersection(l)
            if r.onsetK == nil { r.reasons.append("T_g onset: the inflectional tangent is parallel to the glass line") }
            if r.endK == nil { r.reasons.append("T_g end: the inflectional tangent is parallel to the liquid line") }
        } else {
            r.reasons.append("T_g inflection: no data point with a defined W′ (≥ 3 points within ±2 K) strictly between the glass window's high end and the liquid window's low end")
        }
        // Midpoint: first sign change of W − (g + l)/2 above the glass window.
        var previous: (t: Double, d: Double)?
        var k = first
        while k < n {
            let t = x[k]
            let d = y[k] - 0.5 * (g.at(t) + l.at(t))
            if d == 0 { r.midpointK = t; break }
            if let p = previous, p.d != 0, (p.d < 0) != (d < 0) {
                r.midpointK = p.t + p.d * (t - p.t) / (p.d - d)
                break
            }
            previous = (t, d)
            k += 1
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
