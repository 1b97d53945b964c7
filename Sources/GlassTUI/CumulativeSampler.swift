import GlassKit

/// ΔH_rej(T_s → T) of one curve at any T in [T_s, T_e] in O(log n), for drawing the
/// cumulative curve at screen resolution. The same integral as
/// `RejuvenationEnthalpy.cumulative` (SPEC §3): the chord is linear, so its trapezoid area
/// is exact and subtracted in closed form.
public enum CumulativeSampler {
    /// ΔH_rej(T_s → t) in J/g, or nil outside the data.
    public static func value(_ c: DSCCurve, tsK: Double, teK: Double, atK t: Double, baseline: DSCBaseline,
                             difference: CumulativeTrapezoid?) -> Double? {
        let curve = difference ?? c.curve
        guard tsK < teK, t >= tsK, t <= teK, let raw = curve.integral(from: tsK, to: t) else { return nil }
        var chordArea = 0.0
        if baseline == .linear {
            guard let ws = curve.value(at: tsK), let we = curve.value(at: teK) else { return nil }
            let at = ws + (we - ws) * (t - tsK) / (teK - tsK)
            chordArea = 0.5 * (t - tsK) * (ws + at)
        }
        return (raw - chordArea) / (c.heatingRateKPerMin / 60)
    }
}
