import GlassPlatform
import GlassKit
import GlassPlot

/// The pure update of the Elm architecture: the next state for an action. No I/O: work with
/// side effects is returned as an ``Effect`` for the runtime, which performs it exactly once
/// (Bubble Tea's `Update` returning a `Cmd`).
public enum ExplorerUpdate {
    /// The state after `action`.
    public static func update(_ state: ExplorerState, _ action: Action) -> (state: ExplorerState, effect: Effect?) {
        var s = state
        var effect: Effect?
        let before = WorkSnapshot(state)
        if action != .quit { s.quitArmed = false }
        switch action {
        case .resize, .effectFinished: break
        default: s.message = nil
        }
        let view = ViewRegistry.view(s.view)
        switch action {
        case .selectView(let v):
            s.view = v
            s.message = nil
            fixCursor(&s)
        case .nextView:
            s.view = s.view.next
            fixCursor(&s)
        case .previousView:
            s.view = s.view.previous
            fixCursor(&s)
        case .cycleCursor(let d):
            let cs = view.cursors
            guard !cs.isEmpty else { s.message = "this view has no cursor"; break }
            let i = cs.firstIndex(of: s.cursor) ?? 0
            s.cursor = cs[((i + d) % cs.count + cs.count) % cs.count]
            // A view with nothing drawn shows no cursor: the key is answered in words. (A cursor
            // with a value is drawn: the plot is built only to ask when it has none, not per key.)
            if s.value(of: s.cursor) == nil, view.plot(s, columns: 10) == nil { s.message = "cursor \(s.cursor.rawValue) (\(view.unavailable(s)))" }
        case .moveCursor(let steps):
            guard view.cursors.contains(s.cursor) else { s.message = "this view has no cursor"; break }
            move(&s, steps: steps)
            follow(&s, s.cursor)
        case .moveSelection(let d):
            let n = s.stateLabels.count
            if n > 0 { s.selection = min(max(0, s.selection + d), n - 1) }
        case .toggleSelectedState:
            toggleSelected(&s)
        case .zoomX(let zoomIn):
            let centre = view.plotCursors.contains(s.cursor) ? s.value(of: s.cursor) : nil
            zoom(&s, axis: .x, in: zoomIn, centre: centre)
        case .zoomY(let zoomIn):
            zoom(&s, axis: .y, in: zoomIn, centre: nil)
        case .pan(let dx, let dy):
            if dx != 0 { pan(&s, axis: .x, steps: dx) }
            if dy != 0 { pan(&s, axis: .y, steps: dy) }
        case .fitY:
            // Every key is answered: in a view without a plot these said nothing; where they
            // change nothing, they say so (the last message never seems to answer a key).
            guard view.plot(s, columns: max(10, s.width / 2)) != nil else { s.message = "this view has no plot"; break }
            guard s.viewports[s.view]?.y != nil else { s.message = "y already fits what is visible"; break }
            s.viewports[s.view]?.y = nil
        case .zoomReset:
            guard view.plot(s, columns: max(10, s.width / 2)) != nil else { s.message = "this view has no plot"; break }
            guard let vp = s.viewports[s.view], vp != Viewport() else { s.message = "all the data is shown"; break }
            s.viewports[s.view] = nil
        case .beginRange(let axis):
            guard let ranges = PlotRanges(s, columns: max(10, s.width / 2)) else { s.message = "this view has no plot"; break }
            // As `=` starts from the value: the range shown, a number replaces it, Backspace edits it.
            let r = ranges.shown(axis)
            s.mode = .rangeInput(axis: axis, text: Format.shortNumber(r.lowerBound) + " " + Format.shortNumber(r.upperBound))
            s.inputFresh = true
            s.inputCaret = 0
            s.inputNote = nil
        case .setBaseline(let b):
            setBaseline(&s, to: b)
        case .chooseBaseline:
            guard KeyBindings.applies(action, in: s.view) else { s.message = KeyBindings.onlyIn("choose the baseline", action); break }
            guard !s.prepared.states.isEmpty else { s.message = "no DSC data: no baseline to choose"; break }
            let choices: [DSCBaseline] = [.linear, .none] + s.prepared.states.map { .state($0.state) }
            s.mode = .pickBaseline(choices: choices, index: choices.firstIndex(of: s.baseline) ?? 0)
            s.pickTop = ExplorerRenderer.pickFirst(index: choices.firstIndex(of: s.baseline) ?? 0, top: 0, count: choices.count,
                                                   rows: ExplorerRenderer.pickRows(s, count: choices.count))
        case .chooseStudy:
            guard s.workspace.count > 1 else { s.message = "one study is open (glassview A B C opens several)"; break }
            s.mode = .pickStudy(index: s.studyIndex)
            s.pickTop = ExplorerRenderer.pickFirst(index: s.studyIndex, top: 0, count: s.workspace.count, rows: ExplorerRenderer.pickRows(s, count: s.workspace.count))
        case .setStudy(let j):
            s = StudyWorkspace.switchTo(j, from: s)
        case .studyNotOpened:
            s.message = StudyNotOpened.message(s)
        case .scrollResults(let pages):
            let scroll = ExplorerRenderer.resultsScroll(s)
            guard scroll.lastTop > 0 else { s.message = "the results pane shows every line"; break }
            let top = min(max(0, s.resultsTop + pages * scroll.page), scroll.lastTop)
            if top == s.resultsTop { s.message = pages < 0 ? "the results pane is at its top" : "the results pane is at its end" }
            s.resultsTop = top
        case .toggleCompareMode:
            switch s.view {
            case .compare: s.compareByGlass.toggle()
            case .sensitivity:
                s.sensitivityTemperatures.toggle()
                if view.plot(s, columns: 10) == nil { s.message = (s.sensitivityTemperatures ? "T_g and T_f" : "ΔH_rej") + " vs cooling rate (" + view.unavailable(s) + ")" }
            default: s.message = "g: in view 3 (T_g, T_f vs rate) and the comparison view c (S_r by glass)"
            }
        case .toggleLiterature:
            guard s.view == .compare else { s.message = "G: in the comparison view (c)"; break }
            s.showLiterature.toggle()
            s.message = "literature values " + (s.showLiterature ? "shown" : "hidden")
        case .showWarnings:
            guard !WarningList.lines(s).isEmpty else { s.message = "no warnings"; break }
            s.mode = .warnings(top: 0)
        case .pickMove(let d):
            // Lists scroll no further than their last screenful (the renderer's geometry).
            if case .warnings(let top) = s.mode {
                s.mode = .warnings(top: min(max(0, top + d), ExplorerRenderer.warningsLastTop(s)))
            }
            if case .help(let top) = s.mode { s.mode = .help(top: min(max(0, top + d), ExplorerRenderer.helpLastTop(s))) }
            if case .pickStudy(let i) = s.mode { s.mode = .pickStudy(index: min(max(0, i + d), s.workspace.count - 1)) }
            if case .pickBaseline(let choices, let i) = s.mode { s.mode = .pickBaseline(choices: choices, index: min(max(0, i + d), choices.count - 1)) }
            // A pick-list scrolls only when its choice leaves what it shows (it jumped back to its top).
            if let (index, count) = ExplorerRenderer.openPickList(s) {
                s.pickTop = ExplorerRenderer.pickFirst(index: index, top: s.pickTop, count: count, rows: ExplorerRenderer.pickRows(s, count: count))
            }
        case .undo:
            guard let last = s.history.undo.popLast() else { s.message = "nothing to undo"; break }
            s.history.redo.append(before)
            last.restore(into: &s)
            let what = WorkSnapshot.change(from: state, to: s)
            s.message = what.isEmpty ? "undone" : "undone: " + what
        case .redo:
            guard let next = s.history.redo.popLast() else { s.message = "nothing to redo"; break }
            s.history.undo.append(before)
            next.restore(into: &s)
            let what = WorkSnapshot.change(from: state, to: s)
            s.message = what.isEmpty ? "redone" : "redone: " + what
        case .beginInput:
            guard view.cursors.contains(s.cursor) else { s.message = "this view has no cursor"; break }
            // Nothing to set in a view without data (view 4 of a study without DMA data).
            guard s.value(of: s.cursor) != nil || view.plot(s, columns: 10) != nil else { s.message = view.unavailable(s); break }
            // Typing starts from the current value (Backspace edits it).
            s.mode = .input(cursor: s.cursor, text: s.value(of: s.cursor).map(Format.shortNumber) ?? "")
            s.inputFresh = true
            s.inputCaret = 0
            s.inputNote = nil
        case .inputCharacter(let c):
            // The first character typed replaces the value the prompt started from.
            let fresh = s.inputFresh
            editPrompt(&s) { line in
                if fresh { line = PromptLine("") }
                line.insert(c)
            }
        case .inputRefused(let c):
            // Said, not dropped without a word (`0x10` became 10).
            s.inputNote = RefusedCharacters.note([c])
        case .inputText(let text):
            var refused: [Character] = []
            for c in text {
                let range: Bool
                switch s.mode { case .rangeInput: range = true; case .input: range = false; default: continue }
                if KeyMap.takes(c, range: range) { s = update(s, .inputCharacter(KeyMap.taken(c))).state } else { refused.append(c) }
            }
            // Said, not dropped without a word (`1.5abc` became 1.5), each character named.
            if let note = RefusedCharacters.note(refused), s.inputNote == nil { s.inputNote = note + ": left out of the paste" }
        case .pasteIgnored:
            s.message = "pasted text ignored: paste values into the = prompt"
        case .unboundKey(let name):
            s.message = "\(name): no such key here (? lists the keys)"
        case .inputClear:
            editPrompt(&s) { $0.clearBefore() }
        case .inputBackspace:
            editPrompt(&s) { $0.backspace() }
        case .inputEdit(let edit):
            editPrompt(&s) { $0.apply(edit) }
        case .inputCommit:
            if case .pickStudy(let j) = s.mode {
                s.mode = .normal
                s = StudyWorkspace.switchTo(j, from: s)
                break
            }
            if case .pickBaseline(let choices, let i) = s.mode {
                s.mode = .normal
                setBaseline(&s, to: choices[i])
                break
            }
            if case .rangeInput(let axis, let text) = s.mode {
                s.mode = .normal
                setRange(&s, axis: axis, text: text)
                break
            }
            guard case .input(let cur, let text) = s.mode else { break }
            s.mode = .normal
            let typed = TypedNumber.read(text.trimmingWhitespace)
            guard case .value(let v) = typed else {
                s.message = "'\(text)' is \(typed == .beyondRange ? TypedNumber.beyondRangeText : "not a number"); \(cur.rawValue) unchanged"
                break
            }
            set(&s, cur, to: v)
            follow(&s, cur)
        case .cancel:
            s.mode = .normal
            s.message = nil
        case .toggleHelp:
            if case .help = s.mode { s.mode = .normal } else { s.mode = .help(top: 0) }
        case .export:
            effect = export(&s)
        case .writeSettings:
            askWrite(&s)
        case .answer(let yes):
            guard case .confirm(_, let asked) = s.mode else { break }
            s.mode = .normal
            if yes { effect = asked; s.message = "working…" } else { s.message = "cancelled" }
        case .click(let column, let row):
            click(&s, column: column, row: row)
        case .resize(let w, let h):
            s.width = max(0, w)
            s.height = max(0, h)
            // A list scrolled to its end in a small window stays at its last screenful in a larger
            // one (five lines over a box of blank rows, until a key was pressed).
            if case .warnings(let top) = s.mode { s.mode = .warnings(top: min(top, ExplorerRenderer.warningsLastTop(s))) }
            if case .help(let top) = s.mode { s.mode = .help(top: min(top, ExplorerRenderer.helpLastTop(s))) }
        case .effectFinished(let outcome):
            switch outcome {
            case .done(let text):
                s.message = text
            case .exported(let text):
                s.message = text
                // A single file's settings live only in its exports: one holds them now, so q
                // need not point to e again.
                if !s.studyIsDirectory { s.writtenWork = WorkSnapshot(s) }
            case .settingsWritten(let settings, let text, let digest):
                // study.toml now says what is in force: take its settings as read back and drop
                // the per-state edits it holds (nothing on screen changes).
                s.message = text
                s.tsOrigin = .study
                s.teOrigin = .study
                s.proposalRule = nil
                s.study?.settings = settings
                s.study?.settingsFileDigest = digest
                s.dmaOverrides.perState = [:]
                s.recompute()
                s.writtenWork = WorkSnapshot(s)
                // The history's snapshots hold edits relative to the old study.toml: restored
                // over the new one they showed one T_s and computed with another. Writing is
                // where undo starts afresh, and the message says so.
                s.history = WorkHistory()
                // The notice before the keys written: a long list is cut at the screen's edge.
                s.message = "(undo starts here) " + text
                keepResultsInView(&s, from: state)
                return (s, effect)
            case .settingsFileChanged(var request):
                // Edited outside since it was read: nothing was written. Yes writes into the new
                // text (its other edits kept); no leaves it as it is.
                request.intoChangedFile = true
                let keys = request.shown.map(\.label).joined(separator: ", ")
                s.mode = .ask("\(request.tomlPath) changed on disk since it was read: write into it anyway?",
                              "y keeps its new text but sets \(keys); n writes nothing (quit and open the study again to read it)",
                              effect: .writeSettings(request))
            case .failed(let text):
                s.message = "failed: " + text
            case .exists(let request, let paths):
                let names = paths.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
                s.mode = .ask("Overwrite?", "\(names.joined(separator: ", ")) already exist(s)", effect: .export(request, overwrite: true))
            }
        case .quit:
            // Too small to show the warning: `q` quits at once, as the notice says.
            // (The notice re-runs the analysis of the last written settings: asked once, not on the second q.)
            if !s.quitArmed, ExplorerRenderer.fits(width: s.width, height: s.height), let notice = UnwrittenSettings.quitNotice(s) {
                s.quitArmed = true
                s.mode = .normal
                s.message = notice
            } else {
                effect = .quit
            }
        case .selectIsotherm(let d):
            MasterShiftEditor.select(&s, by: d)
        case .nudgeShift(let d):
            MasterShiftEditor.nudge(&s, by: d)
        case .refineShift:
            MasterShiftEditor.refine(&s)
        case .cycleCriterion:
            MasterShiftEditor.cycleCriterion(&s)
        case .cycleVerticalShift:
            MasterShiftEditor.cycleVerticalShift(&s)
        case .applyToAllStates:
            // A view without cursors keeps the last view's cursor: `a` would apply it unseen.
            guard KeyBindings.applies(action, in: s.view) else {
                s.message = KeyBindings.onlyIn("give every state the selected state's window or T_g", action)
                break
            }
            applyToAllStates(&s)
        }
        // A switch to another study changes the settings shown, not the study's own: its history
        // is its own (the other study's snapshot pushed here made `u` copy that study's settings).
        if action != .undo, action != .redo, s.studyIndex == state.studyIndex, WorkSnapshot(s) != before { s.history.record(before) }
        keepResultsInView(&s, from: state)
        return (s, effect)
    }

