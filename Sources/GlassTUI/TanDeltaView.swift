import GlassPlatform
import GlassKit
import GlassPlot

/// View 6: tan δ against f (log–log) of several isotherms of the selected state, with the QPD
/// window edges and each isotherm's eq. 1 line over the window (from `Results` χ and c).
public struct TanDeltaView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 6.
    public var id: ViewID { .tanDelta }
    /// The QPD window edges.
    public var cursors: [CursorID] { [.qpdLo, .qpdHi] }
    /// The x axis is the cursors' axis: a click moves the nearest edge there.
    public var cursorsOnPlot: Bool { true }

    /// Points of up to six isotherms and their fitted lines ln tanδ = c − χ ln(2πf) over the window.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let (_, p, r) = DMAViewSupport.selected(s), !p.qpd.isEmpty else { return nil }
        var series: [Series] = []
        let window = r.qpd?.windowHz ?? r.settings.qpdWindowHz
        for (n, i) in DMAViewSupport.spread(p.qpd.count, count: 6).enumerated() {
            let iso = p.qpd[i]
            guard !iso.frequencyHz.isEmpty else { continue }
            let colour = DMAViewSupport.colour(n)
            series.append(Series(name: "\(ScreenNumber.kelvin(iso.temperatureK)) K", x: iso.frequencyHz,
                                 y: iso.lnTanDelta.map { exp($0) }, colour: colour, marker: DMAViewSupport.marker(n), style: .points))
            if let pt = r.qpd?.points.first(where: { $0.temperatureK == iso.temperatureK }) {
                let w = pt.windowHz ?? window, fs = [w.lowerBound, w.upperBound]
                series.append(Series(name: "", x: fs, y: fs.map { exp(pt.intercept - pt.chi * log(2 * Double.pi * $0)) },
                                     colour: colour, marker: "."))
            }
        }
        guard !series.isEmpty else { return nil }
        return PlotSpec(title: "tan δ vs f — \(p.data.state), eq. 1 fits over the QPD window", x: Axis(title: "f", unit: "Hz", scale: .log),
                        y: Axis(title: "tan δ", unit: nil, scale: .log), series: series,
                        markers: DMAViewSupport.markers(s, cursors))
    }


    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String { DMAViewSupport.unavailable(s, what: "χ(T), U_β") }

    /// The window, U_β, λ and χ at the isotherms.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, _, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "tan δ (QPD)") }
        let w = r.settings.qpdWindowHz
        var out: [ResultLine] = [DMAViewSupport.heading("QPD", r)]
        out.append(ResultLine("window", "\(ScreenNumber.setting(w.lowerBound))–\(ScreenNumber.setting(w.upperBound))", unit: "Hz"))
        // The window that follows the α peak (isotherms at T ≥ T_g take it): its χ are marked.
        if let d = r.settings.qpdWindowAbovePeakDecades {
            out.append(ResultLine("above peak", "\(ScreenNumber.setting(d.lowerBound))–\(ScreenNumber.setting(d.upperBound))", unit: "decades"))
        }
        out.append(ResultLine("χ points", "\(r.qpd?.points.count ?? 0)"))
        out += DMAViewSupport.line("U_β", r.qpd?.uEV, r.qpd?.uStderrEV, unit: "eV", r: r, key: "U_β")
        out += DMAViewSupport.diagnostics(r, [.qpd])
        out += DMAViewSupport.line("λ", r.qpd?.lambda, r.qpd?.lambdaStderr, unit: "", r: r, key: "λ")
        out += DMAViewSupport.perState(s, "U_β", unit: "eV", key: "U_β") { ($0.qpd?.uEV, $0.qpd?.uStderrEV) }
        if let pts = r.qpd?.points, !pts.isEmpty {
            // Every isotherm, not the plot's six: the pane cuts what it has no room for with `… N more`.
            out.append(.heading("χ by isotherm", unit: "(± stderr, points)"))
            for pt in pts {
                out.append(ResultLine(Format.shortNumber(pt.temperatureK) + " K", ScreenNumber.measurement(pt.chi, pt.chiStderr),
                                      unit: "n=\(pt.count)", flag: pt.window == .abovePeak ? "above peak" : nil))
            }
        }
        return out
    }

    /// U_β at the window in force.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "tan δ: not computed" }
        return DMAViewSupport.probe(s, "U_β=\(ScreenNumber.withUnit(ScreenNumber.value(r.qpd?.uEV), "eV"))  χ points \(r.qpd?.points.count ?? 0)")
    }
}
