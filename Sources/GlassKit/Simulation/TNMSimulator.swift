// Tool–Narayanaswamy–Moynihan (TNM) enthalpy relaxation with KWW kinetics: a physical DSC simulator.
//
// Model
// - Relaxation time (TNM):  τ(T, T_f) = A · exp[ x·Δh/(R T) + (1 − x)·Δh/(R T_f) ],
//   with ln A fixed by the equilibrium time τ_ref at T = T_f = T_ref.
// - Non-exponential (KWW) response φ(t) = exp[−(t/τ)^β] as a Prony series
//   φ(t) ≈ Σ g_i exp(−t/(λ_i τ)), Σ g_i = 1 (see `PronySeries`). Each mode has its own fictive
//   temperature:  dT_f,i/dt = (T − T_f,i)/(λ_i τ(T, T_f)),   T_f = Σ g_i T_f,i.
// - Integration: temperature steps of at most `TNMSimulator.maximumInternalStepK` (0.1 K). Over one
//   step the ramp T(t) is linear and τ is frozen at the step's midpoint temperature and mid-step
//   T_f (predictor–corrector), so each mode is advanced by the EXACT solution of the linear ODE
//       T_f,i ← T_f,i + (T_a − T_f,i)·a + ΔT·φ(u),  u = Δt/(λ_i τ), a = 1 − e^{−u}, φ = 1 − a/u,
//   unconditionally stable for stiff modes (u ≫ 1) and exact for frozen ones (u → 0); second
//   order in the step (0.5 K instead of 0.01 K steps change ΔH_rej by < 3e-4 relative).
// - Enthalpy (J/g, additive constant dropped):  H(T, T_f) = ∫^T Cp_glass + ∫^{T_f} (Cp_liquid − Cp_glass),
//   so the heat flow on heating at β_h (K/s) is
//       W = β_h · [ Cp_glass(T) + ΔCp(T_f) · dT_f/dT ],   ΔCp = Cp_liquid − Cp_glass   (W/g, endo-up).
//   ΔCp is taken at T_f (the enthalpy-consistent form); for a constant ΔCp this is the textbook
//   β_h[Cp_g + ΔCp dT_f/dT]. With it, Moynihan's limiting fictive temperature from the area of
//   (Cp − Cp_glass) recovers the frozen T_f exactly, and ∫W dT/β_h is an enthalpy difference.
//   dT_f/dT on an output point is the central difference over the internal grid.
//
// Rejuvenation enthalpy ground truth (SPEC §3), noise free, with W = Run1 − Run2
// (Run2 = β_h·Cp_crystal):
// - "linear":  (1/β_h) ∫_{T_s}^{T_e} [W − chord] dT, chord through (T_s, W(T_s)) and (T_e, W(T_e)).
// - "state:REF": (1/β_h) ∫_{T_s}^{T_e} [W − W_REF] dT (the crystalline run cancels).
// Both integrals are evaluated from the enthalpy function on a fine grid (0.02 K), i.e. exactly
// up to the integration of T_f.
//
// Physics of the sign (why ΔH_rej falls with cooling rate in this model): for any baseline that does
// not depend on the state, (1/β_h)∫W dT = H(T_e) − H(T_s) and all states are equilibrium liquid at
// T_e, so ΔH_rej = −H_state(T_s) + const: a faster-cooled (higher-T_f, more rejuvenated) glass
// absorbs LESS heat over [T_s, T_e]. Both SPEC readings therefore decrease as the cooling rate
// increases; only the chord's W(T_s) end can tilt this, and it cannot for states cooled no faster
// than they are heated. See TNMSimulatorTests.testRejuvenationEnthalpyFallsWithCoolingRate.

import Foundation

/// A specific heat linear in temperature, c(T) = value + slope·(T − reference), in J/(g K).
public struct LinearHeatCapacity: Sendable, Equatable {
    /// c at `referenceK`, J/(g K).
    public var valueJPerGK: Double
    /// dc/dT, J/(g K²).
    public var slopeJPerGK2: Double
    /// Temperature where `valueJPerGK` holds, K.
    public var referenceK: Double

    /// A heat capacity `valueJPerGK + slopeJPerGK2·(T − referenceK)`.
    public init(valueJPerGK: Double, slopeJPerGK2: Double = 0, referenceK: Double = 450) {
        self.valueJPerGK = valueJPerGK
        self.slopeJPerGK2 = slopeJPerGK2
        self.referenceK = referenceK
    }

