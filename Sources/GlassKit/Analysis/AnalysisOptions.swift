/// Settings given on the command line or by the explorer; nil means "use study.toml, then
/// file metadata, then the default" (SPEC §2.3 precedence).
public struct AnalysisOptions: Sendable, Equatable {
    /// Integration start, K.
    public var tsK: Double?
    /// Integration end, K.
    public var teK: Double?
    /// DSC baseline.
    public var baseline: DSCBaseline?
    /// β-peak window for every state, K (`--beta-window`).
    public var betaWindowK: ClosedRange<Double>?
    /// α-peak window for every state, K (`--alpha-window`).
    public var alphaWindowK: ClosedRange<Double>?
    /// QPD frequency window for every state, Hz (`--qpd-window`).
    public var qpdWindowHz: ClosedRange<Double>?
    /// T_g for a1/a2 of every state, K (`--tg`).
    public var tgK: Double?
    /// Master-curve reference temperature, K (`--tref`).
    public var trefK: Double?
    /// Master-curve shift criterion for every state (`--tts-on`).
    public var ttsOn: TTSCriterion?
    /// Master-curve vertical shift for every state (`--vertical-shift`).
    public var verticalShift: TTSVerticalShift?
    /// QPD window following the α peak for every state, decades above each isotherm's E''
    /// maximum (`--qpd-window-above-peak`, SPEC §4.2); nil: study.toml, else the fixed window only.
    public var qpdWindowAbovePeakDecades: ClosedRange<Double>?
    /// Values set for one state (the explorer's cursors move the selected state's windows and
    /// T_g): for that state they win over every other layer, the study-wide options included.
    public var perState: [String: StateSettings] = [:]
    /// Glass-line window for every state, K (`--glass-line`).
    public var glassLineK: ClosedRange<Double>?
    /// Liquid-line window for every state, K (`--liquid-line`).
    public var liquidLineK: ClosedRange<Double>?
    /// Crystallization window for every state, K (`--crystallization-window`).
    public var crystallizationWindowK: ClosedRange<Double>?
    /// Creates options.
    public init(tsK: Double? = nil, teK: Double? = nil, baseline: DSCBaseline? = nil,
                betaWindowK: ClosedRange<Double>? = nil, alphaWindowK: ClosedRange<Double>? = nil,
                qpdWindowHz: ClosedRange<Double>? = nil, tgK: Double? = nil, trefK: Double? = nil) {
        self.tsK = tsK; self.teK = teK; self.baseline = baseline
        self.betaWindowK = betaWindowK; self.alphaWindowK = alphaWindowK; self.qpdWindowHz = qpdWindowHz
        self.tgK = tgK; self.trefK = trefK
    }
}

extension AnalysisOptions {
    /// Rejects options that cannot be used with any study, so that every front end refuses them
    /// alike before a study is read: T_s, T_e, T_g and T_ref finite and positive; windows finite
    /// with low < high (the QPD window positive).
    public func validate() throws {
        func window(_ w: ClosedRange<Double>?, _ name: String, positive: Bool) throws {
            guard let w else { return }
            guard w.lowerBound.isFinite, w.upperBound.isFinite, w.lowerBound < w.upperBound, !positive || w.lowerBound > 0 else {
                throw GlassError(.usage, file: name, "\(Format.shortNumber(w.lowerBound)):\(Format.shortNumber(w.upperBound)); expected LO:HI with LO < HI\(positive ? " and LO > 0" : "")")
            }
        }
        try window(betaWindowK, "--beta-window", positive: false)
        try window(alphaWindowK, "--alpha-window", positive: false)
        try window(qpdWindowHz, "--qpd-window", positive: true)
        try window(qpdWindowAbovePeakDecades, "--qpd-window-above-peak", positive: false)
        for (v, name) in [(tsK, "--ts"), (teK, "--te"), (tgK, "--tg"), (trefK, "--tref")] {
            if let v, !(v.isFinite && v > 0) { throw GlassError(.usage, file: name, "\(Format.shortNumber(v)); expected a positive temperature in K") }
        }
        // Both bounds given the wrong way round: refused before any file is read (the explorer
        // opened with the error on its status line, exit 69 without a terminal).
        if let ts = tsK, let te = teK, ts >= te {
            throw GlassError(.usage, file: "--ts", "T_s = \(Format.shortNumber(ts)) K must be below T_e = \(Format.shortNumber(te)) K")
        }
    }
}

