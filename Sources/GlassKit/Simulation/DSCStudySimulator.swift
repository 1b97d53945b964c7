// A whole simulated DSC study as in the paper's Fig. 1: an as-cast glass, the same glass cooled from
// the supercooled liquid at several rates, and the crystalline "Run2" baseline, all heated at 20 K/min;
// with a crystallisation exotherm, seeded Gaussian noise, a small linear drift, and the noise-free
// ground truth ΔH_rej per state (SPEC §3, both readings).
//
// Instrument effects (each file independently, seeded):
// - noise: white Gaussian, σ = `DSCNoiseModel.sigmaWPerG` per point;
// - drift: offset + slope·(T − T_start), offset and slope uniform in ±max.
// A linear drift is removed exactly by the "linear" (chord) baseline, so the chord reading of the
// noisy files differs from the ground truth only by noise. The "state:" reading subtracts two runs
// with different drifts: with the defaults the drift adds at most ≈ 0.1 J/g (typically 0.03 J/g).
//
// Reproducibility: the noise comes from SplitMix64 and the Marsaglia polar method with a logarithm
// written in basic IEEE arithmetic, so the noise sequence for a seed is the same bytes on every
// platform; the physics uses the platform's exp/log/pow (identical on one platform, equal to
// within a few ulp elsewhere).

import GlassPlatform

/// A JMAK-shaped crystallisation exotherm on heating.
///
/// With u(T) = exp[E/R·(1/T_p − 1/T)]·(T/T_p)² (Ozawa's approximation of ∫k dt, scaled so u(T_p) = 1),
/// the crystallised fraction is x = 1 − exp(−uⁿ) and the heat flow −ΔH_x·β_h·dx/dT peaks at T_p.
public struct CrystallizationExotherm: Sendable, Equatable {
    /// Peak temperature at the simulated heating rate, K.
    public var peakK: Double
    /// Heat released by full crystallisation, J/g (positive).
    public var enthalpyJPerG: Double
    /// Avrami exponent n.
    public var avramiExponent: Double
    /// Activation energy over R, K (sets the width: larger is sharper).
    public var activationOverRK: Double

    /// An exotherm with the given shape.
    public init(peakK: Double = 545, enthalpyJPerG: Double = 35, avramiExponent: Double = 2.5, activationOverRK: Double = 36_000) {
        self.peakK = peakK
        self.enthalpyJPerG = enthalpyJPerG
        self.avramiExponent = avramiExponent
        self.activationOverRK = activationOverRK
    }

    /// The peak temperature at `rate` of an exotherm that peaks at `peakK` at `referenceRate`
    /// (K/min): Kissinger's relation ln(β/T_p²) + (E/R)/T_p = const, solved by Newton's method
    /// (`peakK` itself at the reference rate). The simulated peak moves with the heating rate as a
    /// thermally activated crystallisation's does (about 6 K lower at 10 than at 20 K/min here).
    public static func kissingerPeakK(_ peakK: Double, atKPerMin referenceRate: Double, forKPerMin rate: Double,
                                      activationOverRK e: Double) -> Double {
        guard rate != referenceRate, rate > 0, referenceRate > 0, peakK > 0, e > 0 else { return peakK }
        let c = log(referenceRate / (peakK * peakK)) + e / peakK
        var t = peakK
        for _ in 0..<50 {
            let f = log(rate / (t * t)) + e / t - c
            let step = f / (-2 / t - e / (t * t))
            t -= step
            if abs(step) <= 1e-12 * t { break }
        }
        return t
    }

    /// Crystallised fraction x(T), 0…1.
    public func transformedFraction(atK temperatureK: Double) -> Double {
        guard temperatureK > 0 else { return 0 }
        return -expm1(-pow(scaledTime(temperatureK), avramiExponent))
    }

    /// Heat flow of the exotherm in W/g, endo-up (so ≤ 0), at `heatingRateKPerMin`.
    public func heatFlowWPerG(atK temperatureK: Double, heatingRateKPerMin: Double) -> Double {
        guard temperatureK > 0 else { return 0 }
        let un = pow(scaledTime(temperatureK), avramiExponent)
        let dLnU = activationOverRK / (temperatureK * temperatureK) + 2 / temperatureK
        let dxdT = avramiExponent * un * exp(-un) * dLnU
        return -enthalpyJPerG * heatingRateKPerMin / 60 * dxdT
    }