    /// The results pane starts at its top in another view or study (their lines are others), and
    /// scrolls no further than its last screenful when its lines or the window change.
    static func keepResultsInView(_ s: inout ExplorerState, from state: ExplorerState) {
        if s.view != state.view || s.studyIndex != state.studyIndex { s.resultsTop = 0 }
        if s.resultsTop > 0 { s.resultsTop = min(s.resultsTop, ExplorerRenderer.resultsScroll(s).lastTop) }
    }

    /// Pans `axis` by `steps` quarters of its span (positive: right, up) and keeps the result as
    /// the view's viewport. Past the numbers there are (a range typed out to ±1e308) it stays
    /// and says which end it would pass.
    static func pan(_ s: inout ExplorerState, axis: PlotAxis, steps: Int) {
        guard let ranges = PlotRanges(s, columns: max(10, s.width / 2)) else { s.message = "this view has no plot"; return }
        let current = ranges.shown(axis), log = ranges.log(axis)
        guard let next = Navigation.pan(current, fraction: Double(steps) * Navigation.panFraction, log: log) else {
            let direction = axis == .x ? (steps > 0 ? "right" : "left") : (steps > 0 ? "up" : "down")
            let end = steps > 0 ? "1.8e308, the largest number" : log ? "5e-324, the smallest positive number" : "-1.8e308, the lowest number"
            s.message = "cannot pan further \(direction): \(axis.rawValue) would pass \(end)"
            return
        }
        var vp = s.viewports[s.view] ?? Viewport()
        if axis == .x { vp.x = next } else { vp.y = next }
        s.viewports[s.view] = vp
    }

