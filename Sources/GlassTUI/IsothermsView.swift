import GlassPlatform
import GlassKit
import GlassPlot

/// View 5: E''(f) of several isotherms of the selected state (log f), one colour and marker each.
public struct IsothermsView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 5.
    public var id: ViewID { .isotherms }
    /// The QPD window edges (drawn).
    public var cursors: [CursorID] { [.qpdLo, .qpdHi] }
    /// The x axis is the cursors' axis: a click moves the nearest edge there.
    public var cursorsOnPlot: Bool { true }

    /// Up to six isotherms spread over the temperature range.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let (_, p, _) = DMAViewSupport.selected(s) else { return nil }
        let iso = p.data.isotherms.filter { $0.temperatureK != nil }
        guard !iso.isEmpty else { return nil }
        var series: [Series] = []
        for (n, i) in DMAViewSupport.spread(iso.count, count: 6).enumerated() {
            let d = iso[i]
            var x: [Double] = [], y: [Double] = []
            for j in d.frequencyHzValues.indices where j < d.lossMPa.count && d.frequencyHzValues[j] > 0 && d.lossMPa[j] > 0 {
                x.append(d.frequencyHzValues[j]); y.append(d.lossMPa[j])
            }
            guard !x.isEmpty else { continue }
            series.append(Series(name: "\(ScreenNumber.kelvin(d.temperatureK)) K", x: x, y: y,
                                 colour: DMAViewSupport.colour(n), marker: DMAViewSupport.marker(n)))
        }
        guard !series.isEmpty else { return nil }
        return PlotSpec(title: "E''(f) isotherms — \(p.data.state)", x: Axis(title: "f", unit: "Hz", scale: .log),
                        y: Axis(title: "E''", unit: "MPa", scale: .log), series: series,
                        markers: DMAViewSupport.markers(s, cursors))
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String { DMAViewSupport.unavailable(s, what: "isothermal sweeps") }

    /// The isotherms of the state.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, p, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "E''(f) isotherms") }
        let ts = p.data.isotherms.compactMap { $0.temperatureK }
        var out: [ResultLine] = [DMAViewSupport.heading("isotherms", r)]
        out.append(ResultLine("isotherms", "\(ts.count)"))
        out.append(ResultLine("T range", ts.isEmpty ? "—" : "\(ScreenNumber.kelvin(ts.min()))–\(ScreenNumber.kelvin(ts.max()))", unit: "K"))
        out.append(ResultLine("scans", "\(p.data.scans.count)"))
        out.append(ResultLine("χ points", "\(r.qpd?.points.count ?? 0)"))
        out += DMAViewSupport.line("U_β", r.qpd?.uEV, r.qpd?.uStderrEV, unit: "eV", r: r, key: "U_β")
        return out
    }

    /// The QPD window and the number of isotherms.
    public func probe(_ s: ExplorerState) -> String {
        guard let (_, p, _) = DMAViewSupport.selected(s) else { return "E''(f): not computed" }
        return DMAViewSupport.probe(s, "\(p.data.isotherms.count) isotherms")
    }
}
