import GlassKit

/// The settings a user changes in the explorer: bounds, baseline, DMA windows/T_g/T_ref and
/// hand shifts. `u`/`U` step through their history; `q` asks before losing unwritten ones.
public struct WorkSnapshot: Equatable, Sendable {
    var tsK: Double?
    var teK: Double?
    var tsOrigin: BoundsOrigin
    var teOrigin: BoundsOrigin
    var baseline: DSCBaseline
    var dmaOverrides: AnalysisOptions
    var masterEdits: [String: ManualShifts]

    /// The snapshot of `s`.
    init(_ s: ExplorerState) {
        tsK = s.tsK; teK = s.teK; tsOrigin = s.tsOrigin; teOrigin = s.teOrigin
        baseline = s.baseline; dmaOverrides = s.dmaOverrides; masterEdits = s.masterEdits
    }

    /// Equal settings: the isotherm selected in view 9 is where the user looks, not a setting
    /// (selecting one made an undo step of its own).
    public static func == (a: WorkSnapshot, b: WorkSnapshot) -> Bool {
        a.tsK == b.tsK && a.teK == b.teK && a.tsOrigin == b.tsOrigin && a.teOrigin == b.teOrigin && a.baseline == b.baseline
            && a.dmaOverrides == b.dmaOverrides && sameShifts(a.masterEdits, b.masterEdits)
    }

    /// The hand shifts of `a` and `b` agree, whichever isotherm each has selected (and whatever
    /// state or reference a set of no shifts names: the first selection fills those in).
    static func sameShifts(_ a: ManualShifts, _ b: ManualShifts) -> Bool {
        if a.shifts.isEmpty && b.shifts.isEmpty { return true }
        var a = a
        a.isotherm = b.isotherm
        return a == b
    }

    /// The same for every state's hand shifts (a state without any is as one not there).
    static func sameShifts(_ a: [String: ManualShifts], _ b: [String: ManualShifts]) -> Bool {
        Set(a.keys).union(b.keys).allSatisfy { sameShifts(a[$0] ?? ManualShifts(), b[$0] ?? ManualShifts()) }
    }

    /// What an undo or redo changed, from `a` to `b`, in words (`T_s 420.25 → 420.00 K`, `β_lo
    /// 321.00 → 320.00 K` for the selected state, `baseline linear → none`): at most two
    /// settings and an ellipsis; empty when nothing a cursor shows differs.
    static func change(from a: ExplorerState, to b: ExplorerState) -> String {
        var parts: [String] = []
        if a.baseline != b.baseline { parts.append("baseline \(a.baseline) → \(b.baseline)") }
        for c in CursorID.allCases {
            // Settings compared, not results: a failed analysis has no windows in its results,
            // yet they are in force (undo into one named β_lo 320.00 → — K, never changed).
            let x = setting(a, c), y = setting(b, c)
            guard x != y else { continue }
            let hz = c == .qpdLo || c == .qpdHi
            // Shown as in force: an estimated T_g, a proposed window, where the analysis has one.
            func shown(_ v: Double?, _ s: ExplorerState) -> String {
                (v ?? s.value(of: c)).map { hz ? Format.shortNumber($0) : ScreenNumber.kelvin($0) } ?? "—"
            }
            // A proposed window edge the other's move made a set one keeps its value: no change.
            let (sx, sy) = (shown(x, a), shown(y, b))
            guard sx != sy else { continue }
            let unit = hz ? "Hz" : "K"
            // One unit at the end when both are values; else none after the `—` (`T_g 355.00 K → —`).
            let both = sx != ScreenNumber.missing && sy != ScreenNumber.missing
            parts.append(both ? "\(c.rawValue) \(sx) → \(sy) \(unit)"
                              : "\(c.rawValue) \(ScreenNumber.withUnit(sx, unit)) → \(ScreenNumber.withUnit(sy, unit))")
        }
        // The master curve's criterion and vertical shift, as in force for the selected state.
        let (ma, mb) = (masterSettings(a), masterSettings(b))
        if let x = ma, let y = mb {
            if x.ttsOn != y.ttsOn { parts.append("master-curve criterion \(x.ttsOn.rawValue) → \(y.ttsOn.rawValue)") }
            if x.verticalShift != y.verticalShift { parts.append("vertical shift \(x.verticalShift.rawValue) → \(y.verticalShift.rawValue)") }
        } else if a.dmaOverrides.ttsOn != b.dmaOverrides.ttsOn || a.dmaOverrides.verticalShift != b.dmaOverrides.verticalShift {
            parts.append("master-curve criterion and vertical shift")
        }
        if !sameShifts(a.masterEdits, b.masterEdits) { parts.append("hand shifts") }
        // Other states' windows and T_g (`a` gives every state the selected one's): named by key
        // and state (`glass_line_K of 5 states`; it said "the windows and T_g" of any of them).
        if parts.isEmpty {
            let x = a.dmaOverrides.perState, y = b.dmaOverrides.perState
            let states = Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.sorted()
            if !states.isEmpty {
                var keys: [String] = []
                for label in states {
                    for k in (x[label] ?? StateSettings()).keys(differingFrom: y[label] ?? StateSettings()) where !keys.contains(k) { keys.append(k) }
                }
                let what = keys.isEmpty ? "the windows and T_g" : keys.count > 2 ? keys.prefix(2).joined(separator: ", ") + ", …" : keys.joined(separator: ", ")
                parts.append(what + " of " + (states.count > 3 ? "\(states.count) states" : states.joined(separator: ", ")))
            } else if a.dmaOverrides != b.dmaOverrides {
                parts.append("the windows and T_g of every state")
            }
        }
        return parts.prefix(2).joined(separator: ", ") + (parts.count > 2 ? ", …" : "")
    }

