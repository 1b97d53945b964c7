import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit

/// `glassview master STUDY`: the shifted points of the master curve (SPEC §4.3), TSV or JSON.
struct Master: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "master",
        abstract: "Write the master curve (shifted isothermal sweeps) for plotting in other tools.",
        discussion: """
        One row (TSV) or object (JSON) per point of every isotherm with a shift: state, isotherm T, \
        f, log10 a_T, log10 b_T, reduced frequency f·a_T, b_T·E', b_T·E'', tan δ; by reduced \
        frequency within each state. Takes every settings option of `analyze` (T_ref, the shift \
        criterion --tts-on, the vertical shift --vertical-shift; see docs/master-curves.md). \
        Master-curve warnings go to standard error.

        Examples:
          glassview master samples/la30ce30ni10al20co10 --state as-cast -o as-cast-master.tsv
          glassview master STUDY --tts-on storage --vertical-shift fit --tref 450 --format json
        """
    )

    @Argument(help: "Study directory (or a single data file).", completion: .file())
    var study: String

    @OptionGroup var settings: SettingsOptions

    @Option(help: ArgumentHelp("Only this DMA state (default: every state with isothermal sweeps).", valueName: "S"))
    var state: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("Output format: tsv or json.", valueName: "tsv|json"), completion: .list(["tsv", "json"]))
    var formatOption: String = "tsv"

    /// --format in lower case: word values are read in any letter case.
    var format: String { formatOption.trimmedSpaces.lowercased() }

    @OptionGroup var output: OutputOption

    /// A master curve has two forms (no table, unlike `analyze`): its help and completions offer
    /// only those, and anything else is the one-line usage error.
    func validate() throws {
        guard format == "tsv" || format == "json" else { throw GlassError(.usage, file: "--format", "'\(formatOption)'; expected tsv or json") }
    }

    func run() throws {
        FreedMemory.keepForThisProcess()
        let options = try settings.analysisOptions()
        // A study that is one file is named as typed in its errors (StudyBatch.naming).
        let results = try StudyBatch.naming(study: study) {
            try Analysis.run(EarlyLoad.load(study, digests: false), options: options)  // the curves export names no source hashes
        }
        try output.refuseInputs(of: [results])
        // Which states exist is known only once the study is read, so --state is checked here.
        if let state, !results.dma.contains(where: { $0.state == state }) {
            let known = results.dma.map { $0.state }
            throw GlassError(.usage, file: "--state", "'\(state)' is not a DMA state of this study; expected one of "
                + (known.isEmpty ? "(none: no DMA data)" : known.joined(separator: ", ")))
        }
        let chosen = MasterCurveExport.select(results.dma, only: state)
        // Nothing to write is no bad data (nothing in a file is wrong): status 1, as `plot` of a
        // view with nothing to draw (docs/export.md).
        guard !chosen.isEmpty else {
            StandardStreams.error("glassview: \(study): " + (state.map { "DMA state '\($0)' has no isothermal sweeps" } ?? "no DMA state has isothermal sweeps")
                + ": no master curve to write (it needs isothermal frequency sweeps, dma-fsweep, at one temperature or more)\n")
            throw ExitCode(1)
        }
        for w in results.warnings where w.contains("master curve") && chosen.contains(where: { w.hasPrefix("dma \($0.state) master curve") }) {
            StandardStreams.error("glassview: warning: " + w + "\n")
        }
        let text = format == "json" ? MasterCurveExport.jsonText(chosen, study: results.study) : MasterCurveExport.tsv(chosen)
        try output.write(text)
    }
}
