import GlassPlatform
import GlassKit

/// Shifts of view 9 set by hand, for one DMA state at one T_ref, criterion and vertical shift
/// (set aside while any of these differs, drawn again when it is as it was; each state keeps its
/// own). They change the drawing only: `Results` (and the exports) keep the analysis' shifts.
public struct ManualShifts: Equatable, Sendable {
    /// The DMA state they belong to.
    public var state: String?
    /// The reference isotherm temperature they were set at, K.
    public var referenceK: Double?
    /// The shift criterion they were set with.
    public var criterion: TTSCriterion = .moduli
    /// The vertical shift they were set with.
    public var vertical: TTSVerticalShift = .none
    /// The selected isotherm, index in temperature order.
    public var isotherm = 0
    /// log10 a_T set by hand, by isotherm index.
    public var shifts: [Int: Double] = [:]
    /// Makes an empty set.
    public init() {}
}

/// The hand adjustment of view 9: select an isotherm, nudge its shift, refine it against its
/// neighbour (the one nearer T_ref) with the SPEC §4.3 cost.
public enum MasterShiftEditor {
    /// One `<`/`>` press, decades.
    public static let nudgeDecades = 0.05

    /// The selected state's prepared data and master curve, with the hand shifts that apply to it.
    static func context(_ s: ExplorerState) -> (p: DMAPreparedState, m: MasterCurve, edit: ManualShifts)? {
        guard let (_, p, r) = DMAViewSupport.selected(s), let m = r.master, !m.shifts.isEmpty else { return nil }
        var e = s.masterEdits[r.state] ?? ManualShifts()
        if e.state != r.state || e.referenceK != m.referenceTemperatureK || e.criterion != m.criterion || e.vertical != m.verticalShift {
            let keep = e.state == r.state ? e.isotherm : nil
            e = ManualShifts()
            e.state = r.state
            e.referenceK = m.referenceTemperatureK
            e.criterion = m.criterion
            e.vertical = m.verticalShift
            e.isotherm = keep ?? m.shifts.firstIndex { $0.temperatureK == m.referenceTemperatureK } ?? 0
        }
        e.isotherm = min(max(0, e.isotherm), m.shifts.count - 1)
        return (p, m, e)
    }

    /// The shift drawn for every isotherm: by hand, else the analysis'.
    public static func effectiveShifts(_ s: ExplorerState) -> [Double?] {
        guard let (_, m, e) = context(s) else { return [] }
        return m.shifts.indices.map { e.shifts[$0] ?? m.shifts[$0].log10AT }
    }

    /// The selected isotherm index (valid for the current state), or nil.
    public static func selected(_ s: ExplorerState) -> Int? { context(s)?.edit.isotherm }

    /// The neighbour isotherm `k` is compared with: the next one toward the reference (for the
    /// reference itself, the next warmer, else the next colder).
    static func neighbour(_ k: Int, _ m: MasterCurve) -> Int? {
        let ref = m.shifts.firstIndex { $0.temperatureK == m.referenceTemperatureK } ?? 0
        if k > ref { return k - 1 }
        if k < ref { return k + 1 }
        if k + 1 < m.shifts.count { return k + 1 }
        return k > 0 ? k - 1 : nil
    }

    /// The overlap cost of the selected isotherm at its drawn shift against its neighbour.
    public static func cost(_ s: ExplorerState) -> (isotherm: Int, neighbour: Int, cost: Double)? {
        guard let (p, m, e) = context(s), let nb = neighbour(e.isotherm, m) else { return nil }
        let shifts = effectiveShifts(s)
        guard let a = shifts[e.isotherm], let b = shifts[nb],
              let c = p.tts.overlapCost(isotherm: e.isotherm, log10AT: a, neighbour: nb, neighbourLog10AT: b,
                                        criterion: m.criterion, vertical: m.verticalShift, referenceK: m.referenceTemperatureK) else { return nil }
        return (e.isotherm, nb, c)
    }

    static func select(_ s: inout ExplorerState, by d: Int) {
        guard s.view == .master, let c = context(s) else { s.message = refusal(s, "select an isotherm"); return }
        var e = c.edit
        e.isotherm = min(max(0, e.isotherm + d), c.m.shifts.count - 1)
        if let state = e.state { s.masterEdits[state] = e }
    }

    static func nudge(_ s: inout ExplorerState, by d: Double) {
        guard s.view == .master, var (_, _, e) = context(s) else { s.message = refusal(s, "nudge an isotherm"); return }
        let current = effectiveShifts(s)[e.isotherm] ?? 0
        e.shifts[e.isotherm] = current + d
        if let state = e.state { s.masterEdits[state] = e }
    }