    /// The model's crystallization onset T_x at `heatingRateKPerMin`, K: the tangent at the steepest
    /// descent of the exotherm's heat flow (below its peak) meets the zero line — the §3.1 construction
    /// on the exotherm alone, on a 0.001 K grid with exact derivatives. Nil for a degenerate shape.
    public func onsetK(heatingRateKPerMin: Double) -> Double? {
        guard peakK > 0, heatingRateKPerMin > 0 else { return nil }
        // dW/dT by a central difference of the closed form (h = 1e-4 K: error ≈ h²·W‴/6, negligible).
        func slope(_ t: Double) -> Double {
            (heatFlowWPerG(atK: t + 1e-4, heatingRateKPerMin: heatingRateKPerMin)
                - heatFlowWPerG(atK: t - 1e-4, heatingRateKPerMin: heatingRateKPerMin)) / 2e-4
        }
        var best = peakK, bestSlope = 0.0
        var t = peakK - 60
        while t < peakK {
            let s = slope(t)
            if s < bestSlope { bestSlope = s; best = t }
            t += 0.001
        }
        guard bestSlope < 0 else { return nil }
        let onset = best - heatFlowWPerG(atK: best, heatingRateKPerMin: heatingRateKPerMin) / bestSlope
        return onset.isFinite ? onset : nil
    }

    private func scaledTime(_ temperatureK: Double) -> Double {
        let ratio = temperatureK / peakK
        return exp(activationOverRK * (1 / peakK - 1 / temperatureK)) * ratio * ratio
    }
}

/// White noise and linear drift added to each simulated file.
public struct DSCNoiseModel: Sendable, Equatable {
    /// Standard deviation of the white noise, W/g.
    public var sigmaWPerG: Double
    /// Largest drift offset at the start temperature, W/g (drawn uniformly in ±).
    public var maxOffsetWPerG: Double
    /// Largest drift slope, W/(g K) (drawn uniformly in ±).
    public var maxSlopeWPerGK: Double

    /// A noise model; the defaults are a quiet heat-flux DSC with a 25 mg sample.
    public init(sigmaWPerG: Double = 1e-4, maxOffsetWPerG: Double = 1e-4, maxSlopeWPerGK: Double = 5e-7) {
        self.sigmaWPerG = sigmaWPerG
        self.maxOffsetWPerG = maxOffsetWPerG
        self.maxSlopeWPerGK = maxSlopeWPerGK
    }

    /// No noise and no drift.
    public static let none = DSCNoiseModel(sigmaWPerG: 0, maxOffsetWPerG: 0, maxSlopeWPerGK: 0)
}

/// Everything that defines a simulated study.
public struct DSCStudyConfiguration: Sendable, Equatable {
    /// Material parameters of the glass.
    public var parameters: TNMParameters
    /// Composition written into the files (and used for the molar mass).
    public var composition: String
    /// Molar mass override, g/mol; nil → from `composition`.
    public var molarMassOverride: Double?
    /// Sample mass written into the files, mg.
    public var sampleMassMg: Double
    /// Quench rate of the as-cast glass, K/min.
    public var asCastQuenchRateKPerMin: Double
    /// Cooling rates of the states cooled from the supercooled liquid, K/min.
    public var coolingRatesKPerMin: [Double]
    /// Temperature in the supercooled liquid reached before cooling, K.
    public var supercooledLiquidK: Double
    /// Heating rate of every measuring scan, K/min.
    public var heatingRateKPerMin: Double
    /// First temperature of every scan, K.
    public var startK: Double
    /// Last temperature of the as-cast and crystalline scans, K.
    public var endK: Double
    /// Last temperature of the cooled states' scans (stopped in the supercooled liquid), K.
    public var cooledStateEndK: Double
    /// Sampling step of the files, K.
    public var stepK: Double
    /// Crystallisation exotherm on the as-cast's first heating; nil for none.
    public var crystallization: CrystallizationExotherm?
    /// Also put the exotherm on the cooled states' scans (where their range reaches it).
    public var crystallizeCooledStates: Bool
    /// Instrument noise and drift.
    public var noise: DSCNoiseModel
    /// Seed of the noise.
    public var seed: UInt64
    /// Lower integration bound for the ground truth, K.
    public var tsK: Double
    /// Upper integration bound for the ground truth, K.
    public var teK: Double

