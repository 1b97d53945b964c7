import GlassPlatform
import GlassKit
import GlassPlot

/// How an error of one of several studies is named, given the study's path (see
/// ``ExplorerState/errorNaming``).
public typealias StudyErrorNaming = @Sendable (_ error: any Error, _ studyPath: String) -> any Error

/// Where the current T_s/T_e came from.
public enum BoundsOrigin: String, Equatable, Sendable {
    /// study.toml (what `analyze` uses).
    case study
    /// The command line (`--ts`, `--te`): in force as for `analyze` with the same option, but not
    /// study.toml's (`w` would write it).
    case option
    /// Proposed by the explorer (``BoundsProposal``); not yet confirmed by the user.
    case proposed
    /// Set in the explorer (moved, typed or written).
    case explorer
}

/// The whole state of the explorer: a value; `update` makes the next one and `render` draws it.
/// The prepared DSC curves and their plot series are computed once and carried along, so a
/// keystroke costs O(log n) (a bound move) plus O(width) (a frame).
public struct ExplorerState: Sendable {
    /// The study path as given.
    public var studyPath: String
    /// The study, nil when it could not be loaded.
    public var study: Study?
    /// Why the study could not be loaded or prepared.
    public var loadError: String?
    /// With several studies open, how an error of this study is named (its files with the
    /// study's path in front, an option's value with the study): the commands' one rule
    /// (`StudyBatch.naming` of `analyze`), given by the front end, as this module reads no files.
    /// Nil with one study: its errors name its files as they are.
    public var errorNaming: StudyErrorNaming?
    /// Crystalline-subtracted curves with running integrals.
    public var prepared: DSCPrepared { didSet { refreshPane() } }
    /// Plot series of every curve (envelopes precomputed).
    public var curveSeries: [CurveSeries]
    /// The DMA half of the study, prepared once (peak curves, QPD prefix sums, TTS curves).
    public var dma: DMAPrepared { didSet { refreshPane() } }
    /// DMA settings above study.toml: the command line's options (for every state), T_ref moved
    /// in the explorer, and in `perState` the windows and T_g moved for one state. Resolved per
    /// state by `DMAStateSettings.resolve`, as `analyze` does (SPEC §2.3). Only the DMA fields are used.
    public var dmaOverrides = AnalysisOptions()
    /// Per DMA state, the peak searches and master curve of the last settings (a window move
    /// redoes only its own part).
    public var dmaCaches: [DMAPartialResults] = []
    /// Integration start, K.
    public var tsK: Double?
    /// Integration end, K.
    public var teK: Double?
    /// Where T_s came from.
    public var tsOrigin: BoundsOrigin = .study
    /// Where T_e came from.
    public var teOrigin: BoundsOrigin = .study
    /// T_s and T_e as the command line gave them (nil: study.toml's, or none), so that a bound
    /// still at its study value is passed on as `analyze` would get it, and errors name its source.
    var commandLineBounds: (ts: Double?, te: Double?) = (nil, nil)
    /// The baseline given on the command line (`--baseline`), nil when none was.
    var commandLineBaseline: DSCBaseline?
    /// How the proposal was made, when bounds were proposed.
    public var proposalRule: String?
    /// DSC baseline.
    public var baseline: DSCBaseline = .linear
    /// The analysis of the current settings: every number on screen comes from here.
    public var results: Results? { didSet { warningList.refresh(results) } }
    /// The warnings overlay's lines, kept with ``results`` (its `didSet`).
    private(set) var warningList = WarningList()
    /// Why the analysis failed, if it did (a usage error for settings no analysis could take:
    /// `plot` exits with it as `analyze` would).
    public var analysisFailure: GlassError?
    /// ``analysisFailure`` as one line.
    public var analysisError: String? { analysisFailure?.description }
    /// Temperatures where both bounds may lie for the current baseline.
    public var validDomain: ClosedRange<Double>?
    /// View 9, per DMA state: the selected isotherm (index in temperature order) and the shifts
    /// set by hand (one state's were dropped as soon as an isotherm of another was selected).
    public var masterEdits: [String: ManualShifts] = [:]
    /// The view shown.
    public var view: ViewID = .heatFlow
    /// The active cursor.
    public var cursor: CursorID = .ts
    /// Labels of hidden states.
    public var hidden: Set<String> = []
    /// Index of the selected state in the states pane.
    public var selection = 0
    /// Per view, the part of the plot shown (zoom, pan, typed ranges); a view without one shows
    /// all its data. View 1 opens on the region of interest.
    public var viewports: [ViewID: Viewport] = [:]
    /// Keyboard mode.
    public var mode: ExplorerMode = .normal
    /// One-line message for the status line.
    public var message: String?
    /// Terminal size.
    public var width = 100
    /// Terminal height.
    public var height = 30
    /// Braille/ASCII and colour.
    public var style: RenderStyle
    /// Whether the study is a directory (a single file has no study.toml to write).
    public var studyIsDirectory = true
    /// Directory exports are written to.
    public var exportDirectory: String
    /// Every study opened together (`glassview A B C`), in argument order, nil at the current
    /// one's place; empty with one study. Each keeps its own settings, history and view state.
    public var workspace: [ExplorerState?] = []
    /// The current study's place in ``workspace``.
    public var studyIndex = 0
    /// Comparison view: S_r by glass (`g`) instead of ΔH_rej against cooling rate.
    public var compareByGlass = false
    /// View 3: T_g and T_f against cooling rate (`g`) instead of ΔH_rej.
    public var sensitivityTemperatures = false
    /// Comparison view: the bundled literature values shown (`G`).
    public var showLiterature = true
    /// Undo/redo history of the settings changed in the explorer.
    public var history = WorkHistory()
    /// The settings as study.toml last held them (at start, after `w`): `q` asks when they differ.
    public var writtenWork: WorkSnapshot?
    /// Whether the `=` prompt still shows the value it started from (the first key replaces it).
    public var inputFresh = false
    /// The prompt's caret, as the number of characters after it (0: at the end).
    public var inputCaret = 0
    /// The first entry a pick-list shows.
    public var pickTop = 0
    /// The first line the results pane shows (PgUp PgDn Home End scroll it).
    public var resultsTop = 0
    /// Why the prompt's last key was not taken (`'x' is not part of a number`); nil otherwise.
    public var inputNote: String?
    /// Set by a first `q` with unwritten changes: a second `q` quits.
    public var quitArmed = false

