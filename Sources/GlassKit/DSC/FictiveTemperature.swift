/// Moynihan's area-matching fictive temperature (method reference §3.1):
/// ∫_{T_f}^{T_2} (l − g) dT = ∫_{T_1}^{T_2} (W − g) dT, T_1 = the glass window's low end,
/// T_2 = the liquid window's high end.
public enum FictiveTemperature {
    /// The root result: T_f, or why there is none.
    public enum Outcome: Sendable, Equatable {
        /// The root in [T_1, T_2] (nearest `nearK` when there are two).
        case value(Double)
        /// No root in [T_1, T_2].
        case none(String)
    }

    /// T_f on `c`. The right side is the trapezoid rule on the data with interpolated end points
    /// (the trapezoid is exact for the line g); the left side is exact for lines: with u = T − T_2 and
    /// d(T) = l − g = d_2 + δu, ∫_{u_f}^{0} d du = A gives δ/2·u_f² + d_2·u_f + A = 0. O(log n).
    public static func areaMatching(_ c: TransitionCurve, glassLine g: TransitionLine, liquidLine l: TransitionLine,
                                    t1K: Double, t2K: Double, nearK: Double?) -> Outcome {
        guard t1K < t2K, let integral = c.curve.integral(from: t1K, to: t2K) else {
            return .none("T_f: the glass window's low end is not below the liquid window's high end inside the data")
        }
        let area = integral - g.integral(from: t1K, to: t2K)
        let d2 = l.at(t2K) - g.at(t2K)
        let delta = l.slope - g.slope
        var roots: [Double] = []
        // Lines parallel within the rounding of their slopes (``TransitionLine/isParallel(to:)``)
        // are parallel; meeting at T_2 as well, they are one line, and l − g is rounding alone.
        let parallel = l.isParallel(to: g)
        if parallel, abs(d2) <= l.rounding(at: t2K) + g.rounding(at: t2K) {
            return .none("T_f: the liquid line is the glass line within rounding (no step between them to match the area of)")
        }
        if parallel {
            if d2 != 0 { roots = [-area / d2] }
        } else {
            // Scaled by a power of two, which is exact and leaves the roots the same numbers, so that
            // b² − 4ac neither overflows nor underflows for heat flows of any magnitude (at 1e±155
            // it did, and T_f became the window's end).
            let m = max(abs(0.5 * delta), abs(d2), abs(area))
            let scale = m > 0 && m.isFinite ? Double(sign: .plus, exponent: -max(-1000, min(1000, m.exponent)), significand: 1) : 1
            let a = 0.5 * delta * scale, b = d2 * scale, cc = area * scale
            let disc = b * b - 4 * a * cc
            if disc >= 0 {
                let q = -0.5 * (b + (b >= 0 ? 1 : -1) * disc.squareRoot())
                if q != 0 { roots.append(cc / q) }
                roots.append(q / a)
            }
        }
        let lowU = t1K - t2K
        let inside = roots.filter { $0.isFinite && $0 >= lowU && $0 <= 0 }.map { t2K + $0 }
        guard !inside.isEmpty else {
            return .none("T_f: area matching has no root in [T_1, T_2] = [\(Format.shortNumber(t1K)), \(Format.shortNumber(t2K))] K")
        }
        let target = nearK ?? 0.5 * (t1K + t2K)
        var best = inside[0]
        for t in inside.dropFirst() where abs(t - target) < abs(best - target) { best = t }
        return .value(best)
    }
}
