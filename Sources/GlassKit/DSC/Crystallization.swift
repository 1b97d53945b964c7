/// Crystallization in its window (method reference §3.1): reference = the liquid line extrapolated.
public struct CrystallizationConstruction: Sendable, Equatable {
    /// Half-width of the parabola that refines the peak, K.
    public static let parabolaHalfWidthK = 3.0

    /// Peak T_x,p, K (vertex of the ±3 K parabola); nil at the window's edge or for a bad parabola.
    public var peakK: Double?
    /// Onset T_x = l ∩ the tangent at the steepest descent, K.
    public var onsetK: Double?
    /// The tangent at the steepest descent (for drawing).
    public var tangent: TransitionLine?
    /// ΔH_x = (1/β_h)∫(l − W) dT over the window, J/g (positive for an exotherm).
    public var enthalpyJPerG: Double?
    /// Why a value is missing.
    public var reasons: [String]

    /// The construction on `c` with the liquid line `l`. O(log n) tree searches and prefix sums.
    public static func construct(_ c: TransitionCurve, liquidLine l: TransitionLine, window: ClosedRange<Double>,
                                 betaKPerS: Double) -> CrystallizationConstruction {
        var r = CrystallizationConstruction(reasons: [])
        let x = c.x
        if let integral = c.curve.integral(from: window.lowerBound, to: window.upperBound) {
            let v = (l.integral(from: window.lowerBound, to: window.upperBound) - integral) / betaKPerS
            r.enthalpyJPerG = v.isFinite ? v : nil
        } else {
            r.reasons.append("ΔH_x: the crystallization window is outside the data")
        }
        let range = c.indices(window)
        guard range.count >= 3 else {
            r.reasons.append("T_x: fewer than 3 points in the crystallization window")
            return r
        }
        // Most negative W − l among the window's points (first smallest), by branch and bound.
        guard let kp = c.argMinAbove(l, in: range) else {
            r.reasons.append("T_x: fewer than 3 points in the crystallization window")
            return r
        }
        if kp == range.lowerBound || kp == range.upperBound - 1 {
            r.reasons.append("T_x: the most negative W − l lies at the crystallization window's \(kp == range.lowerBound ? "first" : "last") point (no peak inside the window)")
            return r
        }
        // Least-squares parabola of W − l over the data within ±3 K of the peak point (not clipped to the
        // window): the parabola of W minus the line l (l lies in the parabolas' span), from prefix sums.
        let h = parabolaHalfWidthK
        guard let p = c.parabola((x[kp] - h)...(x[kp] + h), centreK: x[kp]) else {
            r.reasons.append("T_x: fewer than 3 points within ±3 K of the exotherm's deepest point")
            return r
        }
        let c1 = p.c1 - l.slope, c2 = p.c2
        guard c2 > 0 else {
            r.reasons.append("T_x: the parabola over ±3 K of the exotherm's deepest point is not convex")
            return r
        }
        let vertex = -c1 / (2 * c2)
        guard vertex.isFinite, abs(vertex) <= h else {
            r.reasons.append("T_x: the parabola's vertex lies more than 3 K from the exotherm's deepest point")
            return r
        }
        let peak = x[kp] + vertex
        r.peakK = peak
        // Steepest descent: the window point with T ≤ T_x,p of smallest W′.
        let end = Interpolation.upperBound(x, peak)
        guard end > range.lowerBound, let ks = c.extremeSlopeIndex(in: range.lowerBound..<min(end, range.upperBound), largest: false),
              let t = c.tangent(at: ks) else {
            r.reasons.append("T_x onset: no window point below the peak with a defined W′")
            return r
        }
        r.tangent = t
        r.onsetK = t.intersection(l)
        if r.onsetK == nil { r.reasons.append("T_x onset: the tangent at the steepest descent is parallel to the liquid line") }
        return r
    }
}
