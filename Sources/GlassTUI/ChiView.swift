import GlassPlatform
import GlassKit
import GlassPlot

/// View 8: χ(T) of the selected state with ± stderr bars, the a1 and a2 lines and T_g marked.
public struct ChiView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 8.
    public var id: ViewID { .chi }
    /// T_g and the QPD window edges (they decide χ).
    public var cursors: [CursorID] { [.tg, .qpdLo, .qpdHi] }
    /// The x axis is T: a click moves T_g (the QPD edges are frequencies, not on this axis).
    public var cursorsOnPlot: Bool { true }
    /// T_g only.
    public var plotCursors: [CursorID] { [.tg] }

    /// Per visible state (the paper's Fig. 5b): the points, their error bars (broken line), the
    /// a1/a2 lines through the points' means, in the state's colour and marker; the selected
    /// state on top with its T_g cursor, the others' T_g dashed.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let selected = DMAViewSupport.selected(s) else { return nil }
        var series: [Series] = []
        var markers: [VerticalMarker] = []
        for (k, r) in DMAViewSupport.overlay(s) {
            guard let q = r.qpd, !q.points.isEmpty else { continue }
            let colour = s.dmaColour(k)
            let pts = q.points.sorted { $0.temperatureK < $1.temperatureK }
            var bx: [Double] = [], by: [Double] = []
            for p in pts {
                bx += [p.temperatureK, p.temperatureK, .nan]; by += [p.chi - p.chiStderr, p.chi + p.chiStderr, .nan]
            }
            series.append(Series(name: "", x: bx, y: by, colour: colour, marker: "|"))
            series.append(Series(name: "\(r.state) χ", x: pts.map { $0.temperatureK }, y: pts.map { $0.chi },
                                 colour: colour, marker: s.dmaMarker(k), style: .points))
            if let sl = q.slopes {
                // The OLS line with slope a passes through the mean of its points.
                func line(_ sel: [QPDPoint], _ a: Double?) {
                    guard let a, let lo = sel.first?.temperatureK, let hi = sel.last?.temperatureK, !sel.isEmpty else { return }
                    let mt = sel.map { $0.temperatureK }.reduce(0, +) / Double(sel.count)
                    let mc = sel.map { $0.chi }.reduce(0, +) / Double(sel.count)
                    series.append(Series(name: "", x: [lo, hi], y: [mc + a * (lo - mt), mc + a * (hi - mt)], colour: colour, marker: "."))
                }
                line(pts.filter { $0.temperatureK <= sl.tgK }, sl.a1PerK)
                line(pts.filter { $0.temperatureK >= sl.tgK }, sl.a2PerK)
                if k != selected.index { markers.append(VerticalMarker(x: sl.tgK, label: "", style: .dashed, colour: colour)) }
            }
        }
        guard !series.isEmpty else { return nil }
        var own = DMAViewSupport.markers(s, [.tg])
        if own.isEmpty, let tg = selected.result.qpd?.slopes?.tgK { own.append(VerticalMarker(x: tg, label: "T_g", style: .dashed)) }
        let n = series.filter { $0.style == .points }.count
        // The selected state is "on top" only when it has χ to draw (a state of scans alone has none).
        let state = selected.result.state
        let drawn = !(selected.result.qpd?.points.isEmpty ?? true)
        let shown = n > 1 ? "\(n) states" : String(series.first { $0.style == .points }?.name.dropLast(2) ?? "")
        let title = "χ(T) — " + (!drawn ? "\(shown) (\(state): no χ)" : n > 1 ? "\(shown), \(state) on top" : state)
        return PlotSpec(title: title, x: Axis(title: "T", unit: "K"), y: Axis(title: "χ"), series: series, markers: markers + own)
    }

    /// The χ points of every drawn state, the selected state's last (on top).
    public func marks(_ s: ExplorerState) -> [PlotMark] {
        DMAViewSupport.overlay(s).flatMap { k, r in
            (r.qpd?.points ?? []).map { PlotMark(x: $0.temperatureK, y: $0.chi, character: s.dmaMarker(k), colour: s.dmaColour(k)) }
        }
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String { DMAViewSupport.unavailable(s, what: "χ") }

    /// T_g, a1, a2, U_β, λ.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        guard let (_, _, r) = DMAViewSupport.selected(s) else { return DMAViewSupport.empty(s, title: "χ(T)") }
        let sl = r.qpd?.slopes
        var out: [ResultLine] = [DMAViewSupport.heading("χ(T)", r)]
        out.append(ResultLine("T_g", ScreenNumber.kelvin(sl?.tgK ?? r.settings.tgK), unit: "K", flag: sl?.tgSource.rawValue))
        // The QPD window the f_lo/f_hi cursors move (this plot has no frequency axis to draw them on).
        let w = r.settings.qpdWindowHz
        out.append(ResultLine("window", "\(ScreenNumber.setting(w.lowerBound))–\(ScreenNumber.setting(w.upperBound))", unit: "Hz"))
        // The window that follows the α peak (isotherms at T ≥ T_g take it): its χ are marked.
        if let d = r.settings.qpdWindowAbovePeakDecades {
            out.append(ResultLine("above peak", "\(ScreenNumber.setting(d.lowerBound))–\(ScreenNumber.setting(d.upperBound))", unit: "decades"))
        }
        out += DMAViewSupport.line("a1", sl?.a1PerK, sl?.a1StderrPerK, unit: "K⁻¹", r: r, key: "a1")
        out += DMAViewSupport.line("a2", sl?.a2PerK, sl?.a2StderrPerK, unit: "K⁻¹", r: r, key: "a2")
        out += DMAViewSupport.diagnostics(r, [.qpd])
        out += DMAViewSupport.line("U_β", r.qpd?.uEV, r.qpd?.uStderrEV, unit: "eV", r: r, key: "U_β")
        out += DMAViewSupport.line("λ", r.qpd?.lambda, r.qpd?.lambdaStderr, unit: "", r: r, key: "λ")
        out += DMAViewSupport.perState(s, "a2", unit: "K⁻¹", key: "a2") { ($0.qpd?.slopes?.a2PerK, $0.qpd?.slopes?.a2StderrPerK) }
        out.append(ResultLine("χ points", "\(r.qpd?.points.count ?? 0)"))
        return out
    }

    /// a1/a2 at the T_g in force.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.selectedDMAResult else { return "χ(T): not computed" }
        let sl = r.qpd?.slopes
        let (a1, a2) = (ScreenNumber.value(sl?.a1PerK), ScreenNumber.value(sl?.a2PerK))
        // One unit after both when both are numbers; else each number its own (none after `—`).
        let both = a1 != ScreenNumber.missing && a2 != ScreenNumber.missing
        let shown = both ? "a1=\(a1) a2=\(a2) K⁻¹" : "a1=\(ScreenNumber.withUnit(a1, "K⁻¹")) a2=\(ScreenNumber.withUnit(a2, "K⁻¹"))"
        return DMAViewSupport.probe(s, shown)
    }
}