    /// A configuration; the defaults reproduce the paper's Fig. 1 set-up for La30Ce30Ni10Al20Co10.
    public init(parameters: TNMParameters = .la30ce30ni10al20co10,
                composition: String = "La30Ce30Ni10Al20Co10",
                molarMassOverride: Double? = nil,
                sampleMassMg: Double = 25.1,
                asCastQuenchRateKPerMin: Double = 1e4,
                coolingRatesKPerMin: [Double] = [1, 5, 10, 20],
                supercooledLiquidK: Double = 490,
                heatingRateKPerMin: Double = 20,
                startK: Double = 300,
                endK: Double = 600,
                cooledStateEndK: Double = 520,
                stepK: Double = 0.1,
                crystallization: CrystallizationExotherm? = CrystallizationExotherm(),
                crystallizeCooledStates: Bool = false,
                noise: DSCNoiseModel = DSCNoiseModel(),
                seed: UInt64 = 2023,
                tsK: Double = 420,
                teK: Double = 500) {
        self.parameters = parameters
        self.composition = composition
        self.molarMassOverride = molarMassOverride
        self.sampleMassMg = sampleMassMg
        self.asCastQuenchRateKPerMin = asCastQuenchRateKPerMin
        self.coolingRatesKPerMin = coolingRatesKPerMin
        self.supercooledLiquidK = supercooledLiquidK
        self.heatingRateKPerMin = heatingRateKPerMin
        self.startK = startK
        self.endK = endK
        self.cooledStateEndK = cooledStateEndK
        self.stepK = stepK
        self.crystallization = crystallization
        self.crystallizeCooledStates = crystallizeCooledStates
        self.noise = noise
        self.seed = seed
        self.tsK = tsK
        self.teK = teK
    }
}

/// One simulated measurement file: metadata as in SPEC §2.1 and the curves.
public struct SimulatedDSCFile: Sendable, Equatable {
    /// Whether a file is a glass sample or the crystalline baseline.
    public enum Role: String, Sendable, Equatable {
        /// A glass sample ("Run1").
        case sample
        /// The fully crystallised alloy ("Run2").
        case crystalline
    }

    /// State label: `as-cast`, `cooled-10`, … or `crystalline`.
    public let state: String
    /// Preceding cooling rate from the supercooled liquid, K/min (nil for as-cast and crystalline).
    public let coolingRateKPerMin: Double?
    /// Sample or crystalline baseline.
    public let role: Role
    /// Heating rate of the scan, K/min.
    public let heatingRateKPerMin: Double
    /// Composition text.
    public let composition: String
    /// Sample mass, mg.
    public let massMg: Double
    /// Temperatures, K.
    public let temperatureK: [Double]
    /// Measured heat flow (noise and drift included), W/g, endo-up.
    public let heatFlowWPerG: [Double]
    /// The same heat flow without noise and drift, W/g, endo-up.
    public let noiseFreeHeatFlowWPerG: [Double]
    /// Fictive temperature along the scan, K (empty for the crystalline run).
    public let fictiveTemperatureK: [Double]

    /// The model's T_g on this heating scan, K: the first temperature where dT_f/dT (central
    /// differences of the noise-free fictive temperature) reaches 1/2 — where half of the liquid's
    /// extra heat capacity is switched on, the physical counterpart of the DSC midpoint. Linear
    /// interpolation between points; nil for a crystalline run or no crossing.
    public var modelMidpointTgK: Double? {
        let t = temperatureK, f = fictiveTemperatureK
        guard f.count == t.count, t.count >= 3 else { return nil }
        var previous: (Double, Double)?
        for k in 1..<(t.count - 1) {
            let d = (f[k + 1] - f[k - 1]) / (t[k + 1] - t[k - 1])
            if d >= 0.5 {
                guard let (tp, dp) = previous else { return t[k] }
                return tp + (0.5 - dp) * (t[k] - tp) / (d - dp)
            }
            previous = (t[k], d)
        }
        return nil
    }

    /// A relative path for the file in a study directory, e.g. `dsc/cooled-10.csv`.
    public var suggestedPath: String { "dsc/\(state).csv" }

    /// The file in the native delimited format of SPEC §2.1 (T with 3 decimals, W with 7).
    /// The run as text for `RunWriter` (native or NETZSCH).
    public var runText: DSCRunText {
        DSCRunText(state: state, coolingRateKPerMin: coolingRateKPerMin, role: role == .sample ? .sample : .crystalline,
                   heatingRateKPerMin: heatingRateKPerMin, composition: composition, massMg: massMg,
                   temperatureK: temperatureK, heatFlowWPerG: heatFlowWPerG)
    }

    /// SPEC §2.1 native format (12 significant digits: the chord ends of a near-zero ΔH_rej need them).
    public func nativeText() -> String {
        RunWriter.native(runText, digits: 12)
    }
}

