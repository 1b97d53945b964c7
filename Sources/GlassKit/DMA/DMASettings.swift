/// The DMA settings of one state after SPEC §2.3 precedence.
public struct DMAStateSettings: Sendable, Equatable {
    /// β window, K.
    public var betaWindowK: ClosedRange<Double>
    /// α window, K.
    public var alphaWindowK: ClosedRange<Double>
    /// QPD frequency window, Hz.
    public var qpdWindowHz: ClosedRange<Double>
    /// T_g given (option, study.toml or file metadata); nil means "estimate it".
    public var tgK: Double?
    /// Master-curve reference temperature asked for, K.
    public var trefK: Double
    /// Whether T_ref was given (option, study.toml, the explorer) rather than the default: a
    /// given one far from the isotherms is said, the default is nobody's typo.
    public var trefGiven = false
    /// E_u given (study.toml or file metadata), MPa; nil means "estimate it from the scans".
    public var unrelaxedModulusMPa: Double?
    /// Master-curve shift criterion (SPEC §4.3 `tts_on`).
    public var ttsOn: TTSCriterion = .moduli
    /// Master-curve vertical shift (SPEC §4.3 `vertical_shift`).
    public var verticalShift: TTSVerticalShift = .none
    /// The QPD window that follows the α peak, decades above each isotherm's E'' maximum
    /// (SPEC §4.2); nil means the fixed window only.
    public var qpdWindowAbovePeakDecades: ClosedRange<Double>? = nil

    /// Default β window, K (SPEC §2.3).
    public static let defaultBetaWindowK: ClosedRange<Double> = 320...420
    /// Default α window, K (SPEC §2.3).
    public static let defaultAlphaWindowK: ClosedRange<Double> = 430...500
    /// Default QPD window, Hz (SPEC §2.3).
    public static let defaultQPDWindowHz: ClosedRange<Double> = 0.01...1
    /// Default T_ref, K (SPEC §2.3).
    public static let defaultTrefK = 450.0

    /// Files of the state that give different T_g or E_u, where the file value is the one in force
    /// (nothing set above it): the first in path order is used, which a renamed file would change,
    /// so it is said, naming each value with its first file.
    static func metadataConflicts(_ state: DMAStateData, settings: DMAStateSettings) -> [String] {
        let files = state.scans + state.isotherms.sorted { $0.path < $1.path }
        func conflict(_ what: String, _ unit: String, _ value: (Dataset) -> Double?, inForce: Double?) -> String? {
            var seen: [(Double, String)] = []
            for d in files { if let v = value(d), !seen.contains(where: { $0.0 == v }) { seen.append((v, d.path)) } }
            guard seen.count > 1, inForce == seen[0].0 else { return nil }
            let listed = seen.map { "\(Format.shortNumber($0.0)) \(unit) (\($0.1))" }.joined(separator: ", ")
            return "dma \(state.state): files give different \(what): \(listed); the first, \(Format.shortNumber(seen[0].0)) \(unit), is used (set it in study.toml)"
        }
        return [conflict("T_g", "K", { $0.tgK }, inForce: settings.tgK),
                conflict("E_u", "MPa", { $0.unrelaxedModulusMPa }, inForce: settings.unrelaxedModulusMPa)].compactMap { $0 }
    }

    /// A value set for this state (``AnalysisOptions/perState``) > option > study.toml per state >
    /// study.toml top level > file metadata (first DMA file of the state that states it, in path
    /// order) > default (SPEC §2.3). The one place where DMA settings precedence is applied.
    public static func resolve(state: DMAStateData, options: AnalysisOptions, settings: StudySettings) -> DMAStateSettings {
        let set = options.perState[state.state] ?? StateSettings()
        let per = settings.perState[state.state] ?? StateSettings()
        let common = settings.common
        let files = state.scans + state.isotherms.sorted { $0.path < $1.path }
        let fileTg = files.lazy.compactMap { $0.tgK }.first
        let fileEu = files.lazy.compactMap { $0.unrelaxedModulusMPa }.first
        var out = DMAStateSettings(
            betaWindowK: set.betaWindowK ?? options.betaWindowK ?? per.betaWindowK ?? common.betaWindowK ?? defaultBetaWindowK,
            alphaWindowK: set.alphaWindowK ?? options.alphaWindowK ?? per.alphaWindowK ?? common.alphaWindowK ?? defaultAlphaWindowK,
            qpdWindowHz: set.qpdWindowHz ?? options.qpdWindowHz ?? per.qpdWindowHz ?? common.qpdWindowHz ?? defaultQPDWindowHz,
            tgK: set.tgK ?? options.tgK ?? per.tgK ?? common.tgK ?? fileTg,
            trefK: options.trefK ?? settings.trefK ?? defaultTrefK,
            unrelaxedModulusMPa: set.unrelaxedModulusMPa ?? per.unrelaxedModulusMPa ?? common.unrelaxedModulusMPa ?? fileEu,
            qpdWindowAbovePeakDecades: set.qpdWindowAbovePeakDecades ?? options.qpdWindowAbovePeakDecades
                ?? per.qpdWindowAbovePeakDecades ?? common.qpdWindowAbovePeakDecades)
        out.trefGiven = options.trefK != nil || settings.trefK != nil
        out.ttsOn = set.ttsOn ?? options.ttsOn ?? per.ttsOn ?? common.ttsOn ?? .moduli
        out.verticalShift = set.verticalShift ?? options.verticalShift ?? per.verticalShift ?? common.verticalShift ?? .none
        return out
    }
}