    /// Zooms an axis by ``Navigation/zoomFactor`` between two limits: out no further than all the
    /// data (the data's range on x; on y what is visible of it), in no further than a ten-
    /// thousandth of that range or a millionth of the values (where the axis labels would need
    /// more digits than the data have).
    static func zoom(_ s: inout ExplorerState, axis: PlotAxis, in zoomIn: Bool, centre: Double?) {
        // One build of the plot gives both ranges (it was built three times a key).
        guard let ranges = PlotRanges(s, columns: max(10, s.width / 2)) else { s.message = "this view has no plot"; return }
        let log = ranges.log(axis)
        let current = ranges.shown(axis)
        let full = ranges.data(axis)
        let f: (Double) -> Double = log ? { log10($0) } : { $0 }
        func covers(_ r: ClosedRange<Double>, _ d: ClosedRange<Double>) -> Bool { r.lowerBound <= d.lowerBound && r.upperBound >= d.upperBound }
        if !zoomIn, covers(current, full) { s.message = "all the data is shown"; return }
        guard let next = Navigation.zoom(current, factor: zoomIn ? Navigation.zoomFactor : 1 / Navigation.zoomFactor, centre: centre, log: log) else {
            // In: the span is down to a billionth of its centre; out: a range typed out to ±1e308.
            s.message = zoomIn ? "cannot zoom further" : "cannot zoom out further: \(axis.rawValue) would pass \(log ? "1.8e308 or 5e-324" : "±1.8e308")"
            return
        }
        if zoomIn {
            let (a, b) = (f(next.lowerBound), f(next.upperBound)), (c, d) = (f(full.lowerBound), f(full.upperBound))
            if b - a < max(1e-4 * (d - c), 1e-6 * max(abs(a), abs(b))) { s.message = "cannot zoom further"; return }
        }
        var vp = s.viewports[s.view] ?? Viewport()
        let shownNext: ClosedRange<Double>? = !zoomIn && covers(next, full) ? nil : next
        if axis == .x { vp.x = shownNext } else { vp.y = shownNext }
        s.viewports[s.view] = vp
    }

