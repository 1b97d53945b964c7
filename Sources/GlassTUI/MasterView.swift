import GlassPlatform
import GlassKit
import GlassPlot

/// View 9: the master curves of E' and E'' of the selected state at T_ref (log–log, reduced
/// frequency f·a_T), from the shifts in `Results`.
public struct MasterView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 9.
    public var id: ViewID { .master }
    /// T_ref.
    public var cursors: [CursorID] { [.tref] }

    /// b_T·E' and b_T·E'' of every isotherm at its shift (the analysis', or one set by hand with
    /// `<`/`>`/`r`), the selected isotherm drawn on top in its own colour; the title names the
    /// criterion and vertical shift in force (`t`, `v` cycle them).
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let (_, p, r) = DMAViewSupport.selected(s), let m = r.master, !m.shifts.isEmpty else { return nil }
        let shifts = MasterShiftEditor.effectiveShifts(s)
        let vertical = MasterShiftEditor.effectiveVerticalShifts(s)
        let selected = MasterShiftEditor.selected(s)
        let isotherms = p.data.isotherms.filter { $0.temperatureK != nil }
        guard isotherms.count == shifts.count else { return nil }
        var all: [(x: Double, e1: Double, e2: Double)] = [], sel: [(x: Double, e1: Double, e2: Double)] = []
        for (k, d) in isotherms.enumerated() {
            guard let shift = shifts[k] else { continue }
            let factor = pow(10, shift)
            let bt = k < vertical.count ? vertical[k] ?? 0 : 0
            let vf = pow(10, bt)
            for i in d.frequencyHzValues.indices where i < d.storageMPa.count && i < d.lossMPa.count {
                let f = d.frequencyHzValues[i], e1 = d.storageMPa[i], e2 = d.lossMPa[i]
                guard f > 0, e1 > 0, e2 > 0, e1.isFinite, e2.isFinite else { continue }
                if k == selected { sel.append((f * factor, e1 * vf, e2 * vf)) } else { all.append((f * factor, e1 * vf, e2 * vf)) }
            }
        }
        all.sort { $0.x < $1.x }
        guard !(all.isEmpty && sel.isEmpty) else { return nil }
        // The other visible states' master curves (the paper's Fig. 4b), each at its own T_ref,
        // under the selected state's; E' lies above E'' in each.
        var series: [Series] = []
        for (k, other) in DMAViewSupport.overlay(s) where k != s.selectedDMAIndex {
            guard let om = other.master, !om.points.isEmpty else { continue }
            let pts = om.points.sorted { $0.reducedFrequencyHz < $1.reducedFrequencyHz }
            series.append(Series(name: "\(other.state) E', E'' at \(ScreenNumber.kelvin(om.referenceTemperatureK)) K",
                                 x: pts.map(\.reducedFrequencyHz), y: pts.map(\.storageMPa), colour: s.dmaColour(k), marker: s.dmaMarker(k), style: .points))
            series.append(Series(name: "", x: pts.map(\.reducedFrequencyHz), y: pts.map(\.lossMPa), colour: s.dmaColour(k), marker: s.dmaMarker(k), style: .points))
        }
        // Glyphs apart from every state's (* + o x # @ % &, which mark the other states above):
        // E' the upper curve ^, E'' the lower v, the selected isotherm $.
        series += [
            Series(name: "E'", x: all.map { $0.x }, y: all.map { $0.e1 }, colour: 4, marker: "^", style: .points),
            Series(name: "E''", x: all.map { $0.x }, y: all.map { $0.e2 }, colour: 1, marker: "v", style: .points),
        ]
        if let k = selected, !sel.isEmpty {
            // By hand only while the hand shift applies (set aside after `t`, `v` or a T_ref move).
            let byHand = MasterShiftEditor.context(s)?.edit.shifts[k] != nil
            let name = "\(ScreenNumber.kelvin(m.shifts[k].temperatureK)) K" + (byHand ? " (by hand)" : "")
            series.append(Series(name: name, x: sel.map { $0.x }, y: sel.map { $0.e1 }, colour: 3, marker: "!", style: .points))
            series.append(Series(name: "", x: sel.map { $0.x }, y: sel.map { $0.e2 }, colour: 3, marker: "!", style: .points))
        }
        let vtag = m.verticalShift == .none ? "" : ", b_T \(m.verticalShift.rawValue)"
        return PlotSpec(title: "master curve — \(r.state), T_ref = \(ScreenNumber.kelvin(m.referenceTemperatureK)) K, on \(m.criterion.rawValue)\(vtag)",
                        x: Axis(title: "f·a_T", unit: "Hz", scale: .log), y: Axis(title: m.verticalShift == .none ? "E', E''" : "b_T·E', b_T·E''", unit: "MPa", scale: .log),
                        series: series)
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String { DMAViewSupport.unavailable(s, what: "master curve") }

    /// T_ref, the shifts and the a_T fits.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, _, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "master curve") }
        var out: [ResultLine] = [DMAViewSupport.heading("master curve", r)]
        guard let m = r.master else {
            return out + [ResultLine("T_ref", ScreenNumber.kelvin(r.settings.trefK), unit: "K"),
                          .heading("not computed: " + (DMAViewSupport.reason(r, containing: "master curve") ?? "no isotherms"))]
        }
        // The selected isotherm first: the numbers `{ } < > r` change stay in a small pane (at
        // 80×24 they were below its last row, the notes above them).
        if let k = MasterShiftEditor.selected(s), k < m.shifts.count {
            let shifts = MasterShiftEditor.effectiveShifts(s)
            out.append(.heading("selected isotherm ({ } < > r)"))
            out.append(ResultLine("T", ScreenNumber.kelvin(m.shifts[k].temperatureK), unit: "K"))
            out.append(ResultLine("log a_T", ScreenNumber.value(m.shifts[k].log10AT), unit: "analysis"))
            if k < shifts.count, shifts[k] != m.shifts[k].log10AT {
                out.append(ResultLine("by hand", ScreenNumber.value(shifts[k])))
            }
            let bts = MasterShiftEditor.effectiveVerticalShifts(s)
            out.append(ResultLine("log b_T", ScreenNumber.value(k < bts.count ? bts[k] : nil)))
            if let c = MasterShiftEditor.cost(s) {
                out.append(ResultLine("cost", ScreenNumber.value(c.cost), unit: "vs \(Format.shortNumber(m.shifts[c.neighbour].temperatureK)) K"))
            } else {
                out.append(ResultLine("cost", "—"))
            }
            out.append(.heading("all isotherms"))
        }
        out.append(ResultLine("T_ref", ScreenNumber.kelvin(m.referenceTemperatureK), unit: "K"))
        out.append(ResultLine("shift on", m.criterion.rawValue, unit: "(t)"))
        out.append(ResultLine("vertical", m.verticalShift.rawValue, unit: "(v)"))
        // Each reading's own reason when it is null (not the first warning naming a_T).
        out += DMAViewSupport.line("E_a(a_T)", m.arrhenius?.energyEV, m.arrhenius?.energyStderrEV, unit: "eV", r: r, key: "Arrhenius reading of a_T")
        out += DMAViewSupport.line("WLF C1", m.wlf?.c1, m.wlf?.c1Stderr, unit: "", r: r, key: "WLF reading of a_T")
        // Value and stderr formatted together: the error to two significant digits, the value to its place.
        if let w = m.wlf { out.append(ResultLine("WLF C2", ScreenNumber.measurement(w.c2K, w.c2StderrK), unit: "K")) }
        let shifted = m.shifts.filter { $0.log10AT != nil }.count
        out.append(ResultLine("shifted", "\(shifted)/\(m.shifts.count)"))
        // Why the others are null: one reason a side of T_ref, as under any null result.
        for w in r.warnings where w.contains("its shift is null") {
            if let why = DMAViewSupport.reason(r, containing: w) { out.append(.heading("  " + why)) }
        }
        if r.warnings.contains(where: { $0.contains("not monotonic") }) { out.append(.heading("! log a_T rises with T somewhere (export)")) }
        if r.warnings.contains(where: { $0.contains("is outside the isotherms") }) { out.append(.heading("! T_ref is outside the isotherms (W)")) }
        if r.warnings.contains(where: { $0.contains("isotherms at one temperature") }) { out.append(.heading("! isotherms at one T need different shifts (W)")) }
        if r.warnings.contains(where: { $0.contains("weakly constrained") }) { out.append(.heading("! weakly constrained steps (export)")) }
        // Every isotherm, in one format (one quantity): the pane cuts what it has no room for with `… N more`.
        out.append(.heading("log10 a_T by isotherm"))
        for (sh, shown) in zip(m.shifts, ScreenNumber.column(m.shifts.map(\.log10AT))) {
            out.append(ResultLine(Format.shortNumber(sh.temperatureK) + " K", shown))
        }
        return out
    }

    /// T_ref in force.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "master curve: not computed" }
        var extra = "reference isotherm " + ScreenNumber.withUnit(ScreenNumber.kelvin(r.master?.referenceTemperatureK), "K")
        if let k = MasterShiftEditor.selected(s), let m = r.master, k < m.shifts.count {
            let shift = MasterShiftEditor.effectiveShifts(s)[k]
            let bts = MasterShiftEditor.effectiveVerticalShifts(s)
            extra += "  on \(m.criterion.rawValue), b_T \(m.verticalShift.rawValue)"
            extra += "  selected \(ScreenNumber.kelvin(m.shifts[k].temperatureK)) K log a_T=\(ScreenNumber.value(shift))"
                + " log b_T=\(ScreenNumber.value(k < bts.count ? bts[k] : nil))"
                + "  cost=\(ScreenNumber.value(MasterShiftEditor.cost(s)?.cost))"
        }
        return DMAViewSupport.probe(s, extra)
    }
}
