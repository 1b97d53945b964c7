import Foundation
import GlassKit
import GlassPlot

/// The pure update of the Elm architecture: the next state for an action. No I/O: work with
/// side effects is left in `pendingEffect` for the runtime.
public enum ExplorerUpdate {
    /// The state after `action`.
    public static func update(_ state: ExplorerState, _ action: Action) -> ExplorerState {
        var s = state
        s.pendingEffect = nil
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
        case .moveCursor(let steps):
            guard view.cursors.contains(s.cursor) else { s.message = "this view has no cursor"; break }
            move(&s, steps: steps)
        case .moveSelection(let d):
            let n = s.stateLabels.count
            if n > 0 { s.selection = min(max(0, s.selection + d), n - 1) }
        case .toggleSelectedState:
            let labels = s.stateLabels
            guard s.selection < labels.count else { break }
            let l = labels[s.selection]
            if s.hidden.contains(l) { s.hidden.remove(l) } else { s.hidden.insert(l) }
        case .zoomIn:
            s.zoom = min(s.zoom + 1, 12)
        case .zoomOut:
            s.zoom = max(s.zoom - 1, 0)
        case .zoomReset:
            s.zoom = 0
        case .cycleBaseline:
            cycleBaseline(&s)
        case .beginInput:
            guard view.cursors.contains(s.cursor) else { s.message = "this view has no cursor"; break }
            s.mode = .input(cursor: s.cursor, text: "")
        case .inputCharacter(let c):
            if case .input(let cur, let text) = s.mode, text.count < 24 { s.mode = .input(cursor: cur, text: text + String(c)) }
        case .inputBackspace:
            if case .input(let cur, let text) = s.mode { s.mode = .input(cursor: cur, text: String(text.dropLast())) }
        case .inputCommit:
            guard case .input(let cur, let text) = s.mode else { break }
            s.mode = .normal
            guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                s.message = "'\(text)' is not a number; \(cur.rawValue) unchanged"
                break
            }
            set(&s, cur, to: v)
        case .cancel:
            s.mode = .normal
            s.message = nil
        case .toggleHelp:
            s.mode = s.mode == .help ? .normal : .help
        case .export:
            export(&s)
        case .writeSettings:
            askWrite(&s)
        case .answer(let yes):
            guard case .confirm(_, let effect) = s.mode else { break }
            s.mode = .normal
            if yes { s.pendingEffect = effect; s.message = "working…" } else { s.message = "cancelled" }
        case .click(let column, let row):
            click(&s, column: column, row: row)
        case .resize(let w, let h):
            s.width = max(0, w)
            s.height = max(0, h)
        case .effectFinished(let outcome):
            switch outcome {
            case .done(let text):
                s.message = text
            case .settingsWritten(let r, let text):
                s.message = text
                s.tsOrigin = .study
                s.teOrigin = .study
                s.proposalRule = nil
                s.study?.settings.tsK = r.tsK
                s.study?.settings.teK = r.teK
                s.study?.settings.baseline = r.baseline
                if let w = r.betaWindowK { s.study?.settings.common.betaWindowK = w }
                if let w = r.alphaWindowK { s.study?.settings.common.alphaWindowK = w }
                if let w = r.qpdWindowHz { s.study?.settings.common.qpdWindowHz = w }
                if let t = r.tgK { s.study?.settings.common.tgK = t }
                if let w = r.transitionWindows.glassLineK { s.study?.settings.common.glassLineK = w }
                if let w = r.transitionWindows.liquidLineK { s.study?.settings.common.liquidLineK = w }
                if let w = r.transitionWindows.crystallizationK { s.study?.settings.common.crystallizationWindowK = w }
                if r.transitionWindows != TransitionWindows() { try? s.recomputeTransitions() }   // now given, no longer proposed
                if let t = r.trefK { s.study?.settings.trefK = t }
            case .failed(let text):
                s.message = "failed: " + text
            case .exists(let request, let paths):
                let names = paths.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
                s.mode = .confirm(question: "Overwrite? (y/n) \(names.joined(separator: ", ")) already exist(s)",
                                  effect: .export(request, overwrite: true))
            }
        case .quit:
            s.quitRequested = true
        case .selectIsotherm(let d):
            MasterShiftEditor.select(&s, by: d)
        case .nudgeShift(let d):
            MasterShiftEditor.nudge(&s, by: d)
        case .refineShift:
            MasterShiftEditor.refine(&s)
        }
        return s
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
                s.message = "\(s.cursor.rawValue): not computed (no DMA data)"
                return
            }
            if s.cursor == .tref, let k = s.selectedDMAIndex, k < s.dma.states.count {
                // T_ref steps along the selected state's isotherm temperatures (the reference is one of them).
                let temps = Array(Set(s.dma.states[k].data.isotherms.compactMap { $0.temperatureK })).sorted()
                if !temps.isEmpty {
                    var idx = steps > 0 ? Interpolation.upperBound(temps, current) + steps - 1 : Interpolation.lowerBound(temps, current) + steps
                    idx = min(max(idx, 0), temps.count - 1)
                    if temps[idx] == current { s.message = "T_ref is at the end of the isotherms"; return }
                    set(&s, .tref, to: temps[idx])
                    return
                }
            }
            let d = Double(steps) * s.cursor.step
            let target = s.cursor.isLogarithmic ? pow(10, (log10(current) / s.cursor.step).rounded() * s.cursor.step + d) : (current + d).rounded()
            set(&s, s.cursor, to: target)
            return
        }
        guard steps != 0, let x = grid(s), !x.isEmpty, let dom = s.validDomain, let current = s.value(of: s.cursor) else { return }
        var idx: Int
        if steps > 0 {
            idx = Interpolation.upperBound(x, current) + steps - 1
        } else {
            idx = Interpolation.lowerBound(x, current) + steps
        }
        idx = min(max(idx, 0), x.count - 1)
        var target = min(max(x[idx], dom.lowerBound), dom.upperBound)
        // Stay strictly on this cursor's side of the other bound: the nearest grid point.
        switch s.cursor {
        case .ts:
            if let te = s.teK, target >= te {
                let j = Interpolation.lowerBound(x, te) - 1
                guard j >= 0, x[j] >= dom.lowerBound, x[j] < te else { s.message = "T_s must stay below T_e"; return }
                target = x[j]
            }
        case .te:
            if let ts = s.tsK, target <= ts {
                let j = Interpolation.upperBound(x, ts)
                guard j < x.count, x[j] <= dom.upperBound, x[j] > ts else { s.message = "T_e must stay above T_s"; return }
                target = x[j]
            }
        default: break
        }
        if target == current { s.message = "\(s.cursor.rawValue) is at the end of the usable range"; return }
        set(&s, s.cursor, to: target)
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
            s.message = "T_s must be below T_e"
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

    /// Sets a DMA window edge, T_g or T_ref for every state (as the `analyze` options do) and
    /// re-runs only the DMA analysis; an edge must stay on its side of the other (the QPD window > 0).
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
        var bad: String?
        switch c {
        case .betaLo, .betaHi:
            o.betaWindowK = edge(current(.betaLo, .betaHi), low: c == .betaLo)
            if o.betaWindowK == nil { bad = "the β window needs β_lo < β_hi" }
        case .alphaLo, .alphaHi:
            o.alphaWindowK = edge(current(.alphaLo, .alphaHi), low: c == .alphaLo)
            if o.alphaWindowK == nil { bad = "the α window needs α_lo < α_hi" }
        case .qpdLo, .qpdHi:
            o.qpdWindowHz = edge(current(.qpdLo, .qpdHi), low: c == .qpdLo)
            if o.qpdWindowHz == nil || v <= 0 { bad = "the QPD window needs 0 < f_lo < f_hi" }
        case .tg:
            if v > 0 { o.tgK = v } else { bad = "T_g must be positive" }
        case .tref:
            if v > 0 { o.trefK = v } else { bad = "T_ref must be positive" }
        case .ts, .te, .glassLo, .glassHi, .liquidLo, .liquidHi, .crystallizationLo, .crystallizationHi:
            return
        }
        if let bad {
            s.message = bad + "; \(c.rawValue) unchanged"
            return
        }
        s.dmaOverrides = o
        s.recomputeDMA()
        s.message = nil
    }

    /// linear → none → state:first … state:last → linear.
    static func cycleBaseline(_ s: inout ExplorerState) {
        let labels = s.prepared.states.map { $0.state }
        let order: [DSCBaseline] = [.linear, .none] + labels.map { .state($0) }
        let i = order.firstIndex(of: s.baseline) ?? 0
        let next = order[(i + 1) % order.count]
        let old = s
        s.baseline = next
        if case .state(let l) = next { try? s.prepared.cacheBaseline(l) }
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
    static func export(_ s: inout ExplorerState) {
        guard let r = s.results else {
            s.message = "nothing to export: " + (s.loadError ?? s.analysisError ?? "no results")
            return
        }
        let p = ExplorerExport.paths(directory: s.exportDirectory, studyName: s.studyName)
        let request = ExportRequest(jsonPath: p.json, tsvPath: p.tsv, json: ExplorerExport.json(r, state: s),
                                    tsv: ExplorerExport.tsv(r, state: s))
        s.pendingEffect = .export(request, overwrite: false)
    }

    /// Asks before writing the bounds into study.toml.
    static func askWrite(_ s: inout ExplorerState) {
        guard s.study != nil, let ts = s.tsK, let te = s.teK else {
            s.message = "nothing to write: " + (s.loadError ?? "no bounds")
            return
        }
        guard s.studyIsDirectory else {
            s.message = "the study is a single file: no study.toml to write (use a directory)"
            return
        }
        let dir = s.studyPath.hasSuffix("/") ? String(s.studyPath.dropLast()) : s.studyPath
        let d = ExplorerExport.dmaInForce(s)
        let hasDMA = !s.dma.states.isEmpty
        var request = SettingsRequest(tomlPath: dir + "/study.toml", tsK: ts, teK: te, baseline: s.baseline.description,
                                      betaWindowK: hasDMA ? d.beta : nil, alphaWindowK: hasDMA ? d.alpha : nil,
                                      qpdWindowHz: hasDMA ? d.qpd : nil, tgK: hasDMA ? d.tg : nil, trefK: hasDMA ? d.tref : nil)
        // The §3.1 windows in force (moved, given or proposed) are written too (issue 9).
        for kind in TransitionWindowKind.allCases { request.transitionWindows[kind] = s.transitionWindowInForce(kind) }
        let dmaText = hasDMA ? " and the DMA windows\(d.tg == nil ? "" : ", tg_K"), tref_K" : ""
        s.mode = .confirm(question: "Write ts_K = \(JSONValue.format(ts)), te_K = \(JSONValue.format(te)), baseline = \"\(s.baseline)\"\(dmaText)\(request.transitionWindows == TransitionWindows() ? "" : ", the T_g/T_x windows") into study.toml? (y/n)",
                          effect: .writeSettings(request))
    }

    /// A click in the plot moves the nearest of the view's plot cursors there, snapped as the
    /// arrow keys step: T_s/T_e to the nearest data temperature, DMA temperatures to whole
    /// kelvin, QPD edges to a multiple of 0.1 decade (nearness measured in log f for those).
    static func click(_ s: inout ExplorerState, column: Int, row: Int) {
        let view = ViewRegistry.view(s.view)
        // §3.1 window edges are clickable (and drawn) only while one of them is the active cursor.
        let cursors = view.plotCursors.filter { !$0.isTransitionWindow || s.cursor.isTransitionWindow }
        guard !cursors.isEmpty, let g = ExplorerRenderer.plotGeometry(s), g.plotArea.contains(FramePoint(x: column, y: row))
        else { return }
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
