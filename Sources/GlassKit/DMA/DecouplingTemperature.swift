import GlassPlatform

/// The decoupling temperature T_c of SPEC §4.2.
public enum DecouplingTemperature {
    /// Highest temperature searched, K (SPEC §4.2).
    public static let searchLimitK = 2000.0
    /// Bracketing step of the scan, K.
    public static let scanStepK = 0.25
    /// Root tolerance, K (SPEC §4.2).
    public static let toleranceK = 1e-6
    /// Coverage factor of the uncertainty band: a difference of the lines beyond 2 standard errors
    /// (≈ 95 %) is a real one.
    public static let coverageFactor = 2.0
    /// Relative rounding floor: lines that agree to 1e-6 of |ln f| (a frequency ratio of 1 + 3e-5
    /// at ln f ≈ 30) are the same line, whatever the fits' standard errors say.
    public static let roundingFloor = 1e-6

    /// What the search found: the T_c (nil when none) and the − to + sign changes of g that were
    /// rejected as noise (the lines within their uncertainty on both sides), in order.
    public struct Outcome: Sendable, Equatable {
        /// The decoupling temperature, K.
        public var tcK: Double?
        /// Sign changes below `tcK` (or all, when it is nil) that were not clear.
        public var rejectedK: [Double]
    }

    /// The lowest T > T_0 where g(T) = [ln f_α − B/(T − T_0)] − [ln f_β − E_β/(k_B T)] changes sign
    /// from − to + (SPEC §4.2) clearly; nil when there is none up to 2000 K. See ``search(vft:beta:)``.
    public static func find(vft: VFTFit, beta: ArrheniusFit) -> Double? {
        search(vft: vft, beta: beta).tcK
    }

    /// A scan in steps of 0.25 K from just above T_0 brackets each − to + sign change of g, and
    /// bisection narrows it to 1e-6 K. A sign change counts only when it is clear (issue 7): with
    /// ε(T) = 1e-6·(1 + |ln f_VFT(T)| + |ln f_β(T)|) the rounding floor and σ(T) the standard error
    /// of g (both fits' covariances, delta method, the fits taken as independent; a fit without a
    /// covariance adds nothing), over the scan points of the negative run of g that ends at the
    /// change and of the positive run that starts there,
    ///   1. g < −ε somewhere on the negative run and g > +ε somewhere on the positive run, and
    ///   2. |g| > 2σ + ε somewhere on either run (the lines differ beyond their uncertainty).
    /// Coinciding lines (both fits on the same peaks) fail 1 or 2; the first clear change is T_c.
    public static func search(vft: VFTFit, beta: ArrheniusFit) -> Outcome {
        func g(_ t: Double) -> Double { vft.lnFrequency(atK: t) - beta.lnFrequency(atK: t) }
        func floor(_ t: Double) -> Double {
            roundingFloor * (1 + abs(vft.lnFrequency(atK: t)) + abs(beta.lnFrequency(atK: t)))
        }
        func sigma(_ t: Double) -> Double {
            let a = standardError(vft, atK: t) ?? 0, b = standardError(beta, atK: t) ?? 0
            return (a * a + b * b).squareRoot()
        }
        let start = max(vft.t0K, 0) + 1e-6
        guard start.isFinite, start < searchLimitK else { return Outcome(tcK: nil, rejectedK: []) }
        // The scan points and g there.
        var ts: [Double] = [start]
        while let last = ts.last, last < searchLimitK { ts.append(min(last + scanStepK, searchLimitK)) }
        let gs = ts.map(g)
        var rejected: [Double] = []
        for i in 0..<(ts.count - 1) where gs[i] < 0 && gs[i + 1] >= 0 {
            var lo = ts[i], hi = ts[i + 1]
            while hi - lo > toleranceK {
                let mid = 0.5 * (lo + hi)
                if g(mid) < 0 { lo = mid } else { hi = mid }
            }
            let root = 0.5 * (lo + hi)
            // The negative run ending at i and the positive run starting at i + 1.
            var below = i
            while below > 0, gs[below - 1] < 0 { below -= 1 }
            var above = i + 1
            while above + 1 < ts.count, gs[above + 1] > 0 { above += 1 }
            let negative = below...i, positive = (i + 1)...above
            let leavesFloorBelow = negative.contains { gs[$0] < -floor(ts[$0]) }
            let leavesFloorAbove = positive.contains { gs[$0] > floor(ts[$0]) }
            let beyondBand = (below...above).contains { abs(gs[$0]) > coverageFactor * sigma(ts[$0]) + floor(ts[$0]) }
            if leavesFloorBelow && leavesFloorAbove && beyondBand { return Outcome(tcK: root, rejectedK: rejected) }
            rejected.append(root)
        }
        return Outcome(tcK: nil, rejectedK: rejected)
    }

    /// Standard error of the Arrhenius line's ln f at T from its covariance; nil without one (n = 2).
    public static func standardError(_ b: ArrheniusFit, atK t: Double) -> Double? {
        guard let seA = b.lnF0Stderr, let seE = b.energyStderrEV, let cov = b.lnF0SlopeCovariance, t > 0 else { return nil }
        let seSlope = seE / Units.boltzmannEVPerK, x = 1 / t
        let v = seA * seA + x * x * seSlope * seSlope + 2 * x * cov
        return v >= 0 && v.isFinite ? v.squareRoot() : nil
    }

    /// Standard error of the VFT curve's ln f at T (> T_0) from its covariance; nil without one.
    public static func standardError(_ f: VFTFit, atK t: Double) -> Double? {
        guard let c = f.covariance, c.count == 3, c.allSatisfy({ $0.count == 3 }), t > f.t0K else { return nil }
        let u = 1 / (t - f.t0K)
        let j = [1, -u, -f.bK * u * u]    // ∂ ln f / ∂(ln f_α, B, T_0)
        var v = 0.0
        for r in 0..<3 { for s in 0..<3 { v += j[r] * c[r][s] * j[s] } }
        return v >= 0 && v.isFinite ? v.squareRoot() : nil
    }
}