    /// Edits the open prompt's text at its caret (no prompt: nothing). A prompt holds at most
    /// 24 characters (`=`) or 40 (`x`, `y`: two numbers); a key that would pass that is not taken.
    static func editPrompt(_ s: inout ExplorerState, _ edit: (inout PromptLine) -> Void) {
        let limit: Int, text: String
        switch s.mode {
        case .input(_, let t): (limit, text) = (24, t)
        case .rangeInput(_, let t): (limit, text) = (40, t)
        default: return
        }
        var line = PromptLine(text, after: s.inputCaret)
        edit(&line)
        s.inputNote = nil
        guard line.text.count <= limit else {
            s.inputNote = "the prompt holds \(limit) characters"
            return
        }
        switch s.mode {
        case .input(let cur, _): s.mode = .input(cursor: cur, text: line.text)
        case .rangeInput(let axis, _): s.mode = .rangeInput(axis: axis, text: line.text)
        default: break
        }
        s.inputCaret = line.after
        s.inputFresh = false
    }

    /// A typed range for an axis: two numbers `LO HI`, else a message and nothing changes.
    static func setRange(_ s: inout ExplorerState, axis: PlotAxis, text: String) {
        guard let ranges = PlotRanges(s, columns: max(10, s.width / 2)) else { s.message = "this view has no plot"; return }
        let log = ranges.log(axis)
        let r: ClosedRange<Double>
        switch Navigation.readRange(text, log: log) {
        case .success(let read): r = read
        case .failure(let why): s.message = "'\(text)': \(why.explanation); range unchanged"; return
        }
        var vp = s.viewports[s.view] ?? Viewport()
        if axis == .x { vp.x = r } else { vp.y = r }
        s.viewports[s.view] = vp
        // Taken as typed (a range beyond the data is a way to make room), but an empty plot says why.
        // (The data's range of an axis does not depend on the range typed for it.)
        let full = ranges.data(axis)
        if !r.overlaps(full) {
            let name = axis == .x ? "x" : "y"
            s.message = "\(name) \(Format.shortNumber(r.lowerBound))–\(Format.shortNumber(r.upperBound)) holds no data "
                + "(the data: \(Format.shortNumber(full.lowerBound))–\(Format.shortNumber(full.upperBound))); 0 shows all of it"
        }
    }

