import Foundation
import GlassKit
import GlassPlot

/// View 7: the Arrhenius map of the selected state, log10 f against 1000/T: β pairs and their
/// Arrhenius line, α pairs and the VFT curve, T_c marked.
public struct ArrheniusView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 7.
    public var id: ViewID { .arrhenius }
    /// The β and α window edges (they decide the pairs).
    public var cursors: [CursorID] { [.betaLo, .betaHi, .alphaLo, .alphaHi] }

    /// Pairs as points, fits as lines sampled over the pairs' temperature span.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let (_, _, r) = DMAViewSupport.selected(s), !(r.betaPairs.isEmpty && r.alphaPairs.isEmpty) else { return nil }
        let l10 = log(10.0)
        var series: [Series] = []
        func points(_ name: String, _ pairs: [PeakPair], _ colour: Int, _ marker: Character) {
            guard !pairs.isEmpty else { return }
            let sorted = pairs.sorted { 1 / $0.temperatureK < 1 / $1.temperatureK }
            series.append(Series(name: name, x: sorted.map { 1000 / $0.temperatureK }, y: sorted.map { log10($0.frequencyHz) },
                                 colour: colour, marker: marker, style: .points))
        }
        func curve(_ name: String, _ t: [Double], _ colour: Int, _ marker: Character, _ lnF: (Double) -> Double) {
            guard let lo = t.min(), let hi = t.max(), hi > lo else { return }
            let n = max(8, columns)
            let ts = (0...n).map { hi - (hi - lo) * Double($0) / Double(n) }
            series.append(Series(name: name, x: ts.map { 1000 / $0 }, y: ts.map { lnF($0) / l10 }, colour: colour, marker: marker))
        }
        points("β pairs", r.betaPairs, 4, "o")
        points("α pairs", r.alphaPairs, 1, "x")
        let allT = (r.betaPairs + r.alphaPairs).map { $0.temperatureK } + (r.tcK.map { [$0] } ?? [])
        if let b = r.beta { curve("β Arrhenius", r.betaPairs.map { $0.temperatureK } + (r.tcK.map { [$0] } ?? []), 4, "*") { b.lnFrequency(atK: $0) } }
        if let a = r.alpha {
            let ts = (r.alphaPairs.map { $0.temperatureK } + (r.tcK.map { [$0] } ?? [])).filter { $0 > a.t0K + 1 }
            curve("α VFT", ts, 1, "#") { a.lnFrequency(atK: $0) }
        }
        guard !series.isEmpty, let tmin = allT.min(), let tmax = allT.max() else { return nil }
        let pad = max(0.02, (1000 / tmin - 1000 / tmax) * 0.05)
        var markers: [VerticalMarker] = []
        if let tc = r.tcK { markers.append(VerticalMarker(x: 1000 / tc, label: "T_c", style: .dashed)) }
        return PlotSpec(title: "Arrhenius map — \(r.state)", x: Axis(title: "1000/T", unit: "1/K", range: (1000 / tmax - pad)...(1000 / tmin + pad)),
                        y: Axis(title: "log10 f", unit: "Hz"), series: series, markers: markers)
    }


    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String { DMAViewSupport.unavailable(s, what: "E_β") }

    /// E_β, f0, VFT parameters, T_c, m.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, _, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "Arrhenius map") }
        var out: [ResultLine] = [DMAViewSupport.heading("β / α", r)]
        out += DMAViewSupport.line("E_β", r.beta?.energyEV, r.beta?.energyStderrEV, unit: "eV", r: r, key: "E_β")
        out.append(ResultLine("f0", ScreenNumber.value(r.beta?.f0Hz), unit: "Hz n=\(r.betaPairs.count)"))
        out += DMAViewSupport.line("VFT B", r.alpha?.bK, r.alpha?.stderr?.bK, unit: "K", r: r, key: "VFT")
        out.append(ResultLine("VFT T_0", ScreenNumber.measurement(r.alpha?.t0K, r.alpha?.stderr?.t0K), unit: "K"))
        out.append(ResultLine("ln f_α", ScreenNumber.measurement(r.alpha?.lnFAlpha, r.alpha?.stderr?.lnFAlpha),
                              unit: "n=\(r.alphaPairs.count)"))
        out += DMAViewSupport.line("T_c", r.tcK, nil, unit: "K", r: r, key: "T_c")
        out.append(ResultLine("m", ScreenNumber.value(r.fragility)))
        out += DMAViewSupport.perState(s, "T_c", unit: "K", key: "T_c") { ($0.tcK, nil) }
        return out
    }

    /// E_β and T_c.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "Arrhenius: not computed" }
        return DMAViewSupport.probe(s, "E_β=\(ScreenNumber.value(r.beta?.energyEV)) eV  T_c=\(ScreenNumber.kelvin(r.tcK)) K")
    }
}
