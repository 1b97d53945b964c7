import GlassKit
/// Work with side effects that `update` asks the runtime to do (files), keeping `update` pure.
/// The runtime performs it and feeds the outcome back as ``Action/effectFinished(_:)``.
public enum Effect: Equatable, Sendable {
    /// Write the export files; overwrite existing ones only when `overwrite`.
    case export(ExportRequest, overwrite: Bool)
    /// Write the bounds into study.toml (after the user confirmed).
    case writeSettings(SettingsRequest)
    /// End the explorer (the runtime closes the terminal).
    case quit
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
    /// View 9: the master-curve file path and TSV (`glassview master`'s format), or nil.
    public var masterPath: String? = nil
    /// The master-curve TSV.
    public var master: String? = nil
    /// Added to the message once written (what the export leaves out), or nil.
    public var note: String? = nil
    /// The studies exported (their paths and data files): none of their input files may be written.
    public var exported: [ExportedStudy] = []
    /// Every path the request writes.
    public var paths: [String] { [jsonPath, tsvPath] + (masterPath.map { [$0] } ?? []) }
    /// Makes a request.
    public init(jsonPath: String, tsvPath: String, json: String, tsv: String) {
        self.jsonPath = jsonPath; self.tsvPath = tsvPath; self.json = json; self.tsv = tsv
    }
}

/// A study whose results an export holds: its path and its data files' paths within it.
public struct ExportedStudy: Equatable, Sendable {
    /// The study's path as opened.
    public var study: String
    /// Its data files, relative to it.
    public var sources: [String]
    /// The study of `results`.
    public init(_ results: Results) {
        study = results.study
        sources = results.sources.map(\.path)
    }
}

/// Settings to write into study.toml: every value in force that study.toml alone would not
/// give, each where it wins (see ``SettingsWritePlan``).
public struct SettingsRequest: Equatable, Sendable {
    /// The study.toml path.
    public var tomlPath: String
    /// What to set, top-level keys first.
    public var assignments: [TomlAssignment]
    /// The SHA-256 of study.toml as the explorer last read or wrote it (nil: there was none).
    /// A file that differs at `w` was edited outside: the write is asked about first.
    public var readDigest: String?
    /// Write even though study.toml changed since it was read (answered yes).
    public var intoChangedFile = false
    /// The assignments as the question and the "wrote" message list them: the ones changed
    /// since study.toml was read first, so that a line cut at the screen's width keeps them.
    public var shown: [TomlAssignment]
    /// Makes a request (`shown`: the assignments' order for messages; by default theirs).
    public init(tomlPath: String, assignments: [TomlAssignment], shown: [TomlAssignment]? = nil, readDigest: String? = nil) {
        self.tomlPath = tomlPath; self.assignments = assignments; self.shown = shown ?? assignments; self.readDigest = readDigest
    }
}

/// How a performed effect ended.
public enum EffectOutcome: Equatable, Sendable {
    /// Done; a message for the status line.
    case done(String)
    /// The results were exported (with the settings in force); a message.
    case exported(String)
    /// The settings were written into study.toml; the study's settings as read back from the
    /// new file, a message and the new file's SHA-256 (what the next `w` expects to find).
    case settingsWritten(StudySettings, String, digest: String? = nil)
    /// study.toml changed on disk since the explorer read it: nothing written; ask first.
    case settingsFileChanged(SettingsRequest)
    /// The export target exists: ask before overwriting.
    case exists(ExportRequest, paths: [String])
    /// Failed; the one-line reason.
    case failed(String)
}
