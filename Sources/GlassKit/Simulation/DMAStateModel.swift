import GlassPlatform

/// A physical model of the complex Young's modulus of one thermal state of a metallic glass,
/// E*(f, T) = E_∞·[1 − A(T)·R_α(ωτ_α) − Δ_β(T)·R_β(ωτ_β)] (README of the sample study):
///
/// - α relaxation: τ_α is VFT above T_g, ln τ_α = −ln(2π f_α) + B/(T_f − T_0) + (E_g/k_B)(1/T − 1/T_f),
///   with the fictive temperature T_f = T_g + w·ln(1 + e^((T − T_g)/w)) (T_f → T above T_g, → T_g
///   below: an iso-structural glass with Arrhenius energy E_g). The shape is Havriliak–Negami with
///   high-frequency exponent χ(T) (paper eq. 2: χ_g + a1·(T − T_g) below T_g, + a2·(T − T_g)
///   above), so the wing E'' ∝ (ωτ_α)^−χ has the form of eq. 1, and low-frequency slope
///   max(a_low, χ). The loss maximum sits at ω = 1/τ_α and its height is the same at every T
///   (A(T) scales the shape), so the E''(T) maxima at a fixed f follow the VFT law exactly.
/// - β relaxation: Debye, τ_β Arrhenius with E_β; strength Δ_β(T) = Δ_β(367 K)·e^(−(E_s/k_B)(1/T − 1/367 K))
///   (thermally activated flow units). Such a strength shifts every E''(T) maximum by the same
///   amount in ln(ωτ_β), so the maxima still follow an Arrhenius line with exactly E_β; τ_β is
///   set so that the maximum at 2 Hz is at `betaPeakKAt2Hz`.
public struct DMAStateModel: Sendable, Equatable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min (nil for as-cast).
    public var coolingRateKPerMin: Double?
    /// Fully unrelaxed modulus E_∞, MPa.
    public var unrelaxedMPa: Double
    /// β activation energy E_β, eV.
    public var betaEnergyEV: Double
    /// Temperature of the β maximum of E''(T) at 2 Hz, K.
    public var betaPeakKAt2Hz: Double
    /// β strength Δ_β at 367 K (fraction of E_∞).
    public var betaStrength: Double
    /// Activation energy E_s of the β strength, eV.
    public var betaStrengthEnergyEV: Double
    /// VFT ln f_α (f_α in Hz).
    public var lnFAlpha: Double
    /// VFT B, K.
    public var bK: Double
    /// VFT T_0, K.
    public var t0K: Double
    /// Glass transition temperature T_g (kink of χ and of τ_α), K.
    public var tgK: Double
    /// Arrhenius energy of τ_α in the glass, eV.
    public var glassEnergyEV: Double
    /// Width w of the fictive-temperature transition, K.
    public var fictiveWidthK: Double
    /// χ at T_g.
    public var chiAtTg: Double
    /// dχ/dT below T_g, per K.
    public var a1PerK: Double
    /// dχ/dT above T_g, per K.
    public var a2PerK: Double
    /// α strength A at T_g (fraction of E_∞).
    public var alphaStrengthAtTg: Double
    /// Lowest low-frequency exponent of the α shape.
    public var alphaLowSlope: Double

    /// χ(T) of paper eq. 2 (SPEC §4.2), capped at 0.95.
    public func chi(atK t: Double) -> Double {
        min(0.95, t <= tgK ? chiAtTg + a1PerK * (t - tgK) : chiAtTg + a2PerK * (t - tgK))
    }

    /// T_f(T) = T_g + w·ln(1 + e^((T − T_g)/w)).
    public func fictiveK(atK t: Double) -> Double {
        let z = (t - tgK) / fictiveWidthK
        return tgK + fictiveWidthK * (z > 30 ? z : log1p(exp(z)))
    }

    /// ln τ_α(T), τ in s: the α loss maximum is at 2πf·τ_α = 1.
    public func lnTauAlpha(atK t: Double) -> Double {
        let tf = fictiveK(atK: t)
        return -log(2 * Double.pi) - lnFAlpha + bK / (tf - t0K) + glassEnergyEV / Units.boltzmannEVPerK * (1 / t - 1 / tf)
    }

    /// Frequency of the α loss maximum, ln Hz: the VFT law above T_g.
    public func lnAlphaPeakFrequency(atK t: Double) -> Double { -log(2 * Double.pi) - lnTauAlpha(atK: t) }

    /// The apparent β line of E''(T) maxima: ln f = ln 2 + (E_β/k_B)(1/T_β,2Hz − 1/T).
    public func lnBetaPeakFrequency(atK t: Double) -> Double {
        log(2.0) + betaEnergyEV / Units.boltzmannEVPerK * (1 / betaPeakKAt2Hz - 1 / t)
    }

    /// ln τ_β(T): shifted from the apparent line by atanh(E_s/E_β) (see the type's note).
    public func lnTauBeta(atK t: Double) -> Double {
        -log(2 * Double.pi) - lnBetaPeakFrequency(atK: t) - atanh(min(betaStrengthEnergyEV / betaEnergyEV, 0.99))
    }

    /// The α shape at T: a = max(a_low, χ), g = χ/a.
    public func alphaShape(atK t: Double) -> DMARelaxationShape {
        let c = chi(atK: t), a = max(alphaLowSlope, c)
        return DMARelaxationShape(a: a, g: c / a)
    }

    /// Storage and loss modulus, MPa, at f (Hz) and T (K).
    public func modulus(frequencyHz f: Double, temperatureK t: Double) -> (storageMPa: Double, lossMPa: Double) {
        let w = 2 * Double.pi * f
        let shape = alphaShape(atK: t)
        let c0 = max(alphaLowSlope, chiAtTg)
        let refShape = DMARelaxationShape(a: c0, g: chiAtTg / c0)
        let strength = alphaStrengthAtTg * refShape.peakLoss / shape.peakLoss
        let ra = shape.response(w * exp(lnTauAlpha(atK: t)) * shape.peakX)
        let beta = DMARelaxationShape(a: 1, g: 1).response(w * exp(lnTauBeta(atK: t)))
        let db = betaStrength * exp(-betaStrengthEnergyEV / Units.boltzmannEVPerK * (1 / t - 1 / 367.0))
        return (unrelaxedMPa * (1 - strength * ra.real - db * beta.real), unrelaxedMPa * (strength * ra.loss + db * beta.loss))
    }

    /// The decoupling temperature of the model: where the VFT α line overtakes the apparent β
    /// line (SPEC §4.2), found with the analysis's own root finder.
    public var decouplingK: Double? {
        let vft = VFTFit(lnFAlpha: lnFAlpha, bK: bK, t0K: t0K, stderr: nil, residualSumOfSquares: 0, count: 0, remark: nil)
        let b = ArrheniusFit(energyEV: betaEnergyEV, energyStderrEV: nil,
                             f0Hz: exp(log(2.0) + betaEnergyEV / (Units.boltzmannEVPerK * betaPeakKAt2Hz)), lnF0Stderr: nil, count: 0)
        return DecouplingTemperature.find(vft: vft, beta: b)
    }

    /// The VFT (f_α, B, T_0) through ln 2 Hz at `alphaPeakKAt2Hz` and meeting the apparent β line at
    /// `decouplingK`, for a given ln f_α: the way the paper-like states are parameterised.
    public static func vft(lnFAlpha: Double, alphaPeakKAt2Hz ta: Double, decouplingK tc: Double,
                           betaEnergyEV e: Double, betaPeakKAt2Hz tb: Double) -> (bK: Double, t0K: Double) {
        let yb = log(2.0) + e / Units.boltzmannEVPerK * (1 / tb - 1 / tc)
        let r = (lnFAlpha - log(2.0)) / (lnFAlpha - yb)      // (T_c − T_0)/(T_a − T_0)
        let t0 = (tc - r * ta) / (1 - r)
        return ((lnFAlpha - log(2.0)) * (ta - t0), t0)
    }

    /// A state with the sample study's common choices (README of the sample study): E_g = E_β − 0.27 eV (by default),
    /// E_s = 0.345·E_β, T_g = 425 K, f_α = 10^13 Hz, α maximum at 2 Hz at 465 K.
    public static func paperState(_ state: String, coolingRateKPerMin: Double?, unrelaxedMPa: Double, betaEnergyEV: Double,
                                  betaPeakKAt2Hz: Double, betaStrength: Double, decouplingK: Double, chiAtTg: Double,
                                  a1PerK: Double, a2PerK: Double, glassEnergyBelowBetaEV: Double = 0.27) -> DMAStateModel {
        let lnFA = log(1e13)
        let v = vft(lnFAlpha: lnFA, alphaPeakKAt2Hz: 465, decouplingK: decouplingK, betaEnergyEV: betaEnergyEV, betaPeakKAt2Hz: betaPeakKAt2Hz)
        return DMAStateModel(state: state, coolingRateKPerMin: coolingRateKPerMin, unrelaxedMPa: unrelaxedMPa,
                             betaEnergyEV: betaEnergyEV, betaPeakKAt2Hz: betaPeakKAt2Hz, betaStrength: betaStrength,
                             betaStrengthEnergyEV: 0.345 * betaEnergyEV, lnFAlpha: lnFA, bK: v.bK, t0K: v.t0K, tgK: 425,
                             glassEnergyEV: betaEnergyEV - glassEnergyBelowBetaEV, fictiveWidthK: 2, chiAtTg: chiAtTg, a1PerK: a1PerK, a2PerK: a2PerK,
                             alphaStrengthAtTg: 0.4, alphaLowSlope: 0.75)
    }

    /// The three states of the sample study (paper Table 1, Figs. 2–5): E_β 0.87 / 0.97 / 1.08 eV,
    /// T_c 562 / 575 / 590 K, a1 1.8 / 1.8 / 1.7·10⁻³, a2 6 / 4 / 3·10⁻³ per K.
    public static let paperStates: [DMAStateModel] = [
        paperState("as-cast", coolingRateKPerMin: nil, unrelaxedMPa: 36_000, betaEnergyEV: 0.87, betaPeakKAt2Hz: 367,
                   betaStrength: 0.004, decouplingK: 562, chiAtTg: 0.40, a1PerK: 1.8e-3, a2PerK: 6e-3),
        paperState("cooled-10", coolingRateKPerMin: 10, unrelaxedMPa: 36_600, betaEnergyEV: 1.08, betaPeakKAt2Hz: 372,
                   betaStrength: 0.002, decouplingK: 590, chiAtTg: 0.36, a1PerK: 1.7e-3, a2PerK: 3e-3),
        paperState("cooled-20", coolingRateKPerMin: 20, unrelaxedMPa: 36_300, betaEnergyEV: 0.97, betaPeakKAt2Hz: 369,
                   betaStrength: 0.003, decouplingK: 575, chiAtTg: 0.38, a1PerK: 1.8e-3, a2PerK: 4e-3, glassEnergyBelowBetaEV: 0.24),
    ]
}
