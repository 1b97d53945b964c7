import GlassPlatform
import GlassKit
import GlassPlot

/// View 4: E'/E_u and E''/E_u against T from each visible state's scan nearest 2 Hz, with the
/// β and α window edges (log y: E'' is a few per cent of E').
public struct ModuliView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 4.
    public var id: ViewID { .moduli }
    /// The β and α window edges.
    public var cursors: [CursorID] { [.betaLo, .betaHi, .alphaLo, .alphaHi] }
    /// The x axis is the cursors' axis: a click moves the nearest edge there.
    public var cursorsOnPlot: Bool { true }

    /// The scan nearest 2 Hz of a state, if any.
    static func scan(_ p: DMAPreparedState) -> Dataset? {
        p.data.scans.filter { $0.frequencyHz != nil }.min { a, b in
            abs(log((a.frequencyHz ?? 2) / 2)) < abs(log((b.frequencyHz ?? 2) / 2))
        }
    }

    /// E'/E_u (line) and E''/E_u (marker line) of every visible state with a scan and E_u.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        var series: [Series] = []
        for (k, result) in DMAViewSupport.overlay(s) {
            let p = s.dma.states[k]
            guard let eu = result.unrelaxedModulusMPa, eu > 0, let d = ModuliView.scan(p) else { continue }
            let t = d.temperatureKValues
            let f = ScreenNumber.value(d.frequencyHz)
            series.append(Series(name: "\(p.data.state) E'/E_u \(f) Hz", x: t, y: d.storageMPa.map { $0 / eu },
                                 colour: s.dmaColour(k), marker: s.dmaMarker(k)))
            series.append(Series(name: "\(p.data.state) E''/E_u", x: t, y: d.lossMPa.map { $0 / eu }, colour: s.dmaColour(k),
                                 marker: DMAViewSupport.lossMarker(k)))
        }
        guard !series.isEmpty else { return nil }
        return PlotSpec(title: "E'/E_u and E''/E_u vs T (scan nearest 2 Hz)", x: Axis(title: "T", unit: "K"),
                        y: Axis(title: "E/E_u", unit: nil, scale: .log), series: series,
                        markers: DMAViewSupport.markers(s, cursors))
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String {
        if !s.dma.states.isEmpty, !s.dma.states.contains(where: { s.isVisible($0.data.state) }) {
            return "no visible DMA state (space shows a state)"
        }
        return DMAViewSupport.unavailable(s, what: "E_u")
    }

    /// E_u, the windows and the peak pairs found in them.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, _, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "E'/E_u, E''/E_u") }
        var out: [ResultLine] = [DMAViewSupport.heading("moduli", r)]
        out += DMAViewSupport.line("E_u", r.unrelaxedModulusMPa, nil, unit: "MPa", r: r, key: "E_u")
        out.append(ResultLine("β window", "\(ScreenNumber.kelvin(r.settings.betaWindowK.lowerBound))–\(ScreenNumber.kelvin(r.settings.betaWindowK.upperBound))", unit: "K"))
        out.append(ResultLine("β pairs", "\(r.betaPairs.count)"))
        out.append(ResultLine("α window", "\(ScreenNumber.kelvin(r.settings.alphaWindowK.lowerBound))–\(ScreenNumber.kelvin(r.settings.alphaWindowK.upperBound))", unit: "K"))
        out.append(ResultLine("α pairs", "\(r.alphaPairs.count)"))
        out += DMAViewSupport.line("E_β", r.beta?.energyEV, r.beta?.energyStderrEV, unit: "eV", r: r, key: "E_β")
        out += DMAViewSupport.line("T_c", r.tcK, nil, unit: "K", r: r, key: "T_c")
        out += DMAViewSupport.perState(s, "E_β", unit: "eV", key: "E_β") { ($0.beta?.energyEV, $0.beta?.energyStderrEV) }
        return out
    }

    /// The active edge and the pair counts.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "E'/E_u: not computed" }
        return DMAViewSupport.probe(s, "β pairs \(r.betaPairs.count)  α pairs \(r.alphaPairs.count)")
    }
}