    /// c(T) in J/(g K).
    public func value(atK temperatureK: Double) -> Double {
        valueJPerGK + slopeJPerGK2 * (temperatureK - referenceK)
    }

    /// ∫ c dT from `fromK` to `toK`, J/g.
    public func integral(fromK: Double, toK: Double) -> Double {
        antiderivative(toK) - antiderivative(fromK)
    }

    private func antiderivative(_ temperatureK: Double) -> Double {
        let y = temperatureK - referenceK
        return valueJPerGK * y + 0.5 * slopeJPerGK2 * y * y
    }
}

/// Material parameters of the TNM/KWW model and the three heat capacities.
public struct TNMParameters: Sendable, Equatable {
    /// Apparent activation energy over the gas constant, Δh/R, K.
    public var deltaHOverRK: Double
    /// Nonlinearity x (0 < x ≤ 1): share of the activation that follows T rather than T_f.
    public var x: Double
    /// KWW stretching exponent β (0 < β ≤ 1); values outside are clamped to [0.1, 1].
    public var beta: Double
    /// Temperature where the equilibrium relaxation time is given, K.
    public var referenceTemperatureK: Double
    /// KWW relaxation time τ in equilibrium (T = T_f) at `referenceTemperatureK`, s.
    public var tauAtReferenceS: Double
    /// Heat capacity of the glass (frozen structure), J/(g K).
    public var cpGlass: LinearHeatCapacity
    /// Heat capacity of the equilibrium (supercooled) liquid, J/(g K).
    public var cpLiquid: LinearHeatCapacity
    /// Heat capacity of the fully crystallised alloy (the "Run2" baseline), J/(g K).
    public var cpCrystal: LinearHeatCapacity
    /// Number of Prony terms fitted to the KWW function (clamped to 1…60).
    public var pronyTermCount: Int

    /// Parameters with every value given explicitly.
    public init(deltaHOverRK: Double, x: Double, beta: Double, referenceTemperatureK: Double,
                tauAtReferenceS: Double, cpGlass: LinearHeatCapacity, cpLiquid: LinearHeatCapacity,
                cpCrystal: LinearHeatCapacity, pronyTermCount: Int = 20) {
        self.deltaHOverRK = deltaHOverRK
        self.x = x
        self.beta = beta
        self.referenceTemperatureK = referenceTemperatureK
        self.tauAtReferenceS = tauAtReferenceS
        self.cpGlass = cpGlass
        self.cpLiquid = cpLiquid
        self.cpCrystal = cpCrystal
        self.pronyTermCount = pronyTermCount
    }

    /// ln A (A in s) of the TNM equation, from τ(T_ref, T_ref) = τ_ref.
    public var lnA: Double { log(tauAtReferenceS) - deltaHOverRK / referenceTemperatureK }

    /// TNM relaxation time τ(T, T_f) in s.
    public func relaxationTimeS(temperatureK: Double, fictiveTemperatureK: Double) -> Double {
        exp(lnA + x * deltaHOverRK / temperatureK + (1 - x) * deltaHOverRK / fictiveTemperatureK)
    }

    /// Defaults for La30Ce30Ni10Al20Co10 (paper Fig. 1): T_g(onset) ≈ 453 K at 20 K/min, fragility
    /// m = Δh/(R T_g ln 10) ≈ 38, ΔCp(T_g) ≈ 0.15 J/(g K) ≈ 15.6 J/(mol K), Cp_glass ≈ 3R per mole of atoms.
    public static let la30ce30ni10al20co10 = TNMParameters(
        deltaHOverRK: 40_000, x: 0.45, beta: 0.55,
        referenceTemperatureK: 457, tauAtReferenceS: 100,
        cpGlass: LinearHeatCapacity(valueJPerGK: 0.245, slopeJPerGK2: 1.0e-4, referenceK: 450),
        cpLiquid: LinearHeatCapacity(valueJPerGK: 0.400, slopeJPerGK2: -3.0e-4, referenceK: 450),
        cpCrystal: LinearHeatCapacity(valueJPerGK: 0.240, slopeJPerGK2: 1.0e-4, referenceK: 450),
        pronyTermCount: 20)
}

