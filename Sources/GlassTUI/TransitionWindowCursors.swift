import GlassKit

/// Issue 9: the §3.1 window edges as explorer cursors (view 1). A moved edge sets that window for
/// the selected DSC state (``AnalysisOptions/perState``, as the DMA windows; `a` gives every state
/// the same); only the transitions are evaluated again, so the result equals `Analysis.run` with
/// ``ExplorerState/analysisOptions``.
extension CursorID {
    /// The window this edge belongs to and whether it is the low edge.
    var transitionWindow: (kind: TransitionWindowKind, low: Bool)? {
        switch self {
        case .glassLo: return (.glassLine, true)
        case .glassHi: return (.glassLine, false)
        case .liquidLo: return (.liquidLine, true)
        case .liquidHi: return (.liquidLine, false)
        case .crystallizationLo: return (.crystallization, true)
        case .crystallizationHi: return (.crystallization, false)
        default: return nil
        }
    }
}

extension ExplorerState {
    /// The DSC state whose transition windows the cursors move: the selected one when it has DSC
    /// data, else the first visible DSC state.
    var selectedTransitions: DSCStateTransitions? {
        let all = results?.transitions ?? []
        let labels = stateLabels
        if selection < labels.count, let t = all.first(where: { $0.state == labels[selection] }) { return t }
        return all.first { isVisible($0.state) } ?? all.first
    }

    /// The window in force for `kind` of the selected DSC state (set, given or proposed).
    func transitionWindowInForce(_ kind: TransitionWindowKind) -> ClosedRange<Double>? {
        selectedTransitions?.windows[kind]
    }

    /// The value of a window-edge cursor.
    func transitionWindowEdge(_ c: CursorID) -> Double? {
        guard let (kind, low) = c.transitionWindow, let w = transitionWindowInForce(kind) else { return nil }
        return low ? w.lowerBound : w.upperBound
    }

    /// Whether the window of an edge is proposed from the data (not given, not moved).
    func transitionWindowIsProposed(_ c: CursorID) -> Bool {
        guard let (kind, _) = c.transitionWindow else { return false }
        return selectedTransitions?.proposedKinds.contains(kind) ?? false
    }

    /// Re-evaluates only the transitions (and their warnings) after a window changed; falls back to
    /// a whole `recompute()` when the warnings cannot be matched. Throws the analysis' usage error.
    mutating func recomputeTransitions() throws {
        guard let st = study, var r = results else { recompute(); return }
        let old = r.transitions.flatMap { $0.warnings }, dmaTail = r.dma.flatMap { $0.warnings }
        let cut = r.warnings.count - dmaTail.count - old.count
        guard cut >= 0, Array(r.warnings[cut..<(cut + old.count)]) == old else { recompute(); return }
        let fresh = try TransitionAnalysis.evaluate(prepared, options: analysisOptions, settings: st.settings)
        r.warnings = Array(r.warnings[..<cut]) + fresh.flatMap { $0.warnings } + dmaTail
        r.transitions = fresh
        results = r
        analysisFailure = nil
    }
}

extension ExplorerUpdate {
    /// Sets a window edge of the selected state; an edge stays on its side of the other, and a window the
    /// analysis refuses (outside the data, fewer than 3 points) leaves everything as it was.
    static func setTransitionWindow(_ s: inout ExplorerState, _ c: CursorID, to v: Double) {
        guard let (kind, low) = c.transitionWindow, let w = s.transitionWindowInForce(kind) else {
            s.message = "\(c.rawValue): no window (none given and none proposed)"
            return
        }
        let lo = low ? v : w.lowerBound, hi = low ? w.upperBound : v
        guard lo < hi else {
            s.message = "the \(kind.key) window needs LO < HI; \(c.rawValue) unchanged"
            return
        }
        guard let label = s.selectedTransitions?.state else { return }
        let old = s
        var mine = s.dmaOverrides.perState[label] ?? StateSettings()
        switch kind {
        case .glassLine: mine.glassLineK = lo...hi
        case .liquidLine: mine.liquidLineK = lo...hi
        case .crystallization: mine.crystallizationWindowK = lo...hi
        }
        s.dmaOverrides.perState[label] = mine
        do {
            try s.recomputeTransitions()
            s.message = nil
        } catch {
            s = old
            s.message = "\(c.rawValue) unchanged: \(ExplorerState.describe(error))"
        }
    }
}
