import Foundation
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

    /// E' and E'' of every shifted point.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let (_, _, r) = DMAViewSupport.selected(s), let m = r.master, !m.points.isEmpty else { return nil }
        let pts = m.points.filter { $0.reducedFrequencyHz > 0 && $0.storageMPa > 0 && $0.lossMPa > 0 }
        guard !pts.isEmpty else { return nil }
        let x = pts.map { $0.reducedFrequencyHz }
        let series = [
            Series(name: "E'", x: x, y: pts.map { $0.storageMPa }, colour: 4, marker: "+", style: .points),
            Series(name: "E''", x: x, y: pts.map { $0.lossMPa }, colour: 1, marker: "x", style: .points),
        ]
        return PlotSpec(title: "master curve — \(r.state), T_ref = \(ScreenNumber.kelvin(m.referenceTemperatureK)) K",
                        x: Axis(title: "f·a_T", unit: "Hz", scale: .log), y: Axis(title: "E', E''", unit: "MPa", scale: .log),
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
        out.append(ResultLine("T_ref", ScreenNumber.kelvin(m.referenceTemperatureK), unit: "K"))
        out += DMAViewSupport.line("E_a(a_T)", m.arrhenius?.energyEV, m.arrhenius?.energyStderrEV, unit: "eV", r: r, key: "a_T")
        let shifted = m.shifts.filter { $0.log10AT != nil }.count
        out.append(ResultLine("shifted", "\(shifted)/\(m.shifts.count)"))
        out.append(.heading("log10 a_T by isotherm"))
        for sh in m.shifts.prefix(8) {
            out.append(ResultLine(Format.shortNumber(sh.temperatureK) + " K", ScreenNumber.value(sh.log10AT)))
        }
        return out
    }

    /// T_ref in force.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "master curve: not computed" }
        return DMAViewSupport.probe(s, "reference isotherm \(ScreenNumber.kelvin(r.master?.referenceTemperatureK)) K")
    }
}