/// How the glass was made before the measuring scan.
public enum ThermalHistory: Sendable, Equatable {
    /// Quenched from the melt (`meltTemperatureK`, equilibrium liquid) at this rate to `roomTemperatureK`.
    case asCast(quenchRateKPerMin: Double)
    /// As-cast glass (quenched at `priorQuenchRateKPerMin`), re-heated at `reheatingRateKPerMin` into the
    /// supercooled liquid up to `fromK`, then cooled at `coolingRateKPerMin` to `roomTemperatureK`.
    case cooledFromSupercooledLiquid(coolingRateKPerMin: Double, fromK: Double)

    /// Start of every quench: a liquid in equilibrium, K.
    public static let meltTemperatureK = 650.0
    /// End of every cooling (the paper cools to 323 K), K.
    public static let roomTemperatureK = 323.0
    /// Quench rate of the as-cast glass that precedes `cooledFromSupercooledLiquid`, K/min.
    public static let priorQuenchRateKPerMin = 1.0e4
    /// Heating rate from room temperature into the supercooled liquid, K/min.
    public static let reheatingRateKPerMin = 20.0
}

/// One simulated heating scan, noise free.
public struct SimulatedDSCRun: Sendable, Equatable {
    /// Temperatures, K, increasing by the requested step.
    public let temperatureK: [Double]
    /// Heat flow, W/g, endothermic positive.
    public let heatFlowWPerG: [Double]
    /// Fictive temperature T_f at each point, K (empty for a crystalline run).
    public let fictiveTemperatureK: [Double]
    /// Heating rate of the scan, K/min.
    public let heatingRateKPerMin: Double

    /// A run from its arrays.
    public init(temperatureK: [Double], heatFlowWPerG: [Double], fictiveTemperatureK: [Double], heatingRateKPerMin: Double) {
        self.temperatureK = temperatureK
        self.heatFlowWPerG = heatFlowWPerG
        self.fictiveTemperatureK = fictiveTemperatureK
        self.heatingRateKPerMin = heatingRateKPerMin
    }
}

/// Noise-free rejuvenation enthalpy of one state (SPEC §3), J/g.
public struct RejuvenationEnthalpyTruth: Sendable, Equatable {
    /// (1/β_h)∫_{T_s}^{T_e}[W − chord] dT with W = Run1 − Run2: the "linear" baseline reading, J/g.
    public let linearJPerG: Double
    /// (1/β_h)∫_{T_s}^{T_e}[W − W_reference] dT: the "state:REFERENCE" reading, J/g.
    public let versusReferenceJPerG: Double
    /// T_f of the glass before the scan (frozen), K.
    public let frozenFictiveTemperatureK: Double
}

/// Approximation of the KWW function exp[−(t/τ)^β] by a sum of exponentials.
///
/// Method: relaxation times λ_i (in units of τ) log-spaced from (10⁻³)^{1/β} (where 1 − φ = 10⁻³)
/// to (ln 10⁴)^{1/β} (where φ = 10⁻⁴); weights g_i ≥ 0 by non-negative least squares
/// (Lawson–Hanson) on 300 log-spaced reduced times from a tenth of the first to three times the
/// last λ, plus the condition Σ g_i = 1 (a row weighted 10), then normalised. Zero weights are
/// dropped. With 20 terms the maximum error over all t is below 5e-4 for 0.4 ≤ β ≤ 0.9 (tested).
/// β ≥ 0.999 gives the single exponential.
public struct PronySeries: Sendable, Equatable {
    /// Relaxation times of the terms in units of the KWW τ.
    public let relativeTimes: [Double]
    /// Weights of the terms, non-negative, summing to 1.
    public let weights: [Double]

    /// The series fitted to exp[−(t/τ)^beta] with at most `termCount` terms (see type documentation).
    public static func kww(beta: Double, termCount: Int) -> PronySeries {
        let b = min(max(beta.isFinite ? beta : 1, 0.1), 1)
        let n = min(max(termCount, 1), 60)
        if b >= 0.999 || n == 1 { return PronySeries(relativeTimes: [1], weights: [1]) }
        let lowest = pow(1e-3, 1 / b)
        let highest = pow(log(1e4), 1 / b)
        let times = (0..<n).map { exp(log(lowest) + (log(highest) - log(lowest)) * Double($0) / Double(n - 1)) }
        let samples = 300
        let tLow = log(lowest / 10), tHigh = log(highest * 3)
        let reduced = (0..<samples).map { exp(tLow + (tHigh - tLow) * Double($0) / Double(samples - 1)) }
        let columns: [[Double]] = times.map { tau in reduced.map { exp(-$0 / tau) } + [10] }
        var target = reduced.map { exp(-pow($0, b)) }
        target.append(10)
        let solution = NonNegativeLeastSquares.solve(columns: columns, target: target)
        let total = solution.reduce(0, +)
        var keptTimes: [Double] = []
        var keptWeights: [Double] = []
        for (tau, weight) in zip(times, solution) where weight > 0 {
            keptTimes.append(tau)
            keptWeights.append(weight / total)
        }
        if keptTimes.isEmpty || !(total > 0) { return PronySeries(relativeTimes: [1], weights: [1]) }
        return PronySeries(relativeTimes: keptTimes, weights: keptWeights)
    }