    /// Opens `studyPath` from a load attempt; the explorer also opens (with an explanation)
    /// when loading failed. Bounds follow SPEC §2.3 precedence (study.toml); where none are
    /// given they are proposed and marked so.
    /// `options` are the command line's settings: they win over study.toml as in `analyze`.
    /// `analysingDMA: false` leaves the DMA data out of the preparation and the analysis (no DMA
    /// results): for `plot` of a DSC view, whose numbers come from the DSC part alone.
    public init(studyPath: String, load: Result<Study, any Error>, options: AnalysisOptions = AnalysisOptions(),
                style: RenderStyle, exportDirectory: String, width: Int = 100, height: Int = 30, analysingDMA: Bool = true,
                errorNaming: StudyErrorNaming? = nil) {
        self.studyPath = studyPath
        self.errorNaming = errorNaming
        self.style = style
        self.exportDirectory = exportDirectory
        self.width = width
        self.height = height
        self.prepared = .empty
        self.curveSeries = []
        self.dma = DMAPrepared([])
        // An initializer's own assignments skip `didSet`: the pane and the warning list are
        // made from what it leaves.
        defer {
            refreshPane()
            warningList.refresh(results)
        }
        switch load {
        case .failure(let e):
            loadError = ExplorerState.describe(named(e))
            return
        case .success(let s):
            study = s
        }
        guard let s = study else { return }
        // The DSC and DMA preparations, on both cores.
        let (dsc, dmaPrepared) = StudyPreparation.prepare(analysingDMA ? s.datasets : s.datasets.filter { $0.kind == .dsc })
        dma = dmaPrepared
        // Every command-line setting but T_s, T_e and the baseline (kept in their own fields).
        dmaOverrides = options
        commandLineBounds = (options.tsK, options.teK)
        commandLineBaseline = options.baseline
        dmaOverrides.tsK = nil
        dmaOverrides.teK = nil
        dmaOverrides.baseline = nil
        do {
            prepared = try dsc.get()
            let resolved = try ResolvedSettings.resolve(options, s.settings)
            baseline = resolved.baseline
            if case .state(let label) = baseline { prepared.cacheBaseline(label) }
            tsK = resolved.tsK
            teK = resolved.teK
            if options.tsK != nil { tsOrigin = .option }
            if options.teK != nil { teOrigin = .option }
        } catch {
            loadError = ExplorerState.describe(named(error))
            return
        }
        curveSeries = CurveSeries.build(prepared)
        validDomain = ExplorerState.domain(prepared, baseline: baseline)
        // Only a missing bound is proposed: a given one is kept (and refused by the analysis when
        // outside the data, as `analyze` refuses it).
        if tsK == nil || teK == nil {
            let given = (tsK, teK)
            let c = BoundsProposal.complete(prepared, tsK: tsK, teK: teK, domain: validDomain)
            tsK = c.tsK; teK = c.teK; proposalRule = c.rule
            if given.0 == nil, tsK != nil { tsOrigin = .proposed }
            if given.1 == nil, teK != nil { teOrigin = .proposed }
        }
        recompute()
        let data = curveSeries.compactMap { $0.series.envelope?.xBounds }.reduce(nil as ClosedRange<Double>?) { acc, d in
            acc.map { min($0.lowerBound, d.lowerBound)...max($0.upperBound, d.upperBound) } ?? d
        }
        // The glass transition (from the glass line's high end to the liquid line's low end), not
        // the crystallization window: its exotherm would set y.
        let windows = results?.transitions.first.flatMap { t -> [ClosedRange<Double>]? in
            guard let g = t.windows[.glassLine], let l = t.windows[.liquidLine], g.upperBound < l.lowerBound else { return nil }
            return [g.upperBound...l.lowerBound]
        } ?? []
        if let roi = Navigation.regionOfInterest(tsK: tsK, teK: teK, windows: windows, data: data) { viewports[.heatFlow] = Viewport(x: roi) }
        writtenWork = WorkSnapshot(self)
    }

