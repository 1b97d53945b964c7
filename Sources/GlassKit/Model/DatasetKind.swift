/// What a data file holds (SPEC §2.1 `kind`).
public enum DatasetKind: String, Sendable, CaseIterable, Codable {
    /// Heat flow against temperature on heating.
    case dsc
    /// DMA temperature scan at one frequency.
    case dmaTScan = "dma-tscan"
    /// DMA isothermal frequency sweep.
    case dmaFSweep = "dma-fsweep"
}

/// Whether a DSC run is a sample run or the fully crystallised baseline ("Run2").
public enum RunRole: String, Sendable, CaseIterable, Codable {
    /// A run of the glass in some thermal state.
    case sample
    /// The crystalline run subtracted from sample runs of the same heating rate (SPEC §3).
    case crystalline
}

/// The direction in which a file plots endothermic heat flow (SPEC §2.1 `sign`).
public enum HeatFlowSign: String, Sendable, CaseIterable, Codable {
    /// Endothermic effects are positive (glassview's internal convention).
    case endoUp = "endo-up"
    /// Exothermic effects are positive; values are negated on import.
    case exoUp = "exo-up"
}