    /// Σ g_i exp(−t/λ_i) at reduced time t = time/τ.
    public func value(reducedTime: Double) -> Double {
        zip(relativeTimes, weights).reduce(0) { $0 + $1.1 * exp(-reducedTime / $1.0) }
    }

    /// The exact KWW function exp[−t^β] at reduced time t = time/τ.
    public static func kwwValue(reducedTime: Double, beta: Double) -> Double {
        exp(-pow(reducedTime, beta))
    }
}

/// Pure TNM simulation of glass histories and DSC heating scans.
public enum TNMSimulator {
    /// Largest temperature step of the internal integration, K.
    public static let maximumInternalStepK = 0.1
    /// Grid step of the ground-truth integrals, K.
    public static let groundTruthStepK = 0.02

    /// Heat flow on heating at `heatingRateKPerMin` from `startK` to `endK`, sampled every `stepK`, after
    /// `history`. The sample is first taken from the end of the history (`roomTemperatureK`) to `startK`
    /// at the same rate. Points are `startK + k·stepK` up to `endK`. Non-positive or non-finite rate or
    /// step, or `endK < startK`, give empty arrays.
    public static func heatingScan(_ p: TNMParameters, history: ThermalHistory, heatingRateKPerMin: Double,
                                   startK: Double, endK: Double, stepK: Double) -> SimulatedDSCRun {
        let engine = TNMEngine(p)
        var state = engine.glass(after: history)
        return engine.scan(&state, heatingRateKPerMin: heatingRateKPerMin, startK: startK, endK: endK, stepK: stepK)
    }

    /// The crystalline "Run2" baseline: W = β_h·Cp_crystal(T), smooth, no transition. Same grid rules as `heatingScan`.
    public static func crystallineScan(_ p: TNMParameters, heatingRateKPerMin: Double, startK: Double,
                                       endK: Double, stepK: Double) -> SimulatedDSCRun {
        let grid = outputGrid(startK: startK, endK: endK, stepK: stepK)
        guard !grid.isEmpty, heatingRateKPerMin.isFinite, heatingRateKPerMin > 0,
              stepK / TNMSimulator.maximumInternalStepK <= 1e7 else {
            return SimulatedDSCRun(temperatureK: [], heatFlowWPerG: [], fictiveTemperatureK: [], heatingRateKPerMin: heatingRateKPerMin)
        }
        let rate = heatingRateKPerMin / 60
        return SimulatedDSCRun(temperatureK: grid, heatFlowWPerG: grid.map { rate * p.cpCrystal.value(atK: $0) },
                               fictiveTemperatureK: [], heatingRateKPerMin: heatingRateKPerMin)
    }

    /// The fictive temperature T_f = Σ g_i T_f,i of the glass at the end of `history`, K.
    public static func frozenFictiveTemperatureK(_ p: TNMParameters, history: ThermalHistory) -> Double {
        let engine = TNMEngine(p)
        return engine.fictive(engine.glass(after: history))
    }