    /// After a cursor move: the view moves only when the cursor reaches the edge of what is shown.
    static func follow(_ s: inout ExplorerState, _ c: CursorID) {
        guard ViewRegistry.view(s.view).plotCursors.contains(c), let v = s.value(of: c),
              let shown = PlotRanges(s, columns: max(10, s.width / 2)) else { return }
        if let x = s.viewports[s.view]?.x {
            if let moved = Navigation.follow(x, value: v, log: shown.xLog) { s.viewports[s.view]?.x = moved }
            return
        }
        // The view's own range (no zoom, pan or typed range): only a cursor that leaves it
        // moves it, as a zoomed range is moved; one inside is left to the range of the data.
        guard !shown.x.contains(v), let moved = Navigation.follow(shown.x, value: v, log: shown.xLog) else { return }
        s.viewports[s.view, default: Viewport()].x = moved
    }

    /// Keeps the active cursor one of the view's.
    static func fixCursor(_ s: inout ExplorerState) {
        let cs = ViewRegistry.view(s.view).cursors
        if let first = cs.first, !cs.contains(s.cursor) { s.cursor = first }
    }

    /// The abscissae a cursor steps along: the first curve of the first visible state (else of
    /// the first state).
    static func grid(_ s: ExplorerState) -> [Double]? {
        let st = s.prepared.states.first { s.isVisible($0.state) } ?? s.prepared.states.first
        return st?.curves.first?.curve.x
    }

    /// Moves the active cursor by `steps` data points, kept inside the valid range and on its
    /// side of the other bound.
    static func move(_ s: inout ExplorerState, steps: Int) {
        if s.cursor.isDMA || s.cursor.isTransitionWindow {
            guard steps != 0, let current = s.value(of: s.cursor) else {
                s.message = "\(s.cursor.rawValue): not computed (no \(s.cursor.isDMA ? "DMA" : "DSC") data)"
                return
            }
            if s.cursor == .tref, let k = s.selectedDMAIndex, k < s.dma.states.count {
                // T_ref steps along the selected state's isotherm temperatures (the reference is one of them).
                let temps = Array(Set(s.dma.states[k].data.isotherms.compactMap { $0.temperatureK })).sorted()
                if !temps.isEmpty {
                    var idx = steps > 0 ? Interpolation.upperBound(temps, current) + steps - 1 : Interpolation.lowerBound(temps, current) + steps
                    idx = min(max(idx, 0), temps.count - 1)
                    // Never a step backwards: from a T_ref past the isotherms (450 K over 400 and
                    // 405 K) → went down to 405 K.
                    if steps > 0 ? temps[idx] <= current : temps[idx] >= current { s.message = "T_ref is at the end of the isotherms"; return }
                    set(&s, .tref, to: temps[idx])
                    return
                }
            }
            // Steps on the grid of whole kelvin (0.1 decade for Hz): from a value off it (an
            // estimated T_g of 355.75 K, a window edge read with decimals) the first step goes to
            // the next grid value (356 K), not past it (357 K).
            let perUnit = (1 / s.cursor.step).rounded()   // grid values a unit (10 a decade, 1 a kelvin)
            let g = (s.cursor.isLogarithmic ? log10(current) : current) * perUnit
            let index: Double
            if abs(g - g.rounded()) < 1e-9 {
                index = g.rounded() + Double(steps)
            } else {
                index = steps > 0 ? g.rounded(.up) + Double(steps - 1) : g.rounded(.down) + Double(steps + 1)
            }
            // index / 10 rather than index × 0.1: -19 / 10 is the double nearest -1.9, -19 × 0.1 is not.
            let target = s.cursor.isLogarithmic ? pow(10, index / perUnit) : index / perUnit
            set(&s, s.cursor, to: target)
            return
        }
        guard steps != 0, let x = grid(s), !x.isEmpty, let dom = s.validDomain, let current = s.value(of: s.cursor) else {
            if steps != 0 {
                s.message = s.prepared.states.isEmpty ? "\(s.cursor.rawValue): not computed (no DSC data)"
                    : "\(s.cursor.rawValue) is not set: = types a value"
            }
            return
        }
        var idx: Int
        if steps > 0 {
            idx = Interpolation.upperBound(x, current) + steps - 1
        } else {
            idx = Interpolation.lowerBound(x, current) + steps
        }
        idx = min(max(idx, 0), x.count - 1)
        var target = min(max(x[idx], dom.lowerBound), dom.upperBound)
        var limit = "\(s.cursor.rawValue) is at the end of the usable range"
        // Stay strictly on this cursor's side of the other bound: the nearest grid point.
        switch s.cursor {
        case .ts:
            if let te = s.teK, target >= te {
                limit = boundsOrder(s, .ts)
                let j = Interpolation.lowerBound(x, te) - 1
                guard j >= 0, x[j] >= dom.lowerBound, x[j] < te else { s.message = limit; return }
                target = x[j]
            }
        case .te:
            if let ts = s.tsK, target <= ts {
                limit = boundsOrder(s, .te)
                let j = Interpolation.upperBound(x, ts)
                guard j < x.count, x[j] <= dom.upperBound, x[j] > ts else { s.message = limit; return }
                target = x[j]
            }
        default: break
        }
        // A step the other bound stops (a typed value off the grid may sit past its last grid
        // point) is refused with that bound as the reason, never taken backwards.
        if steps > 0 ? target <= current : target >= current { s.message = limit; return }
        set(&s, s.cursor, to: target)
    }