/// Noise-free ΔH_rej of one sample state for the study's T_s, T_e and heating rate (SPEC §3).
public struct DSCStateGroundTruth: Sendable, Equatable {
    /// State label.
    public let state: String
    /// Preceding cooling rate, K/min (nil for as-cast).
    public let coolingRateKPerMin: Double?
    /// T_f of the glass before the measuring scan, K.
    public let frozenFictiveTemperatureK: Double
    /// "linear" baseline reading on W = Run1 − Run2, J/g.
    public let linearJPerG: Double
    /// "state:as-cast" reading, J/g.
    public let versusAsCastJPerG: Double
    /// `linearJPerG` in kJ/mol (nil without a molar mass).
    public let linearKJPerMol: Double?
    /// `versusAsCastJPerG` in kJ/mol (nil without a molar mass).
    public let versusAsCastKJPerMol: Double?
}

/// The files and the ground truth of one simulated study.
public struct SimulatedDSCStudy: Sendable, Equatable {
    /// As-cast, cooled states by increasing cooling rate, then the crystalline run.
    public let files: [SimulatedDSCFile]
    /// One entry per sample state, in the order of `files`.
    public let groundTruth: [DSCStateGroundTruth]
    /// Molar mass used for kJ/mol, g/mol (nil when the composition does not parse and no override is given).
    public let molarMass: Double?
    /// The configuration the study was made from.
    public let configuration: DSCStudyConfiguration

    /// The model's crystallization onset T_x at the scans' heating rate, K (nil without an exotherm).
    public var crystallizationOnsetK: Double? {
        configuration.crystallization?.onsetK(heatingRateKPerMin: configuration.heatingRateKPerMin)
    }
}

/// Assembles a simulated DSC study (see file header).
public enum DSCStudySimulator {
    /// The reference state of the "state:" ground truth.
    public static let referenceState = "as-cast"

    /// Simulates the as-cast state, one state per cooling rate (increasing) and the crystalline run.
    /// Invalid numbers (non-positive rates or step, end before start) give empty curves, never a crash.
    public static func simulate(_ c: DSCStudyConfiguration) -> SimulatedDSCStudy {
        let engine = TNMEngine(c.parameters)
        let molarMass = c.molarMassOverride ?? (try? Composition(c.composition))?.molarMass
        var histories: [(state: String, rate: Double?, history: ThermalHistory)] =
            [(referenceState, nil, .asCast(quenchRateKPerMin: c.asCastQuenchRateKPerMin))]
        for rate in c.coolingRatesKPerMin.sorted() {
            histories.append((StatesByCoolingRate.label(rate), rate,
                              .cooledFromSupercooledLiquid(coolingRateKPerMin: rate, fromK: c.supercooledLiquidK)))
        }

        var files: [SimulatedDSCFile] = []
        var windows: [(window: TNMEngine.EnthalpyWindow, exotherm: ExothermWindow)] = []
        for (index, entry) in histories.enumerated() {
            let glass = engine.glass(after: entry.history)
            var scanState = glass
            let isAsCast = entry.rate == nil
            let run = engine.scan(&scanState, heatingRateKPerMin: c.heatingRateKPerMin, startK: c.startK,
                                  endK: isAsCast ? c.endK : c.cooledStateEndK, stepK: c.stepK)
            let exotherm = (isAsCast || c.crystallizeCooledStates) ? c.crystallization : nil
            var clean = run.heatFlowWPerG
            if let exotherm {
                // The crystallised fraction x takes the crystal's heat capacity (W → β·Cp_crystal after
                // crystallization) and releases ΔH_x: W = (1 − x)·W_TNM + x·β·Cp_crystal + W_exo.
                let rate = c.heatingRateKPerMin / 60
                for (k, t) in run.temperatureK.enumerated() {
                    let x = exotherm.transformedFraction(atK: t)
                    clean[k] = (1 - x) * clean[k] + x * rate * c.parameters.cpCrystal.value(atK: t)
                        + exotherm.heatFlowWPerG(atK: t, heatingRateKPerMin: c.heatingRateKPerMin)
                }
            }
            files.append(SimulatedDSCFile(
                state: entry.state, coolingRateKPerMin: entry.rate, role: .sample,
                heatingRateKPerMin: c.heatingRateKPerMin, composition: c.composition, massMg: c.sampleMassMg,
                temperatureK: run.temperatureK,
                heatFlowWPerG: addInstrument(clean, temperatureK: run.temperatureK, startK: c.startK,
                                             noise: c.noise, seed: c.seed, fileIndex: index),
                noiseFreeHeatFlowWPerG: clean, fictiveTemperatureK: run.fictiveTemperatureK))
            windows.append((engine.enthalpyWindow(glass, heatingRateKPerMin: c.heatingRateKPerMin, startK: c.startK,
                                                  tsK: c.tsK, teK: c.teK),
                            ExothermWindow(exotherm, tsK: c.tsK, teK: c.teK, heatingRateKPerMin: c.heatingRateKPerMin)))
        }

        let crystal = TNMSimulator.crystallineScan(c.parameters, heatingRateKPerMin: c.heatingRateKPerMin,
                                                   startK: c.startK, endK: c.endK, stepK: c.stepK)
        files.append(SimulatedDSCFile(
            state: "crystalline", coolingRateKPerMin: nil, role: .crystalline,
            heatingRateKPerMin: c.heatingRateKPerMin, composition: c.composition, massMg: c.sampleMassMg,
            temperatureK: crystal.temperatureK,
            heatFlowWPerG: addInstrument(crystal.heatFlowWPerG, temperatureK: crystal.temperatureK, startK: c.startK,
                                         noise: c.noise, seed: c.seed, fileIndex: histories.count),
            noiseFreeHeatFlowWPerG: crystal.heatFlowWPerG, fictiveTemperatureK: []))

        let cpCrystal = c.parameters.cpCrystal
        let span = c.teK - c.tsK
        var truths: [DSCStateGroundTruth] = []
        for (entry, window) in zip(histories, windows) {
            // SPEC §3 "linear": W = Run1 − Run2, chord through the ends.
            let integral = window.window.enthalpyChange - cpCrystal.integral(fromK: c.tsK, toK: c.teK) + window.exotherm.integralJPerG
            let startValue = window.window.cpAtStart - cpCrystal.value(atK: c.tsK) + window.exotherm.startPerK
            let endValue = window.window.cpAtEnd - cpCrystal.value(atK: c.teK) + window.exotherm.endPerK
            let linear = span > 0 ? integral - 0.5 * (startValue + endValue) * span : 0
            // SPEC §3 "state:as-cast": ∫(W − W_as-cast)/β.
            let reference = windows[0]
            let versus = (window.window.enthalpyChange + window.exotherm.integralJPerG)
                - (reference.window.enthalpyChange + reference.exotherm.integralJPerG)
            truths.append(DSCStateGroundTruth(
                state: entry.state, coolingRateKPerMin: entry.rate,
                frozenFictiveTemperatureK: window.window.frozenFictiveK,
                linearJPerG: linear, versusAsCastJPerG: versus,
                linearKJPerMol: molarMass.map { linear * $0 / 1000 },
                versusAsCastKJPerMol: molarMass.map { versus * $0 / 1000 }))
        }
        return SimulatedDSCStudy(files: files, groundTruth: truths, molarMass: molarMass, configuration: c)
    }