    /// Moynihan's limiting fictive temperature T_f' of a noise-free heating scan that starts in the glass
    /// and ends in the equilibrium liquid: the T_f' with ∫_{T_f'}^{T_end} ΔCp dT = ∫_{T_start}^{T_end}(W/β_h − Cp_glass) dT
    /// (trapezoid rule). Nil for fewer than 2 points, ΔCp ≤ 0 or no solution within 500 K below the start.
    public static func limitingFictiveTemperatureK(_ run: SimulatedDSCRun, parameters p: TNMParameters) -> Double? {
        let t = run.temperatureK, w = run.heatFlowWPerG
        guard t.count >= 2, t.count == w.count, run.heatingRateKPerMin > 0 else { return nil }
        let rate = run.heatingRateKPerMin / 60
        var area = 0.0
        for k in 1..<t.count {
            let left = w[k - 1] / rate - p.cpGlass.value(atK: t[k - 1])
            let right = w[k] / rate - p.cpGlass.value(atK: t[k])
            area += 0.5 * (left + right) * (t[k] - t[k - 1])
        }
        guard let end = t.last else { return nil }
        let deltaCp = { (temperature: Double) in p.cpLiquid.value(atK: temperature) - p.cpGlass.value(atK: temperature) }
        func excess(_ tf: Double) -> Double {
            p.cpLiquid.integral(fromK: tf, toK: end) - p.cpGlass.integral(fromK: tf, toK: end) - area
        }
        var low = t[0] - 500, high = end
        guard deltaCp(low) > 0, deltaCp(high) > 0, excess(low) >= 0, excess(high) <= 0 else { return nil }
        for _ in 0..<200 where high - low > 1e-10 {
            let mid = 0.5 * (low + high)
            if excess(mid) > 0 { low = mid } else { high = mid }
        }
        return 0.5 * (low + high)
    }

    /// Noise-free ΔH_rej ground truth of `history` on a heating scan at `heatingRateKPerMin`, in J/g (SPEC §3):
    /// the "linear" (chord) reading of W = Run1 − Run2 and the "state:" reading against `reference`.
    /// Both scans start at `startK` (below T_s, in the glass). Computed on a 0.02 K grid from the enthalpy.
    public static func rejuvenationEnthalpy(_ p: TNMParameters, history: ThermalHistory, reference: ThermalHistory,
                                            heatingRateKPerMin: Double, tsK: Double, teK: Double,
                                            startK: Double = 300) -> RejuvenationEnthalpyTruth {
        let engine = TNMEngine(p)
        let sample = engine.enthalpyWindow(engine.glass(after: history), heatingRateKPerMin: heatingRateKPerMin,
                                           startK: startK, tsK: tsK, teK: teK)
        let ref = engine.enthalpyWindow(engine.glass(after: reference), heatingRateKPerMin: heatingRateKPerMin,
                                        startK: startK, tsK: tsK, teK: teK)
        // W/β − Cp_crystal at the ends and ∫ over [T_s, T_e] of (W/β − Cp_crystal).
        let crystal = p.cpCrystal
        let endStart = sample.cpAtStart - crystal.value(atK: tsK)
        let endEnd = sample.cpAtEnd - crystal.value(atK: teK)
        let integral = sample.enthalpyChange - crystal.integral(fromK: tsK, toK: teK)
        let linear = integral - 0.5 * (endStart + endEnd) * (teK - tsK)
        return RejuvenationEnthalpyTruth(linearJPerG: linear,
                                         versusReferenceJPerG: sample.enthalpyChange - ref.enthalpyChange,
                                         frozenFictiveTemperatureK: sample.frozenFictiveK)
    }

    /// Points `startK + k·stepK` not beyond `endK` (tolerance 1e-9 step); empty for invalid input.
    static func outputGrid(startK: Double, endK: Double, stepK: Double) -> [Double] {
        guard startK.isFinite, endK.isFinite, stepK.isFinite, stepK > 0, endK >= startK else { return [] }
        let count = Int(((endK - startK) / stepK + 1e-9).rounded(.down)) + 1
        guard count <= 10_000_000 else { return [] }
        return (0..<count).map { startK + Double($0) * stepK }
    }
}

/// The numerical core shared by the public entry points: Prony modes, ramps, scans.
struct TNMEngine: Sendable {
    let parameters: TNMParameters
    let prony: PronySeries
    let lnA: Double

    /// State of the glass: one fictive temperature per Prony mode, and the current temperature.
    struct GlassState: Sendable {
        var modes: [Double]
        var temperatureK: Double
    }

    /// The enthalpy over [T_s, T_e] of one scan (see `enthalpyWindow`).
    struct EnthalpyWindow: Sendable {
        /// H(T_e) − H(T_s), J/g.
        let enthalpyChange: Double
        /// W/β_h at T_s and T_e, J/(g K).
        let cpAtStart: Double
        let cpAtEnd: Double
        /// T_f before the scan, K.
        let frozenFictiveK: Double
    }

