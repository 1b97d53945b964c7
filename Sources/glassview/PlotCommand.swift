import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit
import GlassPlot
import GlassTUI

/// `glassview plot STUDY --view NAME`: one view's plot printed to stdout.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Print one view's plot to stdout (braille on UTF-8 terminals, else ASCII).",
        discussion: """
        Views (number, name or tab as the explorer's title bar shows it): \(ViewID.spellings). \
        Settings as `analyze` takes them (the same options; study.toml; bounds proposed as the \
        explorer does when none are given). Without --view: heatflow, or the first view with data; \
        with several studies, view c: their comparison, as the explorer's view c shows it (each \
        study once; an error of one names it, as analyze does). \
        A title line comes first (one of the --height rows, cut with … to --width): study, view, T_s/T_e, baseline, and for views 4-9 T_ref \
        and the DMA states drawn. --xrange/--yrange fix an axis (data units; log axes need LO > 0; a negative \
        range is written as any other: --yrange -1.2:0.1). Colours only when stdout is a terminal with colours (terminfo; not TERM=dumb) and NO_COLOR \
        is unset; without colour, series differ by marker glyphs. A view that cannot be computed \
        prints the reason on stderr and exits 1.

        Examples:
          glassview plot samples/la30ce30ni10al20co10 --view 'W(T)' --width 100 --height 30
          glassview plot samples/la30ce30ni10al20co10 --view heatflow --xrange 420:500 --yrange -0.01:0.03
        """
    )

    @Argument(help: "Study directory (or a single data file); several are compared in view c.", completion: .file())
    var studies: [String] = []

    /// The first study (the one every view but c draws).
    var study: String { studies.first ?? "" }

    @Option(help: ArgumentHelp("View number, name or tab (W(T), E'(T), tanδ, TTS, …; default: heatflow, or the first view with data; c with several studies).", valueName: "NAME"),
            completion: .list(ViewID.allCases.map(\.name)))
    var view: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("X axis range in data units.", valueName: "LO:HI"))
    var xrange: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Y axis range in data units.", valueName: "LO:HI"))
    var yrange: String?

    // `.unconditional`: `--width -5` is a width to refuse, not a missing value. Text, read by
    // IntegerOption (as every number is by the house's readers, not ArgumentParser's).
    @Option(name: .customLong("width"), parsing: .unconditional, help: ArgumentHelp("Width in columns (\(Plot.widthRange.lowerBound)–\(Plot.widthRange.upperBound)).", valueName: "width"))
    var widthOption: String = "100"

    @Option(name: .customLong("height"), parsing: .unconditional, help: ArgumentHelp("Height in rows (\(Plot.heightRange.lowerBound)–\(Plot.heightRange.upperBound)).", valueName: "height"))
    var heightOption: String = "30"

    static let widthRange = 10...2000
    static let heightRange = 5...1000

    /// --width and --height.
    func size() throws -> (width: Int, height: Int) {
        (try IntegerOption.parse(widthOption, option: "--width", in: Self.widthRange, unit: "columns"),
         try IntegerOption.parse(heightOption, option: "--height", in: Self.heightRange, unit: "rows"))
    }

    @Flag(help: "ASCII only.")
    var ascii = false

    @Option(help: ArgumentHelp("States shown, as the states pane names them (comma-separated, \\, for a comma in a label; default: all). Views 1-3 need one with DSC data; views 5, 6 show the first listed that has DMA data, views 4, 7-9 every listed one (9: over the first); not with view c, which compares whole studies.", valueName: "LABELS"))
    var states: String?

    /// The labels of --states, in order, each once; nil without the option. `\,` is a comma of a
    /// label (`cooled-2\,5`: decimal-comma labs name states so), `\\` a backslash.
    func stateList() throws -> [String]? {
        guard let states else { return nil }
        var out: [String] = [], parts: [String] = [""], escaped = false
        for c in states {
            if escaped { parts[parts.count - 1].append(c); escaped = false }
            else if c == "\\" { escaped = true }
            else if c == "," { parts.append("") }
            else { parts[parts.count - 1].append(c) }
        }
        if escaped { throw GlassError(.usage, file: "--states", "'\(states)' ends in a lone \\; expected \\, for a comma or \\\\ for a backslash") }
        for part in parts {
            let label = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            guard !label.isEmpty else { throw GlassError(.usage, file: "--states", "'\(states)' has an empty label; expected state labels separated by commas") }
            if !out.contains(label) { out.append(label) }
        }
        return out
    }

    @OptionGroup var settings: SettingsOptions

    @OptionGroup var output: OutputOption

    /// The option values (the settings are checked by their own group).
    func validate() throws {
        let id = try chosenView()
        guard !studies.isEmpty else { throw GlassError(.usage, file: "STUDY", "missing; expected a study directory or a data file") }
        guard studies.count == 1 || id == .compare else {
            throw GlassError(.usage, file: "--view", "\(id.name) with \(studies.count) studies; expected one study, or --view c to compare several")
        }
        // View c compares whole studies, with one study as with several (it drew every state
        // whatever --states listed).
        if states != nil, id == .compare {
            throw GlassError(.usage, file: "--states", "given with view c, which compares whole studies; expected --states only with views 1-9")
        }
        _ = try stateList()
        _ = try size()
        _ = try ranges()
    }

    /// The view named by --view; without it heatflow, or c with several studies (the one view
    /// that takes them). A usage error for a name no view has.
    func chosenView() throws -> ViewID {
        guard let view else { return studies.count > 1 ? .compare : .heatFlow }
        guard let named = ViewID(name: view) else {
            throw GlassError(.usage, file: "--view", "'\(view)'; expected a number 1-\(ViewID.allCases.count), a name or a tab: \(ViewID.spellings)")
        }
        return named
    }

    /// --xrange and --yrange.
    func ranges() throws -> (x: ClosedRange<Double>?, y: ClosedRange<Double>?) {
        (try xrange.map { try WindowOption.parse($0, option: "--xrange") },
         try yrange.map { try WindowOption.parse($0, option: "--yrange") })
    }

    func run() throws {
        FreedMemory.keepForThisProcess()
        TerminalLocale.adopt()
        var id = try chosenView()
        let (xRange, yRange) = try ranges()
        let (width, height) = try size()
        let options = try settings.analysisOptions()
        if studies.count > 1 { try StudyBatch.refuseRepeats(studies) }  // before any analysis, as analyze
        let env = ProcessInfo.processInfo.environment
        // Colour escapes only for a terminal with colours (not TERM=dumb, Emacs' shell, vt100).
        let colours = output.file == nil && isatty(STDOUT_FILENO) != 0 && (env["NO_COLOR"] ?? "").isEmpty
            && TerminalColours.count(term: env["TERM"] ?? "") >= 8
        let style = RenderStyle(braille: !ascii && PlotOutput.localeIsUTF8() && !TerminalStandIn.isLinuxConsole(env["TERM"] ?? ""), colours: colours)
        var state: ExplorerState
        if studies.count > 1 {
            state = try Self.compared(studies, options: options, style: style, width: width, height: height)
        } else {
            // A study that is one file is named as typed in its errors (StudyBatch.naming).
            (state, id) = try StudyBatch.naming(study: study) { () throws -> (ExplorerState, ViewID) in
                let s = try EarlyLoad.load(study, digests: false)  // nothing is exported
                func explorerState(analysingDMA: Bool) -> ExplorerState {
                    ExplorerState(studyPath: study, load: .success(s), options: options, style: style,
                                  exportDirectory: FileManager.default.currentDirectoryPath, width: width, height: height,
                                  analysingDMA: analysingDMA, errorNaming: { StudyBatch.naming($0, study: $1, several: false) })
                }
                // A DSC view is drawn from the DSC part alone: the DMA part is not analysed for it (a
                // third of `plot` of the sample study). Without --view, heat flow is the view whenever it
                // has a plot; only a study where it has none needs the whole analysis to find its view.
                var state = explorerState(analysingDMA: !id.drawsOnDSCAlone), id = id
                if let e = state.loadError { throw GlassError(.data, e) }
                if view == nil, ViewRegistry.view(.heatFlow).plot(state, columns: width) == nil {
                    state = explorerState(analysingDMA: true)
                    if let e = state.loadError { throw GlassError(.data, e) }
                    id = ViewID.opening(state, columns: width)  // where it has data: the explorer's rule
                }
                // Settings the analysis refuses (a bound outside the data, T_s ≥ T_e, an unknown baseline
                // state, a window outside a curve) are the usage errors `analyze` gives, not a plot.
                if let e = state.analysisFailure, e.kind == .usage { throw e }
                if let chosen = try stateList() { try Plot.show(chosen, in: &state, study: s, view: id) }
                return (state, id)
            }
        }
        state.view = id
        // The title line is one of the --height rows.
        switch PlotOutput.render(state, view: id, width: width, height: height - 1, xRange: xRange, yRange: yRange) {
        case .success(let frame):
            let text = colours ? frame.ansiText : frame.text
            let title = PlotOutput.titleLine(state, view: id, width: width)
            // `-o FILE` (a slide's text): written atomically, never over an input, as analyze's.
            try output.refuseInputs(of: StudyWorkspace.states(state).compactMap(\.results))
            try output.write(title + "\n" + text + "\n")
        case .failure(let u) where u.option != nil:
            // The range as typed (display.md), not as read back (`0:1e-9` was shown `0:1e-09`).
            let typed = u.option == "--xrange" ? xrange : u.option == "--yrange" ? yrange : nil
            throw GlassError(.usage, file: u.option ?? "", (typed.map { "'\($0)'; " } ?? "") + u.reason)
        case .failure(let u):
            StandardStreams.error("glassview: view \(id.name): \(u.reason)\n")
            throw ExitCode(1)
        }
    }

    /// View c of several studies: each loaded and analysed as the explorer opens them, their
    /// errors named as `analyze A B` names them (`StudyBatch.naming`). The first study in
    /// argument order that fails to load, to be prepared, or with settings its analysis refuses
    /// stops the call, as in `analyze`.
    static func compared(_ paths: [String], options: AnalysisOptions, style: RenderStyle, width: Int, height: Int) throws -> ExplorerState {
        let loads = paths.map { path in
            (path: path, load: Result { try EarlyLoad.load(path, digests: false) }, isDirectory: PathInfo.isDirectory(path) == true)
        }
        let state = StudyWorkspace.open(loads, options: options, style: style, exportDirectory: FileManager.default.currentDirectoryPath,
                                        width: width, height: height, errorNaming: { StudyBatch.naming($0, study: $1) })
        for (l, other) in zip(loads, StudyWorkspace.states(state)) {
            if case .failure(let e) = l.load { throw StudyBatch.naming(e, study: l.path) }  // its own kind (66: missing)
            if let e = other.loadError { throw GlassError(.data, e) }
            if let e = other.analysisFailure, e.kind == .usage { throw e }
        }
        return state
    }

    /// Labels written as --states takes them (`cooled-2\,5`), comma-separated.
    static func escaped(_ labels: [String]) -> String {
        labels.map { $0.replacingLiteral("\\", with: "\\\\").replacingLiteral(",", with: "\\,") }.joined(separator: ", ")
    }

    /// Shows only the states `chosen` (hiding the others) and selects the first of them, so that
    /// views 4-9 show the first listed that has DMA data (the explorer's rule for the selected
    /// state). A label the study does not have is a usage error listing those it has.
    static func show(_ chosen: [String], in state: inout ExplorerState, study: Study, view id: ViewID) throws {
        var known: [String] = []
        // The states pane's labels (and DMA states'); the crystalline runs are the baseline, no state.
        for label in state.stateLabels + study.datasets.filter({ $0.role != .crystalline }).map(\.state) where !known.contains(label) { known.append(label) }
        if let unknown = chosen.first(where: { !known.contains($0) }) {
            throw GlassError(.usage, file: "--states", "'\(unknown)' is not a state of \(study.name); expected one of: \(escaped(known))")
        }
        // A view of data no listed state has is a usage error naming the states that have it, for
        // views 1-3 (DSC) as for 4-9 (DMA): the view itself would blame hidden states, or say it
        // has nothing, though the states were chosen. A study without that data at all is left
        // to the view, which says so.
        var (kind, having) = id.drawsOnDSCAlone ? ("DSC data", state.prepared.states.map(\.state)) : ("DMA data", state.dma.states.map(\.data.state))
        // View 3 plots against the cooling rate: a state without one draws nothing there.
        if id == .sensitivity {
            let rated = Set(state.prepared.states.filter { $0.coolingRateKPerMin != nil }.map(\.state))
            (kind, having) = ("DSC data with a cooling rate", having.filter(rated.contains))
        }
        if id != .compare, !having.isEmpty, !chosen.contains(where: having.contains) {
            throw GlassError(.usage, file: "--states", "\(escaped(chosen)): no \(kind) for view \(id.name); expected a state with \(kind): \(escaped(having))")
        }
        state.hidden = Set(state.stateLabels.filter { !chosen.contains($0) })
        let labels = state.stateLabels
        if let first = chosen.compactMap({ labels.firstIndex(of: $0) }).first { state.selection = first }
    }
}