    static func refine(_ s: inout ExplorerState) {
        guard s.view == .master, let (p, m, edit) = context(s) else { s.message = refusal(s, "refine an isotherm"); return }
        var e = edit
        let shifts = effectiveShifts(s)
        guard let nb = neighbour(e.isotherm, m), let base = shifts[nb] else {
            s.message = "no shifted neighbour to refine against"
            return
        }
        let start = shifts[e.isotherm] ?? base
        let outcome = p.tts.refineShiftOutcome(isotherm: e.isotherm, near: start, neighbour: nb, neighbourLog10AT: base,
                                               criterion: m.criterion, vertical: m.verticalShift, referenceK: m.referenceTemperatureK)
        guard let x = outcome.log10AT else {
            // Why, as the master curve says it for a null shift (too little overlap, a flat cost,
            // no value in common); the shift drawn stays where it was.
            s.message = outcome.reason ?? "fewer than \(TimeTemperatureSuperposition.minimumOverlap) points overlap near this shift: not refined"
            return
        }
        e.shifts[e.isotherm] = x
        if let state = e.state { s.masterEdits[state] = e }
        // Said, as every key that changes a number is (the pane's `by hand` line changed silently).
        let t = e.isotherm < m.shifts.count ? ScreenNumber.kelvin(m.shifts[e.isotherm].temperatureK) + " K" : "the isotherm"
        s.message = "refined \(t) against \(ScreenNumber.kelvin(m.shifts[nb].temperatureK)) K: log a_T \(ScreenNumber.value(start)) → \(ScreenNumber.value(x))"
        if TimeTemperatureSuperposition.isAtRefineEdge(x, start: start) {
            s.message = "refined to the edge of the ±\(Format.shortNumber(TimeTemperatureSuperposition.refineHalfWidthDecades))-decade search "
                + "around the shift: the cost may fall farther; r again searches on"
        }
    }

    /// log10 b_T drawn for every isotherm: the analysis', and for an isotherm shifted by hand the
    /// vertical shift at that shift by the rules of the master curve (``TimeTemperatureSuperposition/verticalShift(isotherm:log10AT:neighbour:neighbourLog10AT:neighbourLog10BT:criterion:vertical:referenceK:)``).
    public static func effectiveVerticalShifts(_ s: ExplorerState) -> [Double?] {
        guard let (p, m, e) = context(s) else { return [] }
        let a = effectiveShifts(s)
        var b = m.shifts.map { $0.log10BT }
        guard !e.shifts.isEmpty else { return b }
        let ref = m.shifts.firstIndex { $0.temperatureK == m.referenceTemperatureK } ?? 0
        // Outward from the reference, so a hand shift's neighbour already has its drawn b_T.
        b[ref] = m.shifts[ref].log10BT
        for k in Array((ref + 1)..<max(ref + 1, m.shifts.count)) + Array(stride(from: ref - 1, through: 0, by: -1)) {
            let nb = k > ref ? k - 1 : k + 1
            guard let x = a[k], let xn = a[nb], let bn = b[nb] else { b[k] = nil; continue }
            b[k] = p.tts.verticalShift(isotherm: k, log10AT: x, neighbour: nb, neighbourLog10AT: xn, neighbourLog10BT: bn,
                                       criterion: m.criterion, vertical: m.verticalShift, referenceK: m.referenceTemperatureK)
        }
        return b
    }

    /// The criterion and vertical shift in force for the selected state (the analysis').
    public static func inForce(_ s: ExplorerState) -> (criterion: TTSCriterion, vertical: TTSVerticalShift)? {
        guard let r = s.selectedDMAResult else { return nil }
        return (r.settings.ttsOn, r.settings.verticalShift)
    }

    static func next<T: CaseIterable & Equatable>(_ x: T) -> T {
        let all = Array(T.allCases)
        let i = all.firstIndex(of: x) ?? 0
        return all[(i + 1) % all.count]
    }

    /// `t` in view 9: the next criterion for every state (as `--tts-on` would), master curves redone.
    /// Why a view 9 key did nothing: elsewhere, that it acts in view 9; in view 9, what is missing
    /// (as the DMA cursors of view 4 say it: "…: not computed (no DMA data)").
    static func refusal(_ s: ExplorerState, _ what: String) -> String {
        guard s.view == .master else { return "\(what) in view 9 (master curve)" }
        if s.dma.states.isEmpty { return "\(what): not computed (no DMA data)" }
        return "\(what): not computed (no master curve for this state: no isothermal sweeps)"
    }

    static func cycleCriterion(_ s: inout ExplorerState) {
        guard s.view == .master, let f = inForce(s) else { s.message = refusal(s, "cycle the shift criterion"); return }
        s.dmaOverrides.ttsOn = next(f.criterion)
        s.recomputeDMA()
        s.message = "shift criterion: \(next(f.criterion).rawValue) (vertical shift \(f.vertical.rawValue))"
    }

    /// `v` in view 9: the next vertical shift for every state (as `--vertical-shift` would).
    static func cycleVerticalShift(_ s: inout ExplorerState) {
        guard s.view == .master, let f = inForce(s) else { s.message = refusal(s, "cycle the vertical shift"); return }
        s.dmaOverrides.verticalShift = next(f.vertical)
        s.recomputeDMA()
        s.message = "vertical shift: \(next(f.vertical).rawValue) (criterion \(f.criterion.rawValue))"
    }

    /// `e` in view 9: the selected state's master curve (the analysis' shifts) joins the export,
    /// next to the TSV as `NAME.glassview-master-STATE.tsv`.
    static func attachMasterCurve(_ request: inout ExportRequest, _ s: ExplorerState) {
        guard let r = s.selectedDMAResult, r.master != nil else { return }
        var base = request.tsvPath
        if base.hasSuffix(".tsv") { base.removeLast(4) }
        let safe = String(r.state.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        request.masterPath = base + "-master-" + safe + ".tsv"
        request.master = MasterCurveExport.tsv([r])
    }
}