    /// Adds seeded drift and white noise to one curve (file index selects an independent stream).
    static func addInstrument(_ clean: [Double], temperatureK: [Double], startK: Double, noise: DSCNoiseModel,
                              seed: UInt64, fileIndex: Int) -> [Double] {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: fileIndex) &* 0xD1B5_4A32_D192_ED03))
        var generator = SplitMix64(seed: mixer.next())
        let offset = (2 * generator.nextUniform() - 1) * noise.maxOffsetWPerG
        let slope = (2 * generator.nextUniform() - 1) * noise.maxSlopeWPerGK
        var out = clean
        for k in out.indices {
            out[k] += offset + slope * (temperatureK[k] - startK) + noise.sigmaWPerG * generator.nextGaussian()
        }
        return out
    }
}

/// The crystallisation exotherm's share of the ground-truth integrals over [T_s, T_e], per β_h.
private struct ExothermWindow {
    /// (1/β_h)∫ W_exo dT, J/g (≤ 0).
    let integralJPerG: Double
    /// W_exo/β_h at T_s and T_e, J/(g K).
    let startPerK: Double
    let endPerK: Double

    init(_ exotherm: CrystallizationExotherm?, tsK: Double, teK: Double, heatingRateKPerMin: Double) {
        guard let exotherm, heatingRateKPerMin > 0 else {
            integralJPerG = 0
            startPerK = 0
            endPerK = 0
            return
        }
        let rate = heatingRateKPerMin / 60
        integralJPerG = -exotherm.enthalpyJPerG
            * (exotherm.transformedFraction(atK: teK) - exotherm.transformedFraction(atK: tsK))
        startPerK = exotherm.heatFlowWPerG(atK: tsK, heatingRateKPerMin: heatingRateKPerMin) / rate
        endPerK = exotherm.heatFlowWPerG(atK: teK, heatingRateKPerMin: heatingRateKPerMin) / rate
    }
}
