import GlassPlatform
import GlassKit
import GlassPlot

/// View 7: the Arrhenius map, log10 f against 1000/T, of every visible DMA state (the paper's
/// Fig. 3c): β pairs and their Arrhenius line, α pairs and the VFT curve, T_c marked; each state
/// in its colour and marker, the selected one on top; the window edges `[`/`]` move as lines at 1000/T.
public struct ArrheniusView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 7.
    public var id: ViewID { .arrhenius }
    /// The β and α window edges (they decide the pairs).
    public var cursors: [CursorID] { [.betaLo, .betaHi, .alphaLo, .alphaHi] }

    /// Pairs as points (one series a state), fits as unnamed lines in the state's colour.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        let states = DMAViewSupport.overlay(s).filter { !($0.result.betaPairs.isEmpty && $0.result.alphaPairs.isEmpty) }
        guard let selected = DMAViewSupport.selected(s) else { return nil }
        let l10 = log(10.0)
        var series: [Series] = []
        var markers: [VerticalMarker] = []
        var allT: [Double] = []
        for (k, r) in states {
            let colour = s.dmaColour(k), marker = s.dmaMarker(k)
            let pairs = (r.betaPairs + r.alphaPairs).sorted { $0.temperatureK > $1.temperatureK }
            series.append(Series(name: "\(r.state) β, α pairs", x: pairs.map { 1000 / $0.temperatureK },
                                 y: pairs.map { log10($0.frequencyHz) }, colour: colour, marker: marker, style: .points))
            func curve(_ t: [Double], _ lnF: (Double) -> Double) {
                guard let lo = t.min(), let hi = t.max(), hi > lo else { return }
                let n = max(8, columns)
                let ts = (0...n).map { hi - (hi - lo) * Double($0) / Double(n) }
                series.append(Series(name: "", x: ts.map { 1000 / $0 }, y: ts.map { lnF($0) / l10 }, colour: colour, marker: "."))
            }
            let tc = r.tcK.map { [$0] } ?? []
            if let b = r.beta { curve(r.betaPairs.map { $0.temperatureK } + tc) { b.lnFrequency(atK: $0) } }
            if let a = r.alpha { curve((r.alphaPairs.map { $0.temperatureK } + tc).filter { $0 > a.t0K + 1 }) { a.lnFrequency(atK: $0) } }
            allT += pairs.map { $0.temperatureK } + tc
            if let t = r.tcK {
                markers.append(VerticalMarker(x: 1000 / t, label: k == selected.index ? "T_c" : "", style: .dashed, colour: colour))
            }
        }
        // The β and α window edges, at 1000/T (the active one is in view: the range takes it in).
        markers += DMAViewSupport.markers(s, cursors) { $0 > 0 ? 1000 / $0 : nil }
        let dataT = allT
        if cursors.contains(s.cursor), let t = s.value(of: s.cursor), t > 0, !allT.isEmpty { allT.append(t) }
        guard !series.isEmpty, let tmin = allT.min(), let tmax = allT.max() else { return nil }
        // The margin from the data's span alone (an edge's move must not change it).
        let pad = max(0.02, (1000 / (dataT.min() ?? tmin) - 1000 / (dataT.max() ?? tmax)) * 0.05)
        var lo = 1000 / tmax - pad, hi = 1000 / tmin + pad
        // A range the active edge widened goes out in steps of 0.25 (K⁻¹·1000), so that the data
        // stay still while the edge moves and the line moves, not the axis under it.
        if let dmin = dataT.min(), tmin < dmin { hi = (hi / 0.25).rounded(.up) * 0.25 }
        if let dmax = dataT.max(), tmax > dmax { lo = (lo / 0.25).rounded(.down) * 0.25 }
        let title = states.count > 1 ? "Arrhenius map — \(states.count) states, \(selected.result.state) on top" : "Arrhenius map — \(selected.result.state)"
        return PlotSpec(title: title, x: Axis(title: "1000/T", unit: "1/K", range: lo...hi),
                        y: Axis(title: "log10 f", unit: "Hz"), series: series, markers: markers)
    }

    /// The pairs' markers, the selected state's last (on top).
    public func marks(_ s: ExplorerState) -> [PlotMark] {
        plot(s, columns: 8)?.series.filter { $0.style == .points }.flatMap { p in
            zip(p.x, p.y).map { PlotMark(x: $0.0, y: $0.1, character: p.marker ?? "*", colour: p.colour) }
        } ?? []
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String { DMAViewSupport.unavailable(s, what: "E_β") }

    /// E_β, f0, VFT parameters, T_c, m.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, _, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "Arrhenius map") }
        var out: [ResultLine] = [DMAViewSupport.heading("β / α", r)]
        out += DMAViewSupport.line("E_β", r.beta?.energyEV, r.beta?.energyStderrEV, unit: "eV", r: r, key: "E_β")
        out.append(ResultLine("f0", ScreenNumber.value(r.beta?.f0HzIfRepresentable), unit: "Hz n=\(r.betaPairs.count)"))
        out += DMAViewSupport.line("VFT B", r.alpha?.bK, r.alpha?.stderr?.bK, unit: "K", r: r, key: "VFT")
        out.append(ResultLine("VFT T_0", ScreenNumber.measurement(r.alpha?.t0K, r.alpha?.stderr?.t0K), unit: "K"))
        out.append(ResultLine("ln f_α", ScreenNumber.measurement(r.alpha?.lnFAlpha, r.alpha?.stderr?.lnFAlpha),
                              unit: "n=\(r.alphaPairs.count)"))
        out += DMAViewSupport.line("T_c", r.tcK, nil, unit: "K", r: r, key: "T_c")
        out.append(ResultLine("m", ScreenNumber.value(r.fragility)))
        out += DMAViewSupport.diagnostics(r, [.beta, .alpha])
        out += DMAViewSupport.perState(s, "T_c", unit: "K", key: "T_c") { ($0.tcK, nil) }
        return out
    }

    /// E_β and T_c.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "Arrhenius: not computed" }
        return DMAViewSupport.probe(s, "E_β=\(ScreenNumber.withUnit(ScreenNumber.value(r.beta?.energyEV), "eV"))  T_c=\(ScreenNumber.withUnit(ScreenNumber.kelvin(r.tcK), "K"))")
    }
}