    init(_ parameters: TNMParameters) {
        self.parameters = parameters
        self.prony = PronySeries.kww(beta: parameters.beta, termCount: parameters.pronyTermCount)
        self.lnA = parameters.lnA
    }

    func fictive(_ state: GlassState) -> Double {
        var sum = 0.0
        for (weight, tf) in zip(prony.weights, state.modes) { sum += weight * tf }
        return sum
    }

    /// H(T, T_f) − const = ∫^T Cp_glass + ∫^{T_f} ΔCp, J/g.
    func enthalpy(temperatureK: Double, fictiveK: Double) -> Double {
        let p = parameters
        return p.cpGlass.integral(fromK: p.cpGlass.referenceK, toK: temperatureK) + excessEnthalpy(fictiveK)
    }

    /// ∫_{T_ref}^{T_f} ΔCp dT, J/g.
    func excessEnthalpy(_ fictiveK: Double) -> Double {
        let p = parameters
        let reference = p.cpGlass.referenceK
        return p.cpLiquid.integral(fromK: reference, toK: fictiveK) - p.cpGlass.integral(fromK: reference, toK: fictiveK)
    }

    /// The glass at the end of `history` (at `ThermalHistory.roomTemperatureK`).
    func glass(after history: ThermalHistory) -> GlassState {
        let melt = ThermalHistory.meltTemperatureK
        let room = ThermalHistory.roomTemperatureK
        var state = GlassState(modes: Array(repeating: melt, count: prony.weights.count), temperatureK: melt)
        switch history {
        case let .asCast(quenchRate):
            ramp(&state, toK: room, rateKPerMin: quenchRate)
        case let .cooledFromSupercooledLiquid(coolingRate, fromK):
            ramp(&state, toK: room, rateKPerMin: ThermalHistory.priorQuenchRateKPerMin)
            ramp(&state, toK: fromK, rateKPerMin: ThermalHistory.reheatingRateKPerMin)
            ramp(&state, toK: room, rateKPerMin: coolingRate)
        }
        return state
    }

    /// Takes the glass from its temperature to `toK` at |rateKPerMin| in steps ≤ `maximumInternalStepK`.
    /// A non-positive or non-finite rate leaves the structure as it is (an instant jump).
    func ramp(_ state: inout GlassState, toK: Double, rateKPerMin: Double) {
        guard toK.isFinite, state.temperatureK.isFinite else { return }
        let span = toK - state.temperatureK
        let rate = abs(rateKPerMin) / 60
        guard rate.isFinite, rate > 0, span != 0 else {
            state.temperatureK = toK
            return
        }
        // A span beyond 10⁷ internal steps (10⁵ K and more) is no thermal history: jump (no trap).
        guard abs(span) / TNMSimulator.maximumInternalStepK <= 1e7 else {
            state.temperatureK = toK
            return
        }
        let steps = max(1, Int((abs(span) / TNMSimulator.maximumInternalStepK).rounded(.up)))
        let start = state.temperatureK
        let stepK = span / Double(steps)
        for k in 0..<steps {
            step(&state, fromK: start + Double(k) * stepK, deltaK: stepK, rateKPerS: rate)
        }
        state.temperatureK = toK
    }

    /// One exact-exponential step of all modes over a linear ramp from `fromK` by `deltaK` (signed).
    func step(_ state: inout GlassState, fromK: Double, deltaK: Double, rateKPerS: Double) {
        let p = parameters
        let dt = abs(deltaK) / rateKPerS
        let mid = fromK + 0.5 * deltaK
        let tfStart = fictive(state)
        let activationT = lnA + p.x * p.deltaHOverRK / mid
        let oneMinusX = (1 - p.x) * p.deltaHOverRK
        // Predictor with T_f at the start of the step, corrector with the mid-step T_f.
        var tau = exp(activationT + oneMinusX / tfStart)
        var predicted = 0.0
        for i in 0..<state.modes.count {
            let next = advance(state.modes[i], fromK: fromK, deltaK: deltaK, u: dt / (prony.relativeTimes[i] * tau))
            predicted += prony.weights[i] * next
        }
        tau = exp(activationT + oneMinusX / (0.5 * (tfStart + predicted)))
        for i in 0..<state.modes.count {
            state.modes[i] = advance(state.modes[i], fromK: fromK, deltaK: deltaK, u: dt / (prony.relativeTimes[i] * tau))
        }
        state.temperatureK = fromK + deltaK
    }

