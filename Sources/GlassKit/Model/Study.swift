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

    /// The study.toml keys given here that only DMA data uses.
    public var dmaKeys: [String] {
        [("beta_window_K", betaWindowK != nil), ("alpha_window_K", alphaWindowK != nil), ("qpd_window_Hz", qpdWindowHz != nil),
         ("tg_K", tgK != nil), ("E_u_MPa", unrelaxedModulusMPa != nil), ("tts_on", ttsOn != nil),
         ("vertical_shift", verticalShift != nil), ("qpd_window_above_peak_decades", qpdWindowAbovePeakDecades != nil)]
            .filter(\.1).map(\.0)
    }

    /// The study.toml keys whose values differ between these settings and `other`, in the
    /// order of ``dmaKeys`` and ``dscKeys``.
    public func keys(differingFrom other: StateSettings) -> [String] {
        [("beta_window_K", betaWindowK != other.betaWindowK), ("alpha_window_K", alphaWindowK != other.alphaWindowK),
         ("qpd_window_Hz", qpdWindowHz != other.qpdWindowHz), ("tg_K", tgK != other.tgK),
         ("E_u_MPa", unrelaxedModulusMPa != other.unrelaxedModulusMPa), ("tts_on", ttsOn != other.ttsOn),
         ("vertical_shift", verticalShift != other.verticalShift),
         ("qpd_window_above_peak_decades", qpdWindowAbovePeakDecades != other.qpdWindowAbovePeakDecades),
         ("glass_line_K", glassLineK != other.glassLineK), ("liquid_line_K", liquidLineK != other.liquidLineK),
         ("crystallization_window_K", crystallizationWindowK != other.crystallizationWindowK)].filter(\.1).map(\.0)
    }

    /// The study.toml keys given here that only DSC data uses.
    public var dscKeys: [String] {
        [("glass_line_K", glassLineK != nil), ("liquid_line_K", liquidLineK != nil),
         ("crystallization_window_K", crystallizationWindowK != nil)].filter(\.1).map(\.0)
    }
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
    /// The study.toml line of each key and table, by key path (`["ts_K"]`,
    /// `["states", "cooled-1", "glass_line_K"]`): errors found once the data is read (a bound
    /// outside it, a baseline state the study lacks) name the line as those found reading it do.
    public var keyLines: [[String]: Int] = [:]
    /// Empty settings.
    public init() {}

    /// The study.toml line of the key at `path`, when known.
    public func line(of path: [String]) -> Int? { keyLines[path] }
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
    /// The SHA-256 of study.toml as it was read (nil: the study had none). The explorer's `w`
    /// compares it with the file on disk, so an edit made outside it meanwhile is never lost.
    public var settingsFileDigest: String?

    /// Creates a study. Its warnings are `warnings` then the datasets' warnings, each text once
    /// (the sweeps of one file share file-level remarks).
    public init(name: String, datasets: [Dataset], sources: [SourceFile] = [], settings: StudySettings = StudySettings(), warnings: [String] = []) {
        self.name = name
        self.datasets = datasets
        self.sources = sources
        self.settings = settings
        var seen = Set<String>()
        self.warnings = (warnings + datasets.flatMap { Study.reworded($0, settings) } + Study.compositionConflict(settings, datasets)
                         + Study.molarMassConflict(settings, datasets) + Study.compositionNotes(settings, datasets)
                         + Study.samplesPooled(datasets) + Study.unlabelledPooled(datasets) + Study.sameBytes(sources, datasets))
            .filter { seen.insert($0).inserted }
    }

    /// `d`'s warnings, the one of a composition in weight percent (not read) saying that
    /// study.toml's molar mass or composition is used when study.toml sets one: it wins over
    /// every file's (SPEC §2.3), so the file needs none.
    static func reworded(_ d: Dataset, _ settings: StudySettings) -> [String] {
        guard let unread = d.unreadWeightComposition else { return d.warnings }
        let used: String
        if let m = settings.molarMassGPerMol { used = "study.toml's molar_mass \(Format.shortNumber(m)) g/mol" }
        else if let c = settings.composition { used = "study.toml's composition \(c)" }
        else { return d.warnings }
        let old = unread.warning
        return d.warnings.map { $0 == old ? unread.superseded(by: used) : $0 }
    }

    /// A molar mass that wins over another source's which says otherwise, by the precedence of
    /// ``molarMassGPerMol()``: study.toml's `molar_mass` or composition over what the files state,
    /// and, without them, a file's `molar_mass` over the files' compositions. The other value is
    /// named, since it may be the one meant. Files that give different molar masses are named too
    /// (the first is used).
    static func molarMassConflict(_ settings: StudySettings, _ datasets: [Dataset]) -> [String] {
        func differ(_ a: Double, _ b: Double) -> Bool { abs(a - b) > 1e-9 * max(a, b) }
        let composition = settings.composition ?? datasets.lazy.compactMap { $0.composition }.first
        let fromComposition = composition.flatMap { try? MolarMass.of(composition: $0) }
        if let m = settings.molarMassGPerMol {
            var out: [String] = []
            if let file = datasets.first(where: { $0.molarMassGPerMol.map { differ($0, m) } ?? false }), let mf = file.molarMassGPerMol {
                out.append("study.toml's molar_mass \(Format.shortNumber(m)) g/mol is used for the study; \(file.path) gives \(Format.shortNumber(mf)) g/mol")
            }
            if let c = composition, let mc = fromComposition, differ(m, mc) {
                out.append("study.toml's molar_mass \(Format.shortNumber(m)) g/mol is used for the study; the composition \(c) gives "
                           + "\(Format.shortNumber(mc)) g/mol")
            }
            return out
        }
        var warnings: [String] = []
        if let top = settings.composition, let mt = fromComposition {
            // study.toml's composition wins over what the files state (SPEC §2.3).
            if let file = datasets.first(where: { $0.molarMassGPerMol.map { differ($0, mt) } ?? false }), let mf = file.molarMassGPerMol {
                warnings.append("study.toml's composition \(top) (\(Format.shortNumber(mt)) g/mol) is used; \(file.path) gives molar_mass \(Format.shortNumber(mf)) g/mol")
            }
            // Each distinct text parsed once (a study of 250 files states one composition 250 times).
            var seen: Set<String> = [top]
            for d in datasets {
                guard let c = d.composition, seen.insert(c).inserted, let m = try? MolarMass.of(composition: c), differ(m, mt) else { continue }
                return warnings + ["study.toml's composition \(top) (\(Format.shortNumber(mt)) g/mol) is used; \(d.path) gives \(c) (\(Format.shortNumber(m)) g/mol)"]
            }
            return warnings
        }
        if let first = datasets.first(where: { $0.molarMassGPerMol != nil }), let m = first.molarMassGPerMol,
           let other = datasets.first(where: { $0.molarMassGPerMol.map { differ($0, m) } ?? false }), let mo = other.molarMassGPerMol {
            warnings.append("\(first.path): molar_mass \(Format.shortNumber(m)) g/mol is used for the study; \(other.path) gives "
                            + "\(Format.shortNumber(mo)) g/mol (set molar_mass in study.toml)")
        }
        if let file = datasets.first(where: { $0.molarMassGPerMol != nil }), let m = file.molarMassGPerMol,
           let c = composition, let mc = fromComposition, differ(m, mc) {
            return warnings + ["\(file.path): molar_mass \(Format.shortNumber(m)) g/mol is used for the study; the composition \(c) gives "
                               + "\(Format.shortNumber(mc)) g/mol (set molar_mass or composition in study.toml)"]
        }
        return warnings
    }

    /// The notes of the composition that gives the molar mass (none when a `molar_mass` is
    /// stated): counts summing near but not to 100 or 1, formula units beside atoms, elements
    /// without a standard atomic weight (docs/method.md §3.3), each naming where it is stated.
    static func compositionNotes(_ settings: StudySettings, _ datasets: [Dataset]) -> [String] {
        guard settings.molarMassGPerMol == nil, !datasets.contains(where: { $0.molarMassGPerMol != nil }) else { return [] }
        let place: String, text: String
        if let c = settings.composition {
            (place, text) = ("study.toml's composition", c)
        } else if let d = datasets.first(where: { $0.composition != nil }), let c = d.composition {
            (place, text) = ("\(d.path): composition", c)
        } else {
            return []
        }
        guard let composition = try? Composition(text) else { return [] }
        return composition.notes.map { "\(place) \(text): \($0)" }
    }

    /// States whose files name different samples (instrument headers' `Sample`): analysed as
    /// one state — replicates, or files of different samples dropped into one folder, whose
    /// peaks would be pooled into one fit.
    static func samplesPooled(_ datasets: [Dataset]) -> [String] {
        var byState: [String: [(sample: String, path: String)]] = [:], order: [String] = []
        for d in datasets where d.role == .sample {
            guard let n = d.sampleName else { continue }
            if byState[d.state] == nil { order.append(d.state) }
            if !(byState[d.state]?.contains { $0.sample == n } ?? false) { byState[d.state, default: []].append((n, d.path)) }
        }
        return order.compactMap { state in
            guard let samples = byState[state], samples.count > 1 else { return nil }
            let listed = samples.map { "\($0.sample): \($0.path)" }.joined(separator: "; ")
            return "state \(state) holds files of \(samples.count) samples (\(listed)), analysed as one state; "
                + "give each file its state in study.toml if they differ"
        }
    }

    /// Files that state neither a state nor a cooling rate (instrument exports whose rate is in
    /// the file name) are as-cast by default; pooled there with other files — DSC runs averaged
    /// into one ΔH_rej, DMA files with ones that name the state — they were averaged without a word.
    static func unlabelledPooled(_ datasets: [Dataset]) -> [String] {
        func file(_ d: Dataset) -> String { String(d.path.prefix { $0 != "#" }) }
        var out: [String] = []
        for kind in ["DSC", "DMA"] {
            let mine = datasets.filter { $0.role == .sample && ($0.kind == .dsc) == (kind == "DSC") }
            var states: [String] = []
            for d in mine where d.stateDefaulted && !states.contains(d.state) { states.append(d.state) }
            for state in states {
                var unlabelled: [String] = [], labelled: [String] = []
                for d in mine where d.state == state {
                    let f = file(d)
                    if d.stateDefaulted { if !unlabelled.contains(f) { unlabelled.append(f) } } else if !labelled.contains(f) { labelled.append(f) }
                }
                // One DSC run alone, or a DMA state of unlabelled files only, is that state.
                guard kind == "DSC" ? unlabelled.count + labelled.count > 1 : !labelled.isEmpty else { continue }
                let with = labelled.isEmpty ? "" : labelled.count > 3 ? ", with \(labelled.count) files that name it" : ", with \(labelled.joined(separator: ", "))"
                out.append("\(unlabelled.joined(separator: ", ")): no state and no cooling rate stated: read as \(state)\(with), one state"
                           + (kind == "DSC" ? " (their ΔH_rej averaged)" : "") + "; give each its state or cooling_rate (study.toml [files.\"…\"]) if they differ")
            }
        }
        return out
    }

    /// Files with the same bytes (a copy, a link): each is read, so a state's mean counts it twice.
    /// Copies of which study.toml reads different parts (`segment`/`run`: the first heating of a
    /// heat–cool–reheat export as the sample, the reheat as its crystalline run) are meant so and
    /// not said.
    static func sameBytes(_ sources: [SourceFile], _ datasets: [Dataset] = []) -> [String] {
        var parts: [String: Set<String>] = [:]
        // A part is known by its lines (`… (lines 7–306) …`): the text around them also says
        // whether study.toml chose it.
        for d in datasets {
            guard let part = d.partUsed else { continue }
            let lines = part.firstRange(of: "(lines ").flatMap { a in part[a.lowerBound...].firstIndex(of: ")").map { String(part[a.lowerBound...$0]) } }
            parts[d.path, default: []].insert(lines ?? part)
        }
        var first: [String: String] = [:], out: [String] = []
        for s in sources where !s.sha256.isEmpty {
            let key = s.sha256 + "\u{1}" + (parts[s.path].map { $0.sorted().joined(separator: "\u{1}") } ?? "")
            if let f = first[key] { out.append("\(s.path) holds the same bytes as \(f) (SHA-256): both are read") } else { first[key] = s.path }
        }
        return out
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

    /// Molar mass for kJ/mol, study.toml before the files (SPEC §2.3) and `molar_mass` before
    /// a composition (SPEC §3): study.toml's `molar_mass`, else its composition's, else the first
    /// file's `molar_mass` (its header or its `[files]` table), else the first file's composition's.
    public func molarMassGPerMol() throws -> Double? {
        if let m = settings.molarMassGPerMol { return m }
        if settings.composition == nil, let m = datasets.lazy.compactMap({ $0.molarMassGPerMol }).first { return m }
        guard let c = composition else { return nil }
        do {
            return try MolarMass.of(composition: c)
        } catch {
            throw GlassError(.data, file: "composition", "'\(c)': \(error)")
        }
    }
}