/// The settings actually used, after precedence (exported with the explorer's files).
public struct ResolvedSettings: Sendable, Equatable {
    /// T_s, K (nil when nobody gave one).
    public var tsK: Double?
    /// T_e, K.
    public var teK: Double?
    /// Baseline.
    public var baseline: DSCBaseline
    /// Master-curve reference temperature, K (option > study.toml > 450 K, SPEC §2.3).
    public var trefK: Double = DMAStateSettings.defaultTrefK
    /// Where each DSC setting came from, by the option the core names (`--ts`, `--te`,
    /// `--baseline`): errors name that source, not the option the core knows.
    public var sources: [String: SettingSource] = [:]

    /// `error` with the core's option names (`--ts`, `--te`, `--baseline`) replaced by where
    /// the value came from. An error about a value study.toml gave is study.toml's, at the line
    /// of its key (`study.toml:3: T_s = 520 K (study.toml:3 ts_K) must be below T_e = 500 K
    /// (study.toml:2 te_K)`); one about a data file keeps the file's name after it
    /// (`study.toml:3: dsc/a.csv: T_s = 10 K (study.toml:3 ts_K) is outside the data range …`).
    public func naming(_ error: GlassError) -> GlassError {
        var e = error
        // The sources the message names, in the order written (`(--ts)` before `(--te)`).
        let named = sources.values.compactMap { s in e.message.literalRange(of: "(" + s.option + ")").map { (s, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        for s in named where s.isToml { e.message = e.message.replacingLiteral("(" + s.option + ")", with: "(" + s.shown + ")") }
        let parts = e.file.map { $0.split(separator: "/").map(String.init) } ?? []
        let fileIsOption = !parts.isEmpty && parts.allSatisfy { sources[$0] != nil }
        // The study.toml key to blame: the one the error's file names, else the first it mentions.
        let blamed = fileIsOption ? parts.compactMap({ sources[$0] }).first(where: \.isToml) ?? named.first(where: \.isToml)
            : named.first(where: \.isToml)
        guard let toml = blamed, let key = toml.tomlKey else { return e }
        if !fileIsOption, let f = e.file {
            e.message = f + (e.line.map { ":\($0)" } ?? "") + ": " + e.message
        } else if !named.contains(where: { $0.isToml }) {
            e.message = key + ": " + e.message
        }
        e.file = "study.toml"
        e.line = toml.line
        return e
    }

    /// The warning when T_s or T_e (or both) is not given: names the one missing.
    public var missingBoundsWarning: String {
        switch (tsK, teK) {
        case (let ts?, nil):
            return "T_e not given (--te or te_K in study.toml; T_s = \(Format.shortNumber(ts)) K is, by \(sources["--ts"]?.shown ?? "--ts")): ΔH_rej and S_r not computed"
        case (nil, let te?):
            return "T_s not given (--ts or ts_K in study.toml; T_e = \(Format.shortNumber(te)) K is, by \(sources["--te"]?.shown ?? "--te")): ΔH_rej and S_r not computed"
        default:
            return "T_s/T_e not given (--ts/--te or ts_K/te_K in study.toml): ΔH_rej and S_r not computed"
        }
    }

    /// Applies SPEC §2.3 precedence: option > study.toml > default.
    public static func resolve(_ options: AnalysisOptions, _ settings: StudySettings) throws -> ResolvedSettings {
        var baseline = DSCBaseline.linear
        if let b = options.baseline { baseline = b } else if let text = settings.baseline {
            guard let b = DSCBaseline(text) else {
                throw GlassError(.usage, file: "study.toml", line: settings.line(of: ["baseline"]), "baseline = '\(text)'; expected linear, none or state:LABEL")
            }
            baseline = b
        }
        var r = ResolvedSettings(tsK: options.tsK ?? settings.tsK, teK: options.teK ?? settings.teK, baseline: baseline,
                                 trefK: options.trefK ?? settings.trefK ?? DMAStateSettings.defaultTrefK)
        func source(_ option: String, _ given: Bool, _ key: String) -> SettingSource {
            given ? SettingSource(option: option) : SettingSource(option: option, tomlKey: key, line: settings.line(of: [key]))
        }
        r.sources = ["--ts": source("--ts", options.tsK != nil, "ts_K"),
                     "--te": source("--te", options.teK != nil, "te_K"),
                     "--baseline": source("--baseline", options.baseline != nil, "baseline")]
        return r
    }
}