    /// Exact solution of dT_f/dt = (T − T_f)/τ_i over a linear ramp with u = Δt/τ_i.
    @inline(__always)
    func advance(_ tf: Double, fromK: Double, deltaK: Double, u: Double) -> Double {
        guard u.isFinite else { return fromK + deltaK } // τ → 0: follows T
        let a = -expm1(-u)
        let phi: Double
        if u < 1e-3 {
            phi = u * (0.5 - u * (1.0 / 6 - u * (1.0 / 24 - u / 120)))
        } else {
            phi = 1 - a / u
        }
        return tf + (fromK - tf) * a + deltaK * phi
    }

    /// Heating scan from the glass `state` (see `TNMSimulator.heatingScan`).
    func scan(_ state: inout GlassState, heatingRateKPerMin: Double, startK: Double, endK: Double, stepK: Double) -> SimulatedDSCRun {
        let grid = TNMSimulator.outputGrid(startK: startK, endK: endK, stepK: stepK)
        guard !grid.isEmpty, heatingRateKPerMin.isFinite, heatingRateKPerMin > 0,
              stepK / TNMSimulator.maximumInternalStepK <= 1e7 else {
            return SimulatedDSCRun(temperatureK: [], heatFlowWPerG: [], fictiveTemperatureK: [], heatingRateKPerMin: heatingRateKPerMin)
        }
        ramp(&state, toK: startK, rateKPerMin: heatingRateKPerMin)
        let rate = heatingRateKPerMin / 60
        let substeps = max(1, Int((stepK / TNMSimulator.maximumInternalStepK - 1e-9).rounded(.up)))
        let h = stepK / Double(substeps)
        // Internal nodes 0…(n−1)·substeps plus one beyond the end for the central difference.
        let nodeCount = (grid.count - 1) * substeps + 2
        var fictiveAtNode = [Double](repeating: 0, count: nodeCount)
        fictiveAtNode[0] = fictive(state)
        for node in 1..<nodeCount {
            step(&state, fromK: startK + Double(node - 1) * h, deltaK: h, rateKPerS: rate)
            fictiveAtNode[node] = fictive(state)
        }
        var heatFlow = [Double](repeating: 0, count: grid.count)
        var fictiveOut = [Double](repeating: 0, count: grid.count)
        for (k, temperature) in grid.enumerated() {
            let node = k * substeps
            let before = node == 0 ? 0 : node - 1
            let span = Double(node + 1 - before) * h
            let dExcess = excessEnthalpy(fictiveAtNode[node + 1]) - excessEnthalpy(fictiveAtNode[before])
            heatFlow[k] = rate * (parameters.cpGlass.value(atK: temperature) + dExcess / span)
            fictiveOut[k] = fictiveAtNode[node]
        }
        return SimulatedDSCRun(temperatureK: grid, heatFlowWPerG: heatFlow, fictiveTemperatureK: fictiveOut,
                               heatingRateKPerMin: heatingRateKPerMin)
    }

    /// Heats `glass` from `startK` and returns H(T_e) − H(T_s) and W/β_h at both ends, on a grid of
    /// `groundTruthStepK` anchored so that T_s and T_e are nodes (central differences at the ends).
    func enthalpyWindow(_ glass: GlassState, heatingRateKPerMin: Double, startK: Double, tsK: Double, teK: Double) -> EnthalpyWindow {
        var state = glass
        let frozen = fictive(state)
        let rate = abs(heatingRateKPerMin) / 60
        guard rate.isFinite, rate > 0, tsK.isFinite, teK.isFinite, teK > tsK,
              (teK - tsK) / TNMSimulator.groundTruthStepK <= 1e7 else {
            return EnthalpyWindow(enthalpyChange: 0, cpAtStart: 0, cpAtEnd: 0, frozenFictiveK: frozen)
        }
        let n = max(2, Int(((teK - tsK) / TNMSimulator.groundTruthStepK).rounded(.up)))
        let h = (teK - tsK) / Double(n)
        ramp(&state, toK: min(startK, tsK - h), rateKPerMin: heatingRateKPerMin)
        ramp(&state, toK: tsK - h, rateKPerMin: heatingRateKPerMin)
        var nodes = [Double](repeating: 0, count: n + 3) // T_s − h … T_e + h
        nodes[0] = fictive(state)
        for node in 1..<(n + 3) {
            step(&state, fromK: tsK - h + Double(node - 1) * h, deltaK: h, rateKPerS: rate)
            nodes[node] = fictive(state)
        }
        let cpStart = parameters.cpGlass.value(atK: tsK) + (excessEnthalpy(nodes[2]) - excessEnthalpy(nodes[0])) / (2 * h)
        let cpEnd = parameters.cpGlass.value(atK: teK) + (excessEnthalpy(nodes[n + 2]) - excessEnthalpy(nodes[n])) / (2 * h)
        let change = enthalpy(temperatureK: teK, fictiveK: nodes[n + 1]) - enthalpy(temperatureK: tsK, fictiveK: nodes[1])
        return EnthalpyWindow(enthalpyChange: change, cpAtStart: cpStart, cpAtEnd: cpEnd, frozenFictiveK: frozen)
    }
}

