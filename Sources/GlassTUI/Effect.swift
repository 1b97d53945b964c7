import GlassKit
/// Work with side effects that `update` asks the runtime to do (files), keeping `update` pure.
/// The runtime performs it and feeds the outcome back as ``Action/effectFinished(_:)``.
public enum Effect: Equatable, Sendable {
    /// Write the export files; overwrite existing ones only when `overwrite`.
    case export(ExportRequest, overwrite: Bool)
    /// Write the bounds into study.toml (after the user confirmed).
    case writeSettings(SettingsRequest)
}

/// What an export writes: both texts and where.
public struct ExportRequest: Equatable, Sendable {
    /// JSON file path.
    public var jsonPath: String
    /// TSV file path.
    public var tsvPath: String
    /// JSON text.
    public var json: String
    /// TSV text.
    public var tsv: String
    /// Makes a request.
    public init(jsonPath: String, tsvPath: String, json: String, tsv: String) {
        self.jsonPath = jsonPath; self.tsvPath = tsvPath; self.json = json; self.tsv = tsv
    }
}

/// Settings to write into study.toml.
public struct SettingsRequest: Equatable, Sendable {
    /// The study.toml path.
    public var tomlPath: String
    /// Integration start, K.
    public var tsK: Double
    /// Integration end, K.
    public var teK: Double
    /// Baseline spelling.
    public var baseline: String
    /// β window, K (nil: not written).
    public var betaWindowK: ClosedRange<Double>?
    /// α window, K.
    public var alphaWindowK: ClosedRange<Double>?
    /// QPD window, Hz.
    public var qpdWindowHz: ClosedRange<Double>?
    /// T_g, K (nil: not written, so it stays estimated or from the files).
    public var tgK: Double?
    /// T_ref, K.
    public var trefK: Double?
    /// The §3.1 windows to write (`glass_line_K`, `liquid_line_K`, `crystallization_window_K`; nil: not written).
    public var transitionWindows = TransitionWindows()
    /// Makes a request.
    public init(tomlPath: String, tsK: Double, teK: Double, baseline: String, betaWindowK: ClosedRange<Double>? = nil,
                alphaWindowK: ClosedRange<Double>? = nil, qpdWindowHz: ClosedRange<Double>? = nil, tgK: Double? = nil,
                trefK: Double? = nil) {
        self.tomlPath = tomlPath; self.tsK = tsK; self.teK = teK; self.baseline = baseline
        self.betaWindowK = betaWindowK; self.alphaWindowK = alphaWindowK; self.qpdWindowHz = qpdWindowHz
        self.tgK = tgK; self.trefK = trefK
    }

    /// The top-level study.toml keys and TOML values to write, in order: ts_K, te_K, baseline,
    /// then the DMA windows, tg_K and tref_K that are set.
    public var tomlValues: [(key: String, value: String)] {
        func window(_ w: ClosedRange<Double>) -> String { "[\(JSONValue.format(w.lowerBound)), \(JSONValue.format(w.upperBound))]" }
        var out: [(key: String, value: String)] = [("ts_K", JSONValue.format(tsK)), ("te_K", JSONValue.format(teK)),
                                                   ("baseline", "\"\(baseline)\"")]
        if let w = betaWindowK { out.append(("beta_window_K", window(w))) }
        if let w = alphaWindowK { out.append(("alpha_window_K", window(w))) }
        if let w = qpdWindowHz { out.append(("qpd_window_Hz", window(w))) }
        if let t = tgK { out.append(("tg_K", JSONValue.format(t))) }
        if let t = trefK { out.append(("tref_K", JSONValue.format(t))) }
        for kind in TransitionWindowKind.allCases { if let w = transitionWindows[kind] { out.append((kind.key, window(w))) } }
        return out
    }
}

/// How a performed effect ended.
public enum EffectOutcome: Equatable, Sendable {
    /// Done; a message for the status line.
    case done(String)
    /// The settings were written into study.toml; a message.
    case settingsWritten(SettingsRequest, String)
    /// The export target exists: ask before overwriting.
    case exists(ExportRequest, paths: [String])
    /// Failed; the one-line reason.
    case failed(String)
}
