import GlassPlatform

/// The values of one simulated DMA state that `glassview analyze` reads back (docs/method.md §4),
/// taken from the model itself: what `simulate dma` prints.
public struct DMAStateTruth: Sendable, Equatable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min (nil for as-cast).
    public var coolingRateKPerMin: Double?
    /// E_u by docs/method.md §4.1: the mean noise-free E′ over every scan point with T ≤ T_min + 5 K, MPa.
    public var unrelaxedModulusMPa: Double
    /// E_β, eV: the slope of the Arrhenius line the β maxima of E″ lie on.
    public var betaEnergyEV: Double
    /// VFT ln f_α (f_α in Hz), B and T_0 (K) of the α maxima above T_g.
    public var lnFAlpha: Double, bK: Double, t0K: Double
    /// T_c: where the VFT line overtakes the β line, K (nil if they do not cross).
    public var decouplingK: Double?
    /// T_g of the model (χ's kink; written into every file as `# tg:`), K.
    public var tgK: Double
    /// χ(T_g), and dχ/dT below (a1) and above (a2) T_g, per K.
    public var chiAtTg: Double, a1PerK: Double, a2PerK: Double
}

extension DMAStudySimulator {
    /// Per state, the model's values (noise-free, whatever the noise setting).
    public func groundTruth() -> [DMAStateTruth] {
        let n = Int(((scanEndK - scanStartK) / scanStepK).rounded())
        let coldest = (0...max(0, n)).map { scanStartK + Double($0) * scanStepK }.filter { $0 <= scanStartK + 5 }
        return states.map { m in
            var sum = 0.0
            for f in scanFrequenciesHz { for t in coldest { sum += m.modulus(frequencyHz: f, temperatureK: t).storageMPa } }
            return DMAStateTruth(state: m.state, coolingRateKPerMin: m.coolingRateKPerMin,
                                 unrelaxedModulusMPa: sum / Double(scanFrequenciesHz.count * coldest.count),
                                 betaEnergyEV: m.betaEnergyEV, lnFAlpha: m.lnFAlpha, bK: m.bK, t0K: m.t0K,
                                 decouplingK: m.decouplingK, tgK: m.tgK, chiAtTg: m.chiAtTg, a1PerK: m.a1PerK, a2PerK: m.a2PerK)
        }
    }

    /// The α window (K) the data need for the VFT and T_c to be the model's, nil where none is
    /// known to. On the default isotherms (315–465 K every 5 K) it starts 15 K above the highest
    /// T_g: the isotherm slices of 0.01–0.02 Hz have their α maxima within 15 K of T_g, where the
    /// ±10 K peak parabola reaches into the glass (τ_α no longer VFT) and the 5-K spacing biases it
    /// by up to 1 K; the default window (430–500 K) takes them in, and the VFT fit over 60 K then
    /// trades B against T_0 (noise-free: B 8061 K, T_0 230 K, T_c 11 K low as-cast). It ends at
    /// the scans' end. On other isotherm grids no window does as well (2 K apart, noise-free, T_c
    /// is 5–7 K low with either window; docs/transitions.md), so none is proposed.
    public var alphaWindowK: ClosedRange<Double>? {
        guard isothermsK == DMAStudySimulator().isothermsK else { return nil }
        return ((states.map(\.tgK).max() ?? scanStartK) + 15)...scanEndK
    }
}