    /// Why T_s (or T_e, `c`) cannot go where it was moved or typed: the other bound, named with
    /// its value. One reason for a move and a typed value.
    static func boundsOrder(_ s: ExplorerState, _ c: CursorID) -> String {
        c == .te ? "T_e must be above T_s = " + ScreenNumber.withUnit(ScreenNumber.kelvin(s.tsK), "K")
            : "T_s must be below T_e = " + ScreenNumber.withUnit(ScreenNumber.kelvin(s.teK), "K")
    }

    /// Sets a cursor, recomputes, and reverts with a message when the analysis refuses.
    static func set(_ s: inout ExplorerState, _ c: CursorID, to v: Double) {
        if c.isDMA { setDMA(&s, c, to: v); return }
        if c.isTransitionWindow { setTransitionWindow(&s, c, to: v); return }
        if let dom = s.validDomain, !dom.contains(v) {
            s.message = "\(c.rawValue) = \(ScreenNumber.kelvin(v)) K is outside the usable range \(ScreenNumber.kelvin(dom.lowerBound))–\(ScreenNumber.kelvin(dom.upperBound)) K"
            return
        }
        let old = s
        switch c {
        case .ts: s.tsK = v; s.tsOrigin = .explorer
        case .te: s.teK = v; s.teOrigin = .explorer
        default: return
        }
        if let a = s.tsK, let b = s.teK, a >= b {
            s = old
            s.message = boundsOrder(s, c)
            return
        }
        s.recomputeBounds()
        if s.results?.dsc == nil, let e = s.analysisError {
            s = old
            s.message = e
            return
        }
        s.message = nil
    }

    /// Sets a DMA window edge or T_g of the selected DMA state (T_ref: of the study) and re-runs
    /// only the DMA analysis; an edge must stay on its side of the other (the QPD window > 0).
    static func setDMA(_ s: inout ExplorerState, _ c: CursorID, to v: Double) {
        guard s.results != nil, !s.dma.states.isEmpty else {
            s.message = "\(c.rawValue): not computed (no DMA data)"
            return
        }
        func edge(_ w: ClosedRange<Double>?, low: Bool) -> ClosedRange<Double>? {
            guard let w else { return nil }
            let lo = low ? v : w.lowerBound, hi = low ? w.upperBound : v
            return lo < hi ? lo...hi : nil
        }
        func current(_ a: CursorID, _ b: CursorID) -> ClosedRange<Double>? {
            guard let lo = s.value(of: a), let hi = s.value(of: b) else { return nil }
            return lo...hi
        }
        var o = s.dmaOverrides
        let label = s.selectedDMAIndex.map { s.dma.states[$0].data.state } ?? ""
        var mine = o.perState[label] ?? StateSettings()
        var bad: String?
        switch c {
        case .betaLo, .betaHi:
            // Edges above 0 K, as `analyze` and study.toml take them (a window reaching 0 K was
            // computed and exported, and `w` then failed).
            mine.betaWindowK = edge(current(.betaLo, .betaHi), low: c == .betaLo)
            if mine.betaWindowK == nil || v <= 0 { bad = "the β window needs 0 < β_lo < β_hi" }
        case .alphaLo, .alphaHi:
            mine.alphaWindowK = edge(current(.alphaLo, .alphaHi), low: c == .alphaLo)
            if mine.alphaWindowK == nil || v <= 0 { bad = "the α window needs 0 < α_lo < α_hi" }
        case .qpdLo, .qpdHi:
            mine.qpdWindowHz = edge(current(.qpdLo, .qpdHi), low: c == .qpdLo)
            if mine.qpdWindowHz == nil || v <= 0 { bad = "the QPD window needs 0 < f_lo < f_hi" }
        case .tg:
            if v > 0 { mine.tgK = v } else { bad = "T_g must be positive" }
        case .tref:
            if v > 0 { o.trefK = v } else { bad = "T_ref must be positive" }
        case .ts, .te, .glassLo, .glassHi, .liquidLo, .liquidHi, .crystallizationLo, .crystallizationHi:
            return
        }
        if let bad {
            s.message = bad + "; \(c.rawValue) unchanged"
            return
        }
        if c != .tref { o.perState[label] = mine }
        s.dmaOverrides = o
        s.recomputeDMA()
        s.message = nil
    }

