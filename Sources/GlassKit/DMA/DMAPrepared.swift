/// Per-state work done once per study, so that a window or T_g change only re-runs the
/// cheap parts (ARCHITECTURE: expensive per-curve work is precomputed).
public struct DMAPreparedState: Sendable {
    /// The state's runs.
    public let data: DMAStateData
    /// Every constant-frequency curve (scans, then isotherm slices), SPEC §4.1.
    public let curves: [FrequencyCurve]
    /// Isotherms prepared for eq. 1 (prefix sums), by temperature.
    public let qpd: [QPDIsotherm]
    /// Isotherms prepared for shifting.
    public let tts: TimeTemperatureSuperposition
    /// E_u estimated from the scans (SPEC §4.1).
    public let estimatedUnrelaxedModulusMPa: Double?

    /// Prepares one state.
    public init(_ data: DMAStateData) {
        self.data = data
        curves = FrequencyCurve.curves(of: data)
        qpd = data.isotherms.compactMap { QPDIsotherm($0) }
        tts = TimeTemperatureSuperposition(isotherms: data.isotherms)
        estimatedUnrelaxedModulusMPa = UnrelaxedModulus.estimate(scans: data.scans)
    }
}

/// The DMA half of a study, prepared.
public struct DMAPrepared: Sendable {
    /// States in SPEC order (as-cast first, then by cooling rate).
    public let states: [DMAPreparedState]

    /// Groups and prepares the DMA datasets of `datasets` (others are ignored).
    public init(_ datasets: [Dataset]) {
        // States are prepared concurrently (issue 11); the order is the grouping's.
        states = ParallelMap.map(DMAStateData.group(datasets)) { DMAPreparedState($0) }
    }

    /// States already prepared (``StudyPreparation``).
    init(states: [DMAPreparedState]) {
        self.states = states
    }
}
