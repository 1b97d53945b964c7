import Foundation

/// The decoupling temperature T_c of SPEC §4.2.
public enum DecouplingTemperature {
    /// Highest temperature searched, K (SPEC §4.2).
    public static let searchLimitK = 2000.0
    /// Bracketing step of the scan, K.
    public static let scanStepK = 0.25
    /// Root tolerance, K (SPEC §4.2).
    public static let toleranceK = 1e-6

    /// The lowest T > T_0 where g(T) = [ln f_α − B/(T − T_0)] − [ln f_β − E_β/(k_B T)] changes sign
    /// from − to + (SPEC §4.2): a scan in steps of 0.25 K from just above T_0 brackets the first
    /// such change, then bisection narrows it to 1e-6 K. Nil when there is none up to 2000 K.
    public static func find(vft: VFTFit, beta: ArrheniusFit) -> Double? {
        func g(_ t: Double) -> Double { vft.lnFrequency(atK: t) - beta.lnFrequency(atK: t) }
        var a = max(vft.t0K, 0) + 1e-6
        guard a < searchLimitK else { return nil }
        var ga = g(a)
        while a < searchLimitK {
            let b = min(a + scanStepK, searchLimitK)
            let gb = g(b)
            if ga < 0, gb >= 0 {
                var lo = a, hi = b
                while hi - lo > toleranceK {
                    let mid = 0.5 * (lo + hi)
                    if g(mid) < 0 { lo = mid } else { hi = mid }
                }
                return 0.5 * (lo + hi)
            }
            a = b; ga = gb
        }
        return nil
    }
}
