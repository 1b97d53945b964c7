/// Where a setting used by the analysis came from: the command-line option, or a study.toml key
/// at its line. Errors found once the data is read name it as the user wrote it.
public struct SettingSource: Sendable, Equatable {
    /// The option the core names in its errors (`--ts`).
    public var option: String
    /// The study.toml key (`ts_K`); nil when the option gave the value.
    public var tomlKey: String?
    /// The study.toml line of `tomlKey`, when known (settings made in code have none).
    public var line: Int?

    /// A value given by `option` on the command line.
    public init(option: String) { self.option = option }

    /// A value given by study.toml's `key`, at `line`.
    public init(option: String, tomlKey: String, line: Int?) {
        self.option = option; self.tomlKey = tomlKey; self.line = line
    }

    /// Whether study.toml gave the value.
    public var isToml: Bool { tomlKey != nil }

    /// How messages name it: `--ts`, `study.toml:3 ts_K` (`study.toml ts_K` without a line).
    public var shown: String {
        guard let key = tomlKey else { return option }
        return "study.toml" + (line.map { ":\($0)" } ?? "") + " " + key
    }
}
