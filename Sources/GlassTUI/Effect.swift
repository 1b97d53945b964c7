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
    /// Makes a request.
    public init(tomlPath: String, tsK: Double, teK: Double, baseline: String) {
        self.tomlPath = tomlPath; self.tsK = tsK; self.teK = teK; self.baseline = baseline
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
