import ArgumentParser
import GlassKit

/// The analysis settings every front end takes (`analyze`, `plot`, `explore`): one option group,
/// so each command offers the same options and turns them into one `AnalysisOptions`.
/// SPEC §2.3: an option wins over study.toml, which wins over file metadata.
struct SettingsOptions: ParsableArguments {
    // Each option's long name is its property's, kebab-cased (`betaWindow` is --beta-window).
    // Each takes the next word as its value even when it starts with `-` (`--qpd-window-above-peak
    // -1:0.5`, a window of decades below the peak; `--tg -5` then gets the one-line range error).
    @Option(parsing: .unconditional, help: .kelvin("Integration start T_s in K.")) var ts: String?
    @Option(parsing: .unconditional, help: .kelvin("Integration end T_e in K.")) var te: String?
    @Option(parsing: .unconditional, help: .word("DSC baseline: linear (chord, default), none, or state:LABEL.", "B"),
            completion: .list(["linear", "none", "state:"])) var baseline: String?
    @Option(parsing: .unconditional, help: .window("β-peak window in K for every state (default 320:420).")) var betaWindow: String?
    @Option(parsing: .unconditional, help: .window("α-peak window in K for every state (default 430:500).")) var alphaWindow: String?
    @Option(parsing: .unconditional, help: .window("QPD frequency window in Hz for every state (default 0.01:1).")) var qpdWindow: String?
    @Option(parsing: .unconditional, help: .window("QPD window in decades above each isotherm's E'' maximum, for isotherms at T ≥ T_g (default: the fixed window only; docs/diagnostics.md).")) var qpdWindowAbovePeak: String?
    @Option(parsing: .unconditional, help: .kelvin("T_g in K for a1/a2 of every state (default: study.toml, file metadata, else estimated).")) var tg: String?
    @Option(parsing: .unconditional, help: .kelvin("Master-curve reference temperature in K (default 450).")) var tref: String?
    @Option(parsing: .unconditional, help: .word("Master-curve shift criterion: moduli (log E' and log E'', default), storage, loss or tan-delta.", "C"),
            completion: .list(["moduli", "storage", "loss", "tan-delta"])) var ttsOn: String?
    @Option(parsing: .unconditional, help: .word("Master-curve vertical shift: none (default), temperature (b_T = T_ref/T) or fit.", "V"),
            completion: .list(["none", "temperature", "fit"])) var verticalShift: String?
    @Option(parsing: .unconditional, help: .window("Glass-line window in K for the T_g constructions of every state (default: study.toml, else proposed).")) var glassLine: String?
    @Option(parsing: .unconditional, help: .window("Liquid-line window in K (above the transition and its overshoot, below crystallization).")) var liquidLine: String?
    @Option(parsing: .unconditional, help: .window("Crystallization window in K around the first exotherm (T_x, ΔH_x).")) var crystallizationWindow: String?

    /// ArgumentParser calls this before any command runs: a value that cannot be read, or that no
    /// study could use (`AnalysisOptions.validate`), is a usage error naming its option (the one
    /// exit path in Glassview.swift prints it).
    func validate() throws {
        try analysisOptions().validate()
    }

    /// The options as the analysis takes them; a usage error names the option that is wrong
    /// (already checked by `validate()`).
    func analysisOptions() throws -> AnalysisOptions {
        var options = AnalysisOptions(tsK: try TemperatureOption.parse(ts, option: "--ts"),
                                      teK: try TemperatureOption.parse(te, option: "--te"),
                                      tgK: try TemperatureOption.parse(tg, option: "--tg"),
                                      trefK: try TemperatureOption.parse(tref, option: "--tref"))
        options.betaWindowK = try betaWindow.map { try WindowOption.parse($0, option: "--beta-window", positive: true) }
        options.alphaWindowK = try alphaWindow.map { try WindowOption.parse($0, option: "--alpha-window", positive: true) }
        options.qpdWindowHz = try qpdWindow.map { try WindowOption.parse($0, option: "--qpd-window", positive: true) }
        options.qpdWindowAbovePeakDecades = try qpdWindowAbovePeak.map { try WindowOption.parse($0, option: "--qpd-window-above-peak") }
        options.glassLineK = try glassLine.map { try WindowOption.parse($0, option: "--glass-line", positive: true) }
        options.liquidLineK = try liquidLine.map { try WindowOption.parse($0, option: "--liquid-line", positive: true) }
        options.crystallizationWindowK = try crystallizationWindow.map { try WindowOption.parse($0, option: "--crystallization-window", positive: true) }
        options.baseline = try choice(baseline, "--baseline", DSCBaseline.init, "linear, none or state:LABEL")
        options.ttsOn = try choice(ttsOn, "--tts-on", TTSCriterion.init(word:), "one of \(TTSCriterion.spellings)")
        options.verticalShift = try choice(verticalShift, "--vertical-shift", TTSVerticalShift.init(word:),
                                           "one of \(TTSVerticalShift.spellings)")
        return options
    }

    /// A word option read as one of its values; a one-line usage error naming the option otherwise.
    func choice<T>(_ text: String?, _ option: String, _ make: (String) -> T?, _ expected: String) throws -> T? {
        guard let text else { return nil }
        guard let value = make(text) else { throw GlassError(.usage, file: option, "'\(text)'; expected \(expected)") }
        return value
    }
}

extension ArgumentHelp {
    /// Help of a temperature option (value name K).
    static func kelvin(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: "K") }
    /// Help of a window option (value name LO:HI).
    static func window(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: "LO:HI") }
    /// Help of a word option with its value name.
    static func word(_ text: String, _ valueName: String) -> ArgumentHelp { ArgumentHelp(text, valueName: valueName) }
}
