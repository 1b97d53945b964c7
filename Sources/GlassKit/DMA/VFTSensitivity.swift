import GlassPlatform

/// How far the VFT fit's B, T_0 and ln f_α (and the T_c it gives) can move when each α peak
/// temperature is off by up to ``peakErrorK`` (docs/diagnostics.md, `vft_ill_conditioned`).
///
/// The standard errors of a VFT only measure the scatter of ln f about the fitted curve. The peak
/// search errs smoothly from one frequency to the next (the parabola's vertex against a peak that
/// is not one), which a VFT over few decades absorbs into its parameters with small residuals:
/// B then lies many standard errors from the truth. This is the linearised least-squares response
/// to such errors, δp = (JᵀJ)⁻¹Jᵀ·D·δT, with J the model's Jacobian in (ln f_α, B, T_0) at the
/// fit and D = diag(∂ln f/∂T) = diag(B/(T_i − T_0)²); each parameter's worst case over
/// |δT_i| ≤ δ is δ·Σ_i |G_ki|, G = (JᵀJ)⁻¹JᵀD.
public struct VFTSensitivity: Sendable, Equatable {
    /// δ, K: the peak-temperature error assumed. The peak search errs by up to 0.065 K on
    /// noise-free 1-K scans of Gaussian α peaks (a ground-truth probe; real scans, with noise,
    /// do worse), so 0.1 K is a floor of what the peaks can be trusted to, not a pessimism.
    public static let peakErrorK = 0.1
    /// The diagnostic's threshold: a worst-case |ΔB| beyond this fraction of B. The paper-like
    /// studies (α peaks over 2.5–3.2 decades, 6 scans and the isotherms) reach 0.22–0.30; six
    /// scans over 0.5–16 Hz (1.5 decades) 0.47–2.1, with B off by up to 49 of its standard errors.
    public static let largestRelativeB = 0.4

    /// Worst-case |Δ ln f_α|.
    public var lnFAlpha: Double
    /// Worst-case |ΔB|, K.
    public var bK: Double
    /// Worst-case |ΔT_0|, K.
    public var t0K: Double
    /// Worst-case |ΔT_c|, K, from the α peaks alone (the β fit held fixed); nil without a T_c.
    public var tcK: Double?
    /// The δ used, K.
    public var peakErrorK: Double

    /// The fitted B the shifts are compared with, K.
    public var bKFitted: Double

    /// True when B can move by more than ``largestRelativeB`` of itself.
    public var illConditioned: Bool { bK > Self.largestRelativeB * bKFitted }

    /// The worst-case shifts of `fit` (fitted to the α pairs at `temperaturesK`) for peak errors of
    /// up to `errorK`, and of T_c (the crossing of `fit` with `beta` at `tcK`) when both are given.
    /// Nil when B ≤ 0 or the Jacobian is rank-deficient (T_0 undetermined: the fit says so itself).
    public static func of(_ fit: VFTFit, temperaturesK t: [Double], tcK: Double? = nil, beta: ArrheniusFit? = nil,
                          errorK: Double = peakErrorK) -> VFTSensitivity? {
        let n = t.count
        guard n >= 3, fit.bK > 0, t.allSatisfy({ $0 > fit.t0K }) else { return nil }
        let design = t.map { ti -> [Double] in
            let u = 1 / (ti - fit.t0K)
            return [1, -u, -fit.bK * u * u]
        }
        // Column i of G: the least-squares response of the parameters to ln f_i moved by D_ii.
        var worst = [0.0, 0.0, 0.0], worstTc = 0.0
        let tcGradient: [Double]? = tcK.flatMap { tc -> [Double]? in
            guard let b = beta, tc > fit.t0K else { return nil }
            let v = tc - fit.t0K
            let slope = fit.bK / (v * v) - b.energyEV / (Units.boltzmannEVPerK * tc * tc)  // g'(T_c)
            guard slope != 0, slope.isFinite else { return nil }
            // dT_c/dp = −(∂g/∂p)/g'(T_c), ∂g/∂(ln f_α, B, T_0) = (1, −1/v, −B/v²).
            return [-1 / slope, 1 / (v * slope), fit.bK / (v * v * slope)]
        }
        // One factorization for the n responses (each fit alone refactored the same design: a
        // third of the DMA states' final evaluation).
        guard let factored = LeastSquares.Factored(design: design) else { return nil }
        for i in 0..<n {
            let u = 1 / (t[i] - fit.t0K)
            var e = [Double](repeating: 0, count: n)
            e[i] = fit.bK * u * u
            guard let g = factored.values(e) else { return nil }
            for k in 0..<3 { worst[k] += abs(g[k]) }
            if let d = tcGradient { worstTc += abs(d[0] * g[0] + d[1] * g[1] + d[2] * g[2]) }
        }
        guard worst.allSatisfy({ $0.isFinite }) else { return nil }
        return VFTSensitivity(lnFAlpha: errorK * worst[0], bK: errorK * worst[1], t0K: errorK * worst[2],
                              tcK: tcGradient == nil || !worstTc.isFinite ? nil : errorK * worstTc, peakErrorK: errorK,
                              bKFitted: fit.bK)
    }
}