    /// `error` named as an error of this study among several (``errorNaming``).
    func named(_ error: any Error) -> any Error { errorNaming?(error, studyPath) ?? error }

    /// A one-line description of an error.
    public static func describe(_ error: any Error) -> String {
        (error as? GlassError)?.description ?? "\(error)"
    }

    /// `error` as a `GlassError` (any other error: a data error with its description).
    public static func failure(_ error: any Error) -> GlassError {
        (error as? GlassError) ?? GlassError(.data, "\(error)")
    }

    /// Where both bounds may lie: the range every integrand (W, or W − B_state) covers.
    public static func domain(_ p: DSCPrepared, baseline: DSCBaseline) -> ClosedRange<Double>? {
        var lo = -Double.infinity, hi = Double.infinity
        var any = false
        for s in p.states {
            for c in s.curves {
                let integrand = (try? p.differenceCurve(c, baseline: baseline)) ?? nil
                guard let d = (integrand ?? c.curve).domain else { return nil }
                lo = max(lo, d.lowerBound); hi = min(hi, d.upperBound); any = true
            }
        }
        return any && lo < hi ? lo...hi : nil
    }

    /// Updates the results after a bound move: only the DSC part is evaluated again
    /// (O(states × log n)), its warnings (bounds with no data point between them, an integral that
    /// overflows) put in place of the old ones, right after the study's own as `Analysis.run`
    /// lists them; every other part of `Results` (DMA, transitions, sources) does not depend on
    /// T_s/T_e and is kept. Falls back to ``recompute()`` when there is no DSC part yet.
    public mutating func recomputeBounds() {
        guard let st = study, var r = results, let old = r.dsc?.warnings, r.settings.baseline == baseline,
              let ts = tsK, let te = teK else {
            recompute()
            return
        }
        let at = st.warnings.count
        guard r.warnings.count >= at + old.count, Array(r.warnings[at..<(at + old.count)]) == old else {
            recompute()
            return
        }
        do {
            let dsc = try RejuvenationEnthalpy.evaluate(prepared, tsK: ts, teK: te, baseline: baseline,
                                                        molarMassGPerMol: r.molarMassGPerMol)
            r.warnings.replaceSubrange(at..<(at + old.count), with: dsc.warnings)
            r.dsc = dsc
            r.settings.tsK = ts
            r.settings.teK = te
            results = r
            analysisFailure = nil
        } catch {
            results = nil
            analysisFailure = ExplorerState.failure(named(error))
        }
    }

