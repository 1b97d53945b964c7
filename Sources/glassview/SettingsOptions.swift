import ArgumentParser
import GlassKit

/// The analysis settings every front end takes (`analyze`, `plot`, `explore`): one option group,
/// so each command offers the same options and turns them into one `AnalysisOptions`.
/// SPEC §2.3: an option wins over study.toml, which wins over file metadata.
struct SettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Integration start T_s in K.", valueName: "K"))
    var ts: Double?

    @Option(help: ArgumentHelp("Integration end T_e in K.", valueName: "K"))
    var te: Double?

    @Option(help: ArgumentHelp("DSC baseline: linear (chord, default), none, or state:LABEL.", valueName: "B"))
    var baseline: String?

    @Option(name: .customLong("beta-window"), help: ArgumentHelp("β-peak window in K for every state (default 320:420).", valueName: "LO:HI"))
    var betaWindow: String?

    @Option(name: .customLong("alpha-window"), help: ArgumentHelp("α-peak window in K for every state (default 430:500).", valueName: "LO:HI"))
    var alphaWindow: String?

    @Option(name: .customLong("qpd-window"), help: ArgumentHelp("QPD frequency window in Hz for every state (default 0.01:1).", valueName: "LO:HI"))
    var qpdWindow: String?

    @Option(name: .customLong("qpd-window-above-peak"),
            help: ArgumentHelp("QPD window in decades above each isotherm's E'' maximum, for isotherms at T ≥ T_g (default: the fixed window only; docs/diagnostics.md).", valueName: "LO:HI"))
    var qpdWindowAbovePeak: String?

    @Option(help: ArgumentHelp("T_g in K for a1/a2 of every state (default: study.toml, file metadata, else estimated).", valueName: "K"))
    var tg: Double?

    @Option(help: ArgumentHelp("Master-curve reference temperature in K (default 450).", valueName: "K"))
    var tref: Double?

    @Option(name: .customLong("tts-on"), help: ArgumentHelp("Master-curve shift criterion: moduli (log E' and log E'', default), storage, loss or tan-delta.", valueName: "C"))
    var ttsOn: String?

    @Option(name: .customLong("vertical-shift"), help: ArgumentHelp("Master-curve vertical shift: none (default), temperature (b_T = T_ref/T) or fit.", valueName: "V"))
    var verticalShift: String?
    @Option(name: .customLong("glass-line"), help: ArgumentHelp("Glass-line window in K for the T_g constructions of every state (default: study.toml, else proposed).", valueName: "LO:HI"))
    var glassLine: String?

    @Option(name: .customLong("liquid-line"), help: ArgumentHelp("Liquid-line window in K (above the transition and its overshoot, below crystallization).", valueName: "LO:HI"))
    var liquidLine: String?

    @Option(name: .customLong("crystallization-window"), help: ArgumentHelp("Crystallization window in K around the first exotherm (T_x, ΔH_x).", valueName: "LO:HI"))
    var crystallizationWindow: String?

    /// ArgumentParser calls this before any command runs: a value that cannot be read is a usage
    /// error naming its option (the one exit path in Glassview.swift prints it).
    func validate() throws {
        _ = try analysisOptions()
    }

    /// The options as the analysis takes them; a usage error names the option that is wrong
    /// (already checked by `validate()`).
    func analysisOptions() throws -> AnalysisOptions {
        var options = AnalysisOptions(tsK: ts, teK: te, tgK: tg, trefK: tref)
        options.betaWindowK = try betaWindow.map { try WindowOption.parse($0, option: "--beta-window") }
        options.alphaWindowK = try alphaWindow.map { try WindowOption.parse($0, option: "--alpha-window") }
        options.qpdWindowHz = try qpdWindow.map { try WindowOption.parse($0, option: "--qpd-window") }
        options.qpdWindowAbovePeakDecades = try qpdWindowAbovePeak.map { try WindowOption.parse($0, option: "--qpd-window-above-peak") }
        options.glassLineK = try glassLine.map { try WindowOption.parse($0, option: "--glass-line") }
        options.liquidLineK = try liquidLine.map { try WindowOption.parse($0, option: "--liquid-line") }
        options.crystallizationWindowK = try crystallizationWindow.map { try WindowOption.parse($0, option: "--crystallization-window") }
        options.baseline = try choice(baseline, "--baseline", DSCBaseline.init, "linear, none or state:LABEL")
        options.ttsOn = try choice(ttsOn, "--tts-on", TTSCriterion.init(rawValue:), "one of \(TTSCriterion.spellings)")
        options.verticalShift = try choice(verticalShift, "--vertical-shift", TTSVerticalShift.init(rawValue:),
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
