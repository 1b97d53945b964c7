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

import GlassPlatform

/// Noise-free rejuvenation enthalpy of one state (SPEC §3), J/g.
public struct RejuvenationEnthalpyTruth: Sendable, Equatable {
    /// (1/β_h)∫_{T_s}^{T_e}[W − chord] dT with W = Run1 − Run2: the "linear" baseline reading, J/g.
    public let linearJPerG: Double
    /// (1/β_h)∫_{T_s}^{T_e}[W − W_reference] dT: the "state:REFERENCE" reading, J/g.
    public let versusReferenceJPerG: Double
    /// T_f of the glass before the scan (frozen), K.
    public let frozenFictiveTemperatureK: Double
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
