/// Everything the DMA analysis computed for one state (SPEC §4, §5 `dma.states`).
public struct DMAStateResult: Sendable, Equatable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min; nil for as-cast.
    public var coolingRateKPerMin: Double?
    /// Settings used.
    public var settings: DMAStateSettings
    /// E_u, MPa (given, or estimated from the scans); nil without either.
    public var unrelaxedModulusMPa: Double?
    /// β peak pairs, curve order.
    public var betaPairs: [PeakPair]
    /// Arrhenius fit of the β pairs (≥ 2).
    public var beta: ArrheniusFit?
    /// α peak pairs, curve order.
    public var alphaPairs: [PeakPair]
    /// VFT fit of the α pairs (≥ 3).
    public var alpha: VFTFit?
    /// Decoupling temperature T_c, K.
    public var tcK: Double?
    /// Fragility index m at the T_g used for a1/a2 (extra).
    public var fragility: Double?
    /// The T_g m is taken at: the one splitting a1/a2, else the given one (nil without a T_g).
    public var fragilityTgK: Double? = nil
    /// QPD χ(T), U_β, λ, a1/a2.
    public var qpd: QPDResult?
    /// Master curve and shifts at T_ref.
    public var master: MasterCurve?
    /// Remarks on what could not be computed, prefixed by the state.
    public var warnings: [String]
    /// Reasons not to trust a number (docs/diagnostics.md); their messages are also the last
    /// entries of ``warnings``.
    public var diagnostics: [DMADiagnostic] = []
}