    /// The master-curve settings in force for the selected DMA state; nil without one.
    static func masterSettings(_ s: ExplorerState) -> DMAStateSettings? {
        guard let study = s.study, let k = s.selectedDMAIndex, k < s.dma.states.count else { return nil }
        return DMAStateSettings.resolve(state: s.dma.states[k].data, options: s.analysisOptions, settings: study.settings)
    }

    /// The setting behind cursor `c` in `s`, read from the settings alone: T_s/T_e; the selected
    /// DMA state's windows, T_g (nil: estimated) and T_ref as `analyze` resolves them; the
    /// selected DSC state's §3.1 window when given (nil: proposed).
    static func setting(_ s: ExplorerState, _ c: CursorID) -> Double? {
        if c == .ts { return s.tsK }
        if c == .te { return s.teK }
        guard let study = s.study else { return nil }
        let options = s.analysisOptions
        if let (kind, low) = c.transitionWindow {
            let dsc = s.prepared.states.map(\.state)
            let selected = s.selection < s.stateLabels.count ? s.stateLabels[s.selection] : nil
            guard let label = selected.flatMap({ dsc.contains($0) ? $0 : nil }) ?? dsc.first(where: s.isVisible) ?? dsc.first else { return nil }
            let w = options.perState[label]?.transitionWindow(kind) ?? options.transitionWindow(kind)
                ?? study.settings.perState[label]?.transitionWindow(kind) ?? study.settings.common.transitionWindow(kind)
            return w.map { low ? $0.lowerBound : $0.upperBound }
        }
        guard let k = s.selectedDMAIndex, k < s.dma.states.count else { return nil }
        let d = DMAStateSettings.resolve(state: s.dma.states[k].data, options: options, settings: study.settings)
        switch c {
        case .betaLo: return d.betaWindowK.lowerBound
        case .betaHi: return d.betaWindowK.upperBound
        case .alphaLo: return d.alphaWindowK.lowerBound
        case .alphaHi: return d.alphaWindowK.upperBound
        case .qpdLo: return d.qpdWindowHz.lowerBound
        case .qpdHi: return d.qpdWindowHz.upperBound
        case .tg: return d.tgK
        case .tref: return d.trefK
        default: return nil
        }
    }

    /// Puts the snapshot back into `s` and recomputes everything that depends on it.
    func restore(into s: inout ExplorerState) {
        s.tsK = tsK; s.teK = teK; s.tsOrigin = tsOrigin; s.teOrigin = teOrigin
        s.dmaOverrides = dmaOverrides; s.masterEdits = masterEdits
        if s.baseline != baseline {
            s.baseline = baseline
            if case .state(let l) = baseline { s.prepared.cacheBaseline(l) }
            s.validDomain = ExplorerState.domain(s.prepared, baseline: baseline)
        }
        s.dmaCaches = []
        s.recompute()
    }
}

/// A bounded undo/redo history of ``WorkSnapshot``s.
public struct WorkHistory: Equatable, Sendable {
    /// At most this many steps are kept.
    public static let limit = 200
    var undo: [WorkSnapshot] = []
    var redo: [WorkSnapshot] = []

    /// Records `before` as the state to go back to; a new change forgets what was undone.
    mutating func record(_ before: WorkSnapshot) {
        undo.append(before)
        if undo.count > Self.limit { undo.removeFirst(undo.count - Self.limit) }
        redo = []
    }
}
