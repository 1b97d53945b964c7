import ArgumentParser
import Foundation
import GlassIO
import GlassKit
import GlassTUI

/// `glassview [STUDY]`: the interactive explorer (default command).
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive explorer on a study (default: the bundled sample study).",
        discussion: """
        Keys: 1-9/Tab views, [ ] cursor, ←/→ (h/l) move it, H/L ten steps, = exact value, \
        space toggles a state, +/-/0 zoom, b baseline, e export, w write study.toml, ? help, q quit. \
        Exit status 69 when there is no usable terminal (TERM unset, dumb or unknown).
        """
    )

    @Argument(help: "Study directory (default: the bundled sample study).")
    var study: String?

    @Flag(help: "Draw with ASCII only (no braille or box characters).")
    var ascii = false

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        setlocale(LC_ALL, "")
        let options: AnalysisOptions
        do { options = try settings.analysisOptions() } catch { exitWithError(error) }
        let path = study ?? SampleStudy.path
        let load = Result<Study, any Error> { try StudyLoader.load(path) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        SignalWatch.install()
        var terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forceASCII: ascii, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("glassview: \(error)\n".utf8))
            throw ExitCode(69)
        }
        var state = ExplorerState(studyPath: path, load: load, options: options, style: terminal.style,
                                  exportDirectory: FileManager.default.currentDirectoryPath)
        state.studyIsDirectory = exists && isDirectory.boolValue
        switch ExplorerRuntime.run(state, terminal: &terminal, perform: ExplorerEffects.perform) {
        case .quit:
            return
        case .signal(let n):
            throw ExitCode(128 + n)
        }
    }
}