    /// The options of the current settings, as `analyze` would be given them.
    public var analysisOptions: AnalysisOptions {
        var o = dmaOverrides
        // A bound from study.toml or the command line is passed on as it came (the analysis
        // resolves the same number, and an error names its source).
        func given(_ origin: BoundsOrigin, _ option: Double?, _ value: Double?) -> Double? {
            switch origin {
            case .study: return nil
            case .option: return option
            case .proposed, .explorer: return value
            }
        }
        o.tsK = given(tsOrigin, commandLineBounds.ts, tsK)
        o.teK = given(teOrigin, commandLineBounds.te, teK)
        // The baseline likewise: study.toml's is resolved from study.toml (an error about it named
        // `--baseline`, an option never typed); one chosen here is passed as an option.
        let fromStudy = study.map { $0.settings.baseline.flatMap(DSCBaseline.init) ?? .linear }
        o.baseline = commandLineBaseline == nil && baseline == fromStudy ? nil : baseline
        return o
    }

    /// Updates the results after a DMA setting (window, T_g, T_ref) changed: only the DMA part
    /// is evaluated again from the prepared DMA data; the DSC part is kept. The result equals
    /// `Analysis.run` with ``analysisOptions`` (the DMA warnings are the tail of `warnings`).
    public mutating func recomputeDMA() {
        guard let st = study, var r = results else { recompute(); return }
        let old = r.dma.flatMap { $0.warnings }
        guard r.warnings.count >= old.count, Array(r.warnings.suffix(old.count)) == old else { recompute(); return }
        let options = analysisOptions
        let states = DMAAnalysis.run(dma, options: options, settings: st.settings, caches: &dmaCaches)
        r.warnings.removeLast(old.count)
        r.warnings += states.flatMap { $0.warnings }
        r.dma = states
        r.settings.trefK = options.trefK ?? st.settings.trefK ?? DMAStateSettings.defaultTrefK
        results = r
        analysisFailure = nil
    }

    /// Re-runs the whole analysis for the current settings; on failure keeps the message in
    /// ``analysisError`` and clears ``results``.
    public mutating func recompute() {
        guard let s = study else { results = nil; return }
        do {
            results = try Analysis.run(s, prepared: prepared, dma: dma, options: analysisOptions)
            analysisFailure = nil
        } catch {
            results = nil
            analysisFailure = ExplorerState.failure(named(error))
        }
    }

    /// The value of cursor `c`: T_s/T_e, else the selected DMA state's setting in force (its
    /// resolved settings in `Results`, which already hold the explorer's edits).
    public func value(of c: CursorID) -> Double? {
        let settings = selectedDMAResult?.settings ?? results?.dma.first?.settings
        switch c {
        case .ts: return tsK
        case .te: return teK
        case .betaLo: return settings?.betaWindowK.lowerBound
        case .betaHi: return settings?.betaWindowK.upperBound
        case .alphaLo: return settings?.alphaWindowK.lowerBound
        case .alphaHi: return settings?.alphaWindowK.upperBound
        case .qpdLo: return settings?.qpdWindowHz.lowerBound
        case .qpdHi: return settings?.qpdWindowHz.upperBound
        case .tg: return settings?.tgK ?? selectedDMAResult?.qpd?.slopes?.tgK
        case .tref: return settings?.trefK ?? dmaOverrides.trefK ?? results?.settings.trefK
        case .glassLo, .glassHi, .liquidLo, .liquidHi, .crystallizationLo, .crystallizationHi: return transitionWindowEdge(c)
        }
    }

    /// Index in ``dma`` of the DMA state the DMA views show: the state selected in the states
    /// pane when it has DMA data, else the first visible DMA state, else the first; nil without DMA data.
    public var selectedDMAIndex: Int? {
        guard !dma.states.isEmpty else { return nil }
        if selection < stateLabels.count, let k = dmaIndex[stateLabels[selection]] { return k }
        return dma.states.firstIndex { isVisible($0.data.state) } ?? 0
    }

