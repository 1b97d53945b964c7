import ArgumentParser
import Foundation
import GlassIO
import GlassKit
import GlassTUI

/// `glassview plot STUDY --view NAME`: one view's plot printed to stdout.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one view's plot to stdout (braille on UTF-8 terminals, else ASCII).",
        discussion: """
        Views: \(ViewID.allCases.map { "\($0.rawValue) \($0.name)" }.joined(separator: ", ")). \
        Settings as `analyze` takes them (the same options; study.toml; bounds proposed as the \
        explorer does when none are given). Without --view: heatflow, or the first view with data. \
        Colours only when stdout is a terminal and NO_COLOR is unset. A view that cannot be \
        computed prints the reason on stderr and exits 1.

        Example:
          glassview plot samples/la30ce30ni10al20co10 --view heatflow --width 100 --height 30
        """
    )

    @Argument(help: "Study directory (or a single data file).")
    var study: String

    @Option(help: ArgumentHelp("View name or number (default: heatflow, or the first view with data).", valueName: "NAME"))
    var view: String?

    @Option(help: "Width in columns.")
    var width: Int = 100

    @Option(help: "Height in rows.")
    var height: Int = 30

    @Flag(help: "ASCII only.")
    var ascii = false

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        do {
            setlocale(LC_ALL, "")
            var id = ViewID.heatFlow
            if let view {
                guard let named = ViewID(name: view) else {
                    throw GlassError(.usage, file: "--view", "'\(view)'; expected one of \(ViewID.allCases.map(\.name).joined(separator: ", ")) or 1-9")
                }
                id = named
            }
            guard (10...2000).contains(width), (5...1000).contains(height) else {
                throw GlassError(.usage, file: "--width/--height", "\(width)×\(height); expected 10–2000 × 5–1000")
            }
            let options = try settings.analysisOptions()
            let s = try StudyLoader.load(study)
            let env = ProcessInfo.processInfo.environment
            let colours = isatty(STDOUT_FILENO) != 0 && (env["NO_COLOR"] ?? "").isEmpty
            let style = RenderStyle(braille: !ascii && PlotOutput.localeIsUTF8(), colours: colours)
            var state = ExplorerState(studyPath: study, load: .success(s), options: options, style: style,
                                      exportDirectory: FileManager.default.currentDirectoryPath, width: width, height: height)
            if let e = state.loadError { throw GlassError(.data, e) }
            if view == nil, let first = ViewID.allCases.first(where: { ViewRegistry.view($0).plot(state, columns: width) != nil }) {
                id = first  // a study without DSC data starts where it has data, as the explorer does
            }
            state.view = id
            switch PlotOutput.render(state, view: id, width: width, height: height) {
            case .success(let frame):
                let text = colours ? frame.ansiText : frame.text
                FileHandle.standardOutput.write(Data((text + "\n").utf8))
            case .failure(let u):
                FileHandle.standardError.write(Data("glassview: view \(id.name): \(u.reason)\n".utf8))
                throw ExitCode(1)
            }
        } catch let e as GlassError {
            exitWithError(e)
        }
    }
}
