import ArgumentParser
import Foundation
import GlassKit

/// The `glassview` command: the explorer by default, plus `analyze`, `master`, `plot`, `simulate`, `bench`.
@main
struct Glassview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glassview",
        abstract: "Explore DSC and DMA data of bulk metallic glasses: rejuvenation enthalpy, relaxation fits, master curves.",
        discussion: """
        A study is a directory of data files (*.csv *.tsv *.txt *.dat: glassview's native format, \
        NETZSCH Proteus or TA Universal Analysis text exports) with an optional study.toml. \
        `man glassview` lists every command and option; docs/ in the source repository holds the \
        method reference (docs/method.md: every formula and unit), the export keys (docs/export.md), \
        study.toml (docs/study-toml.md) and the reading rules (docs/reading-rules.md).
        """,
        version: GlassKit.version,
        subcommands: [Explore.self, Analyze.self, Master.self, Plot.self, Simulate.self, Bench.self],
        defaultSubcommand: Explore.self
    )
}

/// Prints a one-line error and exits with its status (below 128, SPEC §2.5).
func exitWithError(_ error: Error) -> Never {
    let message: String
    var code: Int32 = 1
    if let g = error as? GlassError {
        message = g.description
        code = g.exitCode
    } else {
        message = "\(error)"
    }
    FileHandle.standardError.write(Data(("glassview: " + message + "\n").utf8))
    exit(code)
}
