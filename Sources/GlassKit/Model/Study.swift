/// Provenance of one file used by an analysis (SPEC §5 `sources`).
public struct SourceFile: Sendable, Equatable {
    /// Path relative to the study directory.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// What the file holds.
    public var kind: DatasetKind
    /// The state it belongs to.
    public var state: String
    /// Creates a record.
    public init(path: String, sha256: String, kind: DatasetKind, state: String) {
        self.path = path; self.sha256 = sha256; self.kind = kind; self.state = state
    }
}

/// Window and temperature settings that study.toml may give per state (SPEC §2.3).
public struct StateSettings: Sendable, Equatable {
    /// β-peak window, K.
    public var betaWindowK: ClosedRange<Double>?
    /// α-peak window, K.
    public var alphaWindowK: ClosedRange<Double>?
    /// QPD frequency window, Hz.
    public var qpdWindowHz: ClosedRange<Double>?
    /// Glass transition temperature, K.
    public var tgK: Double?
    /// Unrelaxed modulus, MPa.
    public var unrelaxedModulusMPa: Double?
    /// Master-curve shift criterion (`tts_on`).
    public var ttsOn: TTSCriterion?
    /// Master-curve vertical shift (`vertical_shift`).
    public var verticalShift: TTSVerticalShift?
    /// QPD window following the α peak, decades above each isotherm's E'' maximum (SPEC §4.2,
    /// `qpd_window_above_peak_decades`).
    public var qpdWindowAbovePeakDecades: ClosedRange<Double>?
    /// Glass-line window of the T_g constructions, K (`glass_line_K`).
    public var glassLineK: ClosedRange<Double>?
    /// Liquid-line window, K (`liquid_line_K`).
    public var liquidLineK: ClosedRange<Double>?
    /// Crystallization window, K (`crystallization_window_K`).
    public var crystallizationWindowK: ClosedRange<Double>?
    /// Empty settings.
    public init() {}
}

/// Study-wide settings from study.toml (SPEC §2.3); nil means "not given".
public struct StudySettings: Sendable, Equatable {
    /// Composition string.
    public var composition: String?
    /// Molar mass, g/mol (overrides the composition).
    public var molarMassGPerMol: Double?
    /// Integration start T_s, K.
    public var tsK: Double?
    /// Integration end T_e, K.
    public var teK: Double?
    /// Baseline name (`linear`, `none`, `state:LABEL`).
    public var baseline: String?
    /// Master-curve reference temperature, K.
    public var trefK: Double?
    /// Top-level window settings and T_g.
    public var common = StateSettings()
    /// Per-state overrides by state label.
    public var perState: [String: StateSettings] = [:]
    /// Empty settings.
    public init() {}
}

/// A study: every dataset of one directory, in path order, with its settings.
public struct Study: Sendable {
    /// The study's name as given (directory path).
    public var name: String
    /// Datasets in path order.
    public var datasets: [Dataset]
    /// Files used, in path order.
    public var sources: [SourceFile]
    /// Settings from study.toml.
    public var settings: StudySettings
    /// Import remarks.
    public var warnings: [String]

    /// Creates a study. Its warnings are `warnings` then the datasets' warnings, each text once
    /// (the sweeps of one file share file-level remarks).
    public init(name: String, datasets: [Dataset], sources: [SourceFile] = [], settings: StudySettings = StudySettings(), warnings: [String] = []) {
        self.name = name
        self.datasets = datasets
        self.sources = sources
        self.settings = settings
        var seen = Set<String>()
        self.warnings = (warnings + datasets.flatMap { $0.warnings } + Study.compositionConflict(settings, datasets))
            .filter { seen.insert($0).inserted }
    }

    /// Files that give different compositions (none in study.toml): the first in path order is
    /// used, which a renamed file would change, so it is said. Spellings of one composition (spaces,
    /// element order) are one: they have one molar mass.
    static func compositionConflict(_ settings: StudySettings, _ datasets: [Dataset]) -> [String] {
        guard settings.composition == nil else { return [] }
        var firstFile: [String: String] = [:], texts: [String] = []
        for d in datasets {
            guard let c = d.composition, firstFile[c] == nil else { continue }
            firstFile[c] = d.path
            texts.append(c)
        }
        guard texts.count > 1 else { return [] }
        let masses = texts.map { try? MolarMass.of(composition: $0) }
        if let m = masses[0], masses.allSatisfy({ $0.map { abs($0 - m) <= 1e-12 * m } ?? false }) { return [] }
        let listed = texts.map { "\($0) (\(firstFile[$0] ?? ""))" }.joined(separator: ", ")
        return ["files give different compositions: \(listed); \(texts[0]) is used (set composition in study.toml)"]
    }

    /// Composition: study.toml, else the first file that states one.
    public var composition: String? {
        settings.composition ?? datasets.lazy.compactMap { $0.composition }.first
    }

    /// Molar mass for kJ/mol: `molar_mass` in study.toml or a file, else from the composition.
    public func molarMassGPerMol() throws -> Double? {
        if let m = settings.molarMassGPerMol ?? datasets.lazy.compactMap({ $0.molarMassGPerMol }).first { return m }
        guard let c = composition else { return nil }
        do {
            return try MolarMass.of(composition: c)
        } catch {
            throw GlassError(.data, file: "composition", "'\(c)': \(error)")
        }
    }
}