    /// Gives every DMA state the selected state's value of the active cursor's setting (its
    /// whole window, or T_g); T_s, T_e and T_ref are one value for the study already.
    static func applyToAllStates(_ s: inout ExplorerState) {
        if let (kind, _) = s.cursor.transitionWindow {
            guard let mine = s.selectedTransitions, let w = mine.windows[kind] else { s.message = "\(s.cursor.rawValue): no window"; return }
            let old = s
            // Only the states whose window differs: a state given its own value again (the
            // source, one that had it already) is no change, and `a` that changes none is no step.
            let differing = s.prepared.states.filter { st in s.results?.transitions.first { $0.state == st.state }?.windows[kind] != w }
            guard !differing.isEmpty else { s.message = "\(kind.key): every state has \(mine.state)'s window already"; return }
            for st in differing {
                var e = s.dmaOverrides.perState[st.state] ?? StateSettings()
                switch kind {
                case .glassLine: e.glassLineK = w
                case .liquidLine: e.liquidLineK = w
                case .crystallization: e.crystallizationWindowK = w
                }
                s.dmaOverrides.perState[st.state] = e
            }
            do {
                try s.recomputeTransitions()
                s.message = "\(kind.key): \(mine.state)'s window applied to every state"
            } catch {
                s = old
                s.message = "not applied: \(ExplorerState.describe(error))"
            }
            return
        }
        guard s.cursor.isDMA, s.cursor != .tref else {
            s.message = "\(s.cursor.rawValue) is one value for the whole study"
            return
        }
        guard let k = s.selectedDMAIndex, let r = s.results, k < r.dma.count else {
            s.message = "\(s.cursor.rawValue): not computed (no DMA data)"
            return
        }
        let mine = r.dma[k].settings
        let tg = mine.tgK ?? r.dma[k].qpd?.slopes?.tgK
        if s.cursor == .tg, tg == nil { s.message = "T_g: not computed for this state"; return }
        // The whole window goes (both edges): the message names the window, not the edge.
        let what: String
        switch s.cursor {
        case .betaLo, .betaHi: what = "β window"
        case .alphaLo, .alphaHi: what = "α window"
        case .qpdLo, .qpdHi: what = "QPD window"
        default: what = s.cursor.rawValue
        }
        // Only the states whose value differs (as for the DSC windows above).
        func value(_ d: DMAStateResult) -> [Double?] {
            switch s.cursor {
            case .betaLo, .betaHi: return [d.settings.betaWindowK.lowerBound, d.settings.betaWindowK.upperBound]
            case .alphaLo, .alphaHi: return [d.settings.alphaWindowK.lowerBound, d.settings.alphaWindowK.upperBound]
            case .qpdLo, .qpdHi: return [d.settings.qpdWindowHz.lowerBound, d.settings.qpdWindowHz.upperBound]
            default: return [d.settings.tgK ?? d.qpd?.slopes?.tgK]
            }
        }
        let differing = Set(r.dma.filter { value($0) != value(r.dma[k]) }.map(\.state))
        guard !differing.isEmpty else { s.message = "\(what): every state has \(r.dma[k].state)'s value already"; return }
        for st in s.dma.states where differing.contains(st.data.state) {
            var e = s.dmaOverrides.perState[st.data.state] ?? StateSettings()
            switch s.cursor {
            case .betaLo, .betaHi: e.betaWindowK = mine.betaWindowK
            case .alphaLo, .alphaHi: e.alphaWindowK = mine.alphaWindowK
            case .qpdLo, .qpdHi: e.qpdWindowHz = mine.qpdWindowHz
            case .tg: e.tgK = tg
            default: break
            }
            s.dmaOverrides.perState[st.data.state] = e
        }
        s.recomputeDMA()
        s.message = "\(what): \(r.dma[k].state)'s value applied to every state"
    }

    /// Sets the baseline chosen from the pick-list; refused (with the reason) when the analysis fails.
    static func setBaseline(_ s: inout ExplorerState, to next: DSCBaseline) {
        guard next != s.baseline else { s.message = "baseline: \(next)"; return }
        let old = s
        s.baseline = next
        if case .state(let l) = next { s.prepared.cacheBaseline(l) }
        s.validDomain = ExplorerState.domain(s.prepared, baseline: next)
        // Bounds outside the new range are pulled in.
        if let dom = s.validDomain {
            if let ts = s.tsK, !dom.contains(ts) { s.tsK = min(max(ts, dom.lowerBound), dom.upperBound) }
            if let te = s.teK, !dom.contains(te) { s.teK = min(max(te, dom.lowerBound), dom.upperBound) }
        }
        s.recompute()
        if s.results?.dsc == nil, let e = s.analysisError {
            s = old
            s.message = "baseline \(next): \(e)"
            return
        }
        s.message = "baseline: \(next)"
    }

    /// Prepares the export effect.
    static func export(_ s: inout ExplorerState) -> Effect? {
        if s.view == .compare, StudyWorkspace.count(s) > 1 { return exportComparison(&s) }
        guard let r = s.results else {
            s.message = "nothing to export: " + (s.loadError ?? s.analysisError ?? "no results")
            return nil
        }
        let p = ExplorerExport.paths(directory: s.exportDirectory, studyName: StudyWorkspace.exportName(s))
        var request = ExportRequest(jsonPath: p.json, tsvPath: p.tsv, json: ExplorerExport.json(r, state: s),
                                    tsv: ExplorerExport.tsv(r, state: s))
        request.exported = [ExportedStudy(r)]
        if s.view == .master { MasterShiftEditor.attachMasterCurve(&request, s) }
        return .export(request, overwrite: false)
    }