/// Lawson–Hanson non-negative least squares for small dense problems (Householder QR sub-solves).
enum NonNegativeLeastSquares {
    /// x ≥ 0 minimising ‖Σ_j x_j columns[j] − target‖₂.
    static func solve(columns: [[Double]], target: [Double]) -> [Double] {
        let n = columns.count
        var x = [Double](repeating: 0, count: n)
        var passive = [Bool](repeating: false, count: n)
        let tolerance = 1e-12
        var iterations = 0
        while iterations < 3 * n + 10 {
            iterations += 1
            let gradient = correlation(columns, residual(columns, x, target))
            var best = -1
            var bestValue = tolerance
            for j in 0..<n where !passive[j] && gradient[j] > bestValue {
                best = j
                bestValue = gradient[j]
            }
            if best < 0 { break }
            passive[best] = true
            var inner = 0
            while inner < 3 * n + 10 {
                inner += 1
                let indices = (0..<n).filter { passive[$0] }
                guard let sub = leastSquares(indices.map { columns[$0] }, target) else {
                    passive[best] = false
                    return x
                }
                var z = [Double](repeating: 0, count: n)
                for (k, j) in indices.enumerated() { z[j] = sub[k] }
                if indices.allSatisfy({ z[$0] > 0 }) {
                    x = z
                    break
                }
                var alpha = Double.infinity
                for j in indices where z[j] <= 0 {
                    let denominator = x[j] - z[j]
                    if denominator > 0 { alpha = min(alpha, x[j] / denominator) }
                }
                if !alpha.isFinite { alpha = 0 }
                for j in 0..<n { x[j] += alpha * (z[j] - x[j]) }
                for j in indices where x[j] <= tolerance {
                    x[j] = 0
                    passive[j] = false
                }
            }
        }
        return x
    }

    private static func residual(_ columns: [[Double]], _ x: [Double], _ target: [Double]) -> [Double] {
        var r = target
        for (j, column) in columns.enumerated() where x[j] != 0 {
            for i in 0..<r.count { r[i] -= x[j] * column[i] }
        }
        return r
    }

    private static func correlation(_ columns: [[Double]], _ r: [Double]) -> [Double] {
        columns.map { column in zip(column, r).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Least-squares solution of the column system by Householder QR; nil when rank deficient.
    static func leastSquares(_ columns: [[Double]], _ target: [Double]) -> [Double]? {
        var a = columns
        var y = target
        let n = a.count
        let m = y.count
        guard n > 0, n <= m, a.allSatisfy({ $0.count == m }) else { return nil }
        for k in 0..<n {
            var norm = 0.0
            for i in k..<m { norm += a[k][i] * a[k][i] }
            norm = norm.squareRoot()
            guard norm > 0 else { return nil }
            let alpha = a[k][k] > 0 ? -norm : norm
            var v = Array(a[k][k..<m])
            v[0] -= alpha
            let vv = v.reduce(0) { $0 + $1 * $1 }
            guard vv > 0 else { continue }
            for j in k..<n {
                var s = 0.0
                for i in 0..<v.count { s += v[i] * a[j][k + i] }
                s = 2 * s / vv
                for i in 0..<v.count { a[j][k + i] -= s * v[i] }
            }
            var s = 0.0
            for i in 0..<v.count { s += v[i] * y[k + i] }
            s = 2 * s / vv
            for i in 0..<v.count { y[k + i] -= s * v[i] }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for j in (i + 1)..<n { s -= a[j][i] * x[j] }
            guard abs(a[i][i]) > 1e-300 else { return nil }
            x[i] = s / a[i][i]
        }
        return x
    }
}