    /// The DMA result of the selected DMA state.
    public var selectedDMAResult: DMAStateResult? {
        guard let k = selectedDMAIndex, let r = results, k < r.dma.count else { return nil }
        return r.dma[k]
    }

    /// Colour of DMA state `k`: that of the DSC state of the same label, else by position after them.
    public func dmaColour(_ k: Int) -> Int {
        let label = k < dma.states.count ? dma.states[k].data.state : ""
        return CurveSeries.colour(stateIndex: paneIndex[label] ?? (stateLabels.count + k))
    }

    /// Marker of DMA state `k` (see ``dmaColour(_:)``).
    public func dmaMarker(_ k: Int) -> Character {
        let label = k < dma.states.count ? dma.states[k].data.state : ""
        return CurveSeries.marker(stateIndex: paneIndex[label] ?? (stateLabels.count + k))
    }

    /// Whether cursor `c` holds a proposed (unconfirmed) value.
    public func isProposed(_ c: CursorID) -> Bool {
        switch c {
        case .ts: return tsOrigin == .proposed
        case .te: return teOrigin == .proposed
        case .glassLo, .glassHi, .liquidLo, .liquidHi, .crystallizationLo, .crystallizationHi: return transitionWindowIsProposed(c)
        default: return false
        }
    }

    /// One entry of the states pane.
    public typealias PaneState = (label: String, coolingRateKPerMin: Double?, dmaOnly: Bool)

    /// The states pane: the DSC states in order, then the DMA states without DSC runs
    /// (`dmaOnly`), with their cooling rates. Kept with `prepared` and `dma` (their `didSet`),
    /// so a frame reads it per row at O(1).
    public private(set) var paneStates: [PaneState] = []

    /// The labels of ``paneStates``, in order.
    public private(set) var stateLabels: [String] = []

    /// The display width of the widest label of ``paneStates``, as the screen spells it in UTF-8
    /// and in ASCII (kept with the pane, so a frame's layout reads it at O(1)).
    public private(set) var widestPaneLabel: (unicode: Int, ascii: Int) = (0, 0)

    /// Each pane label's first index in ``paneStates`` (colours and markers by label at O(1)).
    private var paneIndex: [String: Int] = [:]

    /// Each DMA label's first index in `dma.states` (the selected DMA state at O(1)).
    private var dmaIndex: [String: Int] = [:]

    /// The pane's entries for `prepared` and `dma`.
    static func paneEntries(_ prepared: DSCPrepared, _ dma: DMAPrepared) -> [PaneState] {
        var out = prepared.states.map { (label: $0.state, coolingRateKPerMin: $0.coolingRateKPerMin, dmaOnly: false) }
        let dsc = Set(out.map { $0.label })
        for st in dma.states where !dsc.contains(st.data.state) {
            out.append((label: st.data.state, coolingRateKPerMin: st.data.coolingRateKPerMin, dmaOnly: true))
        }
        return out
    }

    /// Rebuilds ``paneStates`` and its indexes (O(states), on a change of the prepared data).
    private mutating func refreshPane() {
        paneStates = ExplorerState.paneEntries(prepared, dma)
        stateLabels = paneStates.map { $0.label }
        widestPaneLabel = (stateLabels.map { DisplayWidth.of(ScreenText.fit($0, unicode: true)) }.max() ?? 0,
                           stateLabels.map { DisplayWidth.of(ScreenText.fit($0, unicode: false)) }.max() ?? 0)
        paneIndex = Dictionary(stateLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        dmaIndex = Dictionary(dma.states.enumerated().map { ($1.data.state, $0) }, uniquingKeysWith: min)
    }

    /// Whether state `label` is shown.
    public func isVisible(_ label: String) -> Bool { !hidden.contains(label) }

    /// The short name of the study (last path component).
    public var studyName: String {
        let trimmed = studyPath.hasSuffix("/") ? String(studyPath.dropLast()) : studyPath
        return trimmed.split(separator: "/").last.map(String.init) ?? studyPath
    }
}