    /// The comparison view's export: every open study that has results, in one pair of files
    /// `compare.glassview.json`/`.tsv` (as `analyze A B C` writes them); the studies without
    /// results are named in the message.
    static func exportComparison(_ s: inout ExplorerState) -> Effect? {
        let states = StudyWorkspace.states(s)
        let done = states.compactMap { st in st.results.map { (results: $0, state: st) } }
        let missing = states.filter { $0.results == nil }.map(\.studyName)
        guard !done.isEmpty else {
            s.message = "nothing to export: no open study has results"
            return nil
        }
        let p = ExplorerExport.paths(directory: s.exportDirectory, studyName: "compare")
        let texts = ExplorerExport.comparison(done)
        var request = ExportRequest(jsonPath: p.json, tsvPath: p.tsv, json: texts.json, tsv: texts.tsv)
        request.note = missing.isEmpty ? nil : "without \(missing.joined(separator: ", ")) (no results)"
        request.exported = done.map { ExportedStudy($0.results) }
        return .export(request, overwrite: false)
    }

    /// Asks before writing into study.toml what ``SettingsWritePlan`` finds in force and not
    /// yet there.
    static func askWrite(_ s: inout ExplorerState) {
        guard s.study != nil else {
            s.message = "nothing to write: " + (s.loadError ?? "no study")
            return
        }
        guard s.studyIsDirectory else {
            s.message = "the study is a single file: no study.toml to write (use a directory)"
            return
        }
        let plan = SettingsWritePlan.assignments(s)
        guard !plan.isEmpty else {
            s.message = "nothing to write: every setting in force is study.toml's or the default"
            return
        }
        let dir = s.studyPath.hasSuffix("/") ? String(s.studyPath.dropLast()) : s.studyPath
        let request = SettingsRequest(tomlPath: dir + "/study.toml", assignments: plan, shown: UnwrittenSettings.changedFirst(s),
                                      readDigest: s.study?.settingsFileDigest)
        let what = request.shown.map { "\($0.label) = \($0.value)" }.joined(separator: ", ")
        s.mode = .ask("Write study.toml?", what, effect: .writeSettings(request))
    }

    /// Shows the selected state if hidden, hides it if shown (space, or a click on its row).
    static func toggleSelected(_ s: inout ExplorerState) {
        let labels = s.stateLabels
        guard s.selection < labels.count else { return }
        let l = labels[s.selection]
        if s.hidden.contains(l) { s.hidden.remove(l) } else { s.hidden.insert(l) }
    }

    /// What a click does, in words, for a click where it does nothing (every input is answered).
    static var clickHint: String {
        "a click on a state shows/hides it; " + KeyBindings.onlyIn("on the plot it moves the nearest cursor", views: KeyBindings.clickViews)
    }

    /// A click on a state's row in the states pane selects it and shows or hides it (as ↑↓ and
    /// space). A click in the plot moves the nearest of the view's plot cursors there, snapped as the
    /// arrow keys step: T_s/T_e to the nearest data temperature, DMA temperatures to whole
    /// kelvin, QPD edges to a multiple of 0.1 decade (nearness measured in log f for those).
    /// A click elsewhere says where clicks act.
    static func click(_ s: inout ExplorerState, column: Int, row: Int) {
        if let i = ExplorerRenderer.paneState(at: FramePoint(x: column, y: row), s) {
            s.selection = i
            toggleSelected(&s)
            return
        }
        let view = ViewRegistry.view(s.view)
        // §3.1 window edges are clickable (and drawn) only while one of them is the active cursor.
        let cursors = view.plotCursors.filter { !$0.isTransitionWindow || s.cursor.isTransitionWindow }
        guard !cursors.isEmpty, let g = ExplorerRenderer.plotGeometry(s), g.plotArea.contains(FramePoint(x: column, y: row))
        else { s.message = clickHint; return }
        var x = g.x(atColumn: column)
        guard x.isFinite else { return }
        func distance(_ c: CursorID) -> Double {
            guard let v = s.value(of: c) else { return .infinity }
            return c.isLogarithmic ? (v > 0 && x > 0 ? abs(log10(v) - log10(x)) : .infinity) : abs(v - x)
        }
        let nearest = cursors.min { distance($0) < distance($1) } ?? s.cursor
        if nearest.isDMA || nearest.isTransitionWindow {
            if nearest.isLogarithmic {
                guard x > 0 else { return }
                x = pow(10, (log10(x) / nearest.step).rounded() * nearest.step)
            } else {
                x = x.rounded()
            }
        } else if let grid = grid(s), !grid.isEmpty {
            // Snap to the nearest data temperature, as the arrow keys step.
            let i = min(Interpolation.lowerBound(grid, x), grid.count - 1)
            x = (i > 0 && abs(grid[i - 1] - x) <= abs(grid[i] - x)) ? grid[i - 1] : grid[i]
        }
        s.cursor = nearest
        set(&s, nearest, to: x)
    }
}
