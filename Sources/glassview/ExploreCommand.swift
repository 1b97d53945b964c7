import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit
import GlassTUI

/// `glassview [STUDY]`: the interactive explorer (default command).
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the interactive explorer on a study (default: the sample study of the source tree).",
        discussion: "Keys (? in the explorer lists those of the view shown):\n" + KeyBindings.commandHelp
            + "\n\nExit status 69 when there is no usable terminal (TERM unset, dumb or unknown)."

    )

    @Argument(help: "Study directories (default: the sample study, run from the source tree); several open side by side (s switches, c compares).", completion: .file())
    var studies: [String] = []

    @Flag(help: "Draw with ASCII only (no braille or box characters).")
    var ascii = false

    @OptionGroup var settings: SettingsOptions

    /// Where `e` writes: the current directory, unless it is (or lies inside) a study directory,
    /// whose files are input and would read an export back as data; then beside that study.
    static func exportDirectory(studies: [String]) -> String {
        let here = FileManager.default.currentDirectoryPath
        for study in studies where PathInfo.isDirectory(study) == true && PathInfo.isWithin(here, study) {
            if let r = PathInfo.resolved(study) { return PathInfo.parent(of: r) }
        }
        return here
    }

    func run() throws {
        TerminalLocale.adopt()
        let options = try settings.analysisOptions()
        let paths = (studies.isEmpty ? [try SampleStudy.path] : studies).map(PathInfo.named)
        // A study that is not there is a typo: said before the screen is taken, as `analyze` says it.
        for path in paths where PathInfo.isDirectory(path) == nil {
            throw GlassError(.noInput, file: path, PathInfo.missing(path))
        }
        // One study twice would be two studies of one name (a comparison export's keys clash).
        if paths.count > 1 { try StudyBatch.refuseRepeats(paths) }
        let loads = paths.map { path -> (path: String, load: Result<Study, any Error>, isDirectory: Bool) in
            (path, Result { try StudyLoader.load(path) }, PathInfo.isDirectory(path) == true)
        }
        SignalWatch.install()
        var terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forceASCII: ascii, environment: ProcessInfo.processInfo.environment)
        } catch {
            StandardStreams.error("glassview: \(error)\n")
            throw ExitCode(69)
        }
        let several = paths.count > 1
        let state = StudyWorkspace.open(loads, options: options, style: terminal.style,
                                        exportDirectory: Self.exportDirectory(studies: paths),
                                        errorNaming: { StudyBatch.naming($0, study: $1, several: several) })
        let outcome = ExplorerRuntime.run(state, terminal: &terminal, perform: ExplorerEffects.perform)
        if let standIn = terminal.standIn {
            // After the screen is restored: a note during the session would be drawn over.
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            StandardStreams.error("glassview: note: \(TerminalStandIn.note(term: term, standIn: standIn))\n")
        }
        switch outcome {
        case .quit:
            return
        case .signal(let n):
            throw ExitCode(128 + n)
        }
    }
}
