import ArgumentParser
import Foundation
import GlassIO
import GlassKit

/// `glassview analyze STUDY`: every parameter, as JSON or TSV (SPEC §5).
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse a study and export every parameter (JSON or TSV).",
        discussion: """
        Settings follow SPEC §2.3: a command-line option wins over study.toml, which wins over \
        file metadata. Errors name the file and line and exit with status 64 (usage), 65 (bad data), \
        66 (missing input) or 73 (output not writable); nothing is written on error.

        Examples:
          glassview analyze samples/la30ce30ni10al20co10
          glassview analyze STUDY --ts 420 --te 500 --baseline state:as-cast --format tsv -o out.tsv
          glassview analyze STUDY --beta-window 330:410 --qpd-window 0.01:0.1 --tg 430 --tref 440
        """
    )

    @Argument(help: "Study directory (or a single data file).")
    var study: String

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

    @Option(help: ArgumentHelp("T_g in K for a1/a2 of every state (default: study.toml, file metadata, else estimated).", valueName: "K"))
    var tg: Double?

    @Option(help: ArgumentHelp("Master-curve reference temperature in K (default 450).", valueName: "K"))
    var tref: Double?

    @Option(help: "Output format: json or tsv.")
    var format: ExportFormat = .json

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        do {
            var options = AnalysisOptions(tsK: ts, teK: te, tgK: tg, trefK: tref)
            options.betaWindowK = try betaWindow.map { try WindowOption.parse($0, option: "--beta-window") }
            options.alphaWindowK = try alphaWindow.map { try WindowOption.parse($0, option: "--alpha-window") }
            options.qpdWindowHz = try qpdWindow.map { try WindowOption.parse($0, option: "--qpd-window") }
            if let b = baseline {
                guard let parsed = DSCBaseline(b) else {
                    throw GlassError(.usage, file: "--baseline", "'\(b)'; expected linear, none or state:LABEL")
                }
                options.baseline = parsed
            }
            let s = try StudyLoader.load(study)
            let results = try Analysis.run(s, options: options)
            let text = format == .json ? ResultsExport.jsonText(results) : ResultsExport.tsv(results)
            if let out = output {
                try AtomicFile.write(text, to: out)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch {
            exitWithError(error)
        }
    }
}

/// Export formats.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, tsv
}
