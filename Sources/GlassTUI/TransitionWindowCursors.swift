import GlassKit

/// Issue 9: the §3.1 window edges as explorer cursors (view 1). A moved edge sets that window for
/// every state (as `--glass-line` etc. do, above study.toml); only the transitions are evaluated
/// again, so the result equals `Analysis.run` with ``ExplorerState/analysisOptions``.
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
    /// The window in force for `kind`: the explorer's (or command line's) override, else that of the
    /// first visible state in the results (study.toml or proposed).
    func transitionWindowInForce(_ kind: TransitionWindowKind) -> ClosedRange<Double>? {
        if let w = dmaOverrides.transitionWindow(kind) { return w }
        let all = results?.transitions ?? []
        return (all.first { isVisible($0.state) } ?? all.first)?.windows[kind]
    }

    /// The value of a window-edge cursor.
    func transitionWindowEdge(_ c: CursorID) -> Double? {
        guard let (kind, low) = c.transitionWindow, let w = transitionWindowInForce(kind) else { return nil }
        return low ? w.lowerBound : w.upperBound
    }

    /// Whether the window of an edge is proposed from the data (not given, not moved).
    func transitionWindowIsProposed(_ c: CursorID) -> Bool {
        guard let (kind, _) = c.transitionWindow, dmaOverrides.transitionWindow(kind) == nil else { return false }
        let all = results?.transitions ?? []
        return (all.first { isVisible($0.state) } ?? all.first)?.proposedKinds.contains(kind) ?? false
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
        analysisError = nil
    }
}

extension ExplorerUpdate {
    /// Sets a window edge for every state; an edge stays on its side of the other, and a window the
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
        let old = s
        switch kind {
        case .glassLine: s.dmaOverrides.glassLineK = lo...hi
        case .liquidLine: s.dmaOverrides.liquidLineK = lo...hi
        case .crystallization: s.dmaOverrides.crystallizationWindowK = lo...hi
        }
        do {
            try s.recomputeTransitions()
            s.message = nil
        } catch {
            s = old
            s.message = "\(c.rawValue) unchanged: \(ExplorerState.describe(error))"
        }
    }
}
