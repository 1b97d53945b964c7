import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit
import GlassTUI

/// `glassview analyze STUDY`: every parameter, as JSON or TSV (SPEC §5).
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a study and export every parameter (JSON or TSV), or show the key results (table).",
        discussion: """
        Settings (docs/study-toml.md): a command-line option wins over study.toml, which wins over \
        file metadata. Errors name the file and line and exit with status 64 (usage), 65 (bad data), \
        66 (missing input) or 73 (output not writable); nothing is written on error.

        Examples:
          glassview analyze samples/la30ce30ni10al20co10
          glassview analyze STUDY --ts 420 --te 500 --baseline state:as-cast --format tsv -o out.tsv
          glassview analyze STUDY --beta-window 330:410 --qpd-window 0.01:0.1 --tg 430 --tref 440
          glassview analyze A B C --format tsv -o lab.tsv     # several studies, one table (first column: study)
          glassview analyze STUDY --format table              # key results aligned, warnings grouped
          glassview analyze STUDY --tts-on storage --vertical-shift fit   (master curves: docs/master-curves.md)
        """
    )

    @Argument(help: "Study directories (or single data files); several give one document, studies in argument order.", completion: .file())
    var studies: [String]

    @OptionGroup var settings: SettingsOptions

    @Option(help: "Output format: json, tsv (both for scripts), or table (key results for a person).")
    var format: ExportFormat = .json

    @OptionGroup var output: OutputOption

    func run() throws {
        FreedMemory.keepForThisProcess()
        let results = try StudyBatch.analyze(studies, options: try settings.analysisOptions())
        try output.refuseInputs(of: results)
        switch format {
        case .json: try output.write(utf8: ResultsExport.jsonUTF8(results))
        case .tsv: try output.write(ResultsExport.tsv(results))
        case .table:
            // For a person to read: in the locale's character set, as `plot` and the explorer write.
            TerminalLocale.adopt()
            try output.write(ResultsTable.text(results, unicode: PlotOutput.localeIsUTF8()))
        }
    }
}

/// Export formats.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, tsv
    /// Key results for a person: aligned columns, value ± stderr, warnings grouped (not for scripts).
    case table

    /// Any letter case, as every word option's value (`--baseline LINEAR`, `--view HEATFLOW`).
    init?(argument: String) { self.init(rawValue: argument.trimmedSpaces.lowercased()) }
}
