import GlassKit
import GlassPlot

/// View 1: heat flow W(T) of every visible curve with the T_s/T_e lines and the baseline.
public struct HeatFlowView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 1.
    public var id: ViewID { .heatFlow }
    /// T_s and T_e.
    public var cursors: [CursorID] { [.ts, .te, .glassLo, .glassHi, .liquidLo, .liquidHi, .crystallizationLo, .crystallizationHi] }
    /// The x axis is T: a click moves T_s or T_e.
    public var cursorsOnPlot: Bool { true }

    /// The curves (cached series), the chord or reference baseline, and the bound lines.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard !s.curveSeries.isEmpty else { return nil }
        var series: [Series] = []
        var chords: [Series] = []
        var full: ClosedRange<Double>?
        for cs in s.curveSeries {
            let state = s.prepared.states[cs.stateIndex]
            guard s.isVisible(state.state) else { continue }
            series.append(cs.series)
            if let d = cs.series.envelope?.xBounds { full = full.map { min($0.lowerBound, d.lowerBound)...max($0.upperBound, d.upperBound) } ?? d }
            if s.baseline == .linear, let ts = s.tsK, let te = s.teK {
                let c = state.curves[cs.curveIndex].curve
                if let a = c.value(at: ts), let b = c.value(at: te) {
                    chords.append(Series(name: "", x: [ts, te], y: [a, b], colour: cs.series.colour, marker: "."))
                }
            }
        }
        // Every state hidden: said, not drawn as empty axes.
        guard !series.isEmpty else { return nil }
        var markers: [VerticalMarker] = []
        for c in cursors {
            // Window edges (issue 9) only while one of them is the active cursor: the plot stays readable.
            if c.isTransitionWindow && !s.cursor.isTransitionWindow { continue }
            guard let v = s.value(of: c) else { continue }
            let active = c == s.cursor
            markers.append(VerticalMarker(x: v, label: c.rawValue + (s.isProposed(c) ? "?" : ""),
                                          style: active ? .solid : .dashed, active: active))
        }
        let range = full
        // The baseline in the words of study.toml and the results pane (linear, none, state:LABEL).
        return PlotSpec(title: "W(T), baseline \(s.baseline.description)", x: Axis(title: "T", unit: "K", range: range),
                        y: Axis(title: HeatFlowView.quantity(s), unit: "W/g", note: "endo ↑"),
                        series: series + chords + TransitionOverlay.series(s), markers: markers + TransitionOverlay.markers(s))
    }

    /// What the y axis shows: `W − W_cryst` when every visible curve had a crystalline run
    /// subtracted, `W` when none had, and says so when only some had.
    static func quantity(_ s: ExplorerState) -> String {
        let curves = s.prepared.states.filter { s.isVisible($0.state) }.flatMap(\.curves)
        let subtracted = curves.filter { $0.crystallinePath != nil }.count
        if subtracted == 0 { return "W" }
        return subtracted == curves.count ? "W − W_cryst" : "W (− W_cryst where measured)"
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String {
        if let e = s.loadError { return "cannot open the study: \(e)" }
        return s.curveSeries.isEmpty ? "no DSC sample runs in this study" : DSCResultLines.everyStateHidden
    }

    /// DSC parameters.
    public func results(_ s: ExplorerState) -> [ResultLine] { DSCResultLines.lines(s, width: 0) + TransitionOverlay.lines(s) }

    /// W at the active cursor for every visible state (first curve of each), in one format.
    public func probe(_ s: ExplorerState) -> String {
        guard let t = s.value(of: s.cursor) else { return "" }
        let states = s.prepared.states.filter { s.isVisible($0.state) }
        let w = ScreenNumber.column(states.map { $0.curves.first?.curve.value(at: t) })
        let parts = zip(states, w).map { "\($0.state) \($1)" }
        return "\(s.cursor.rawValue)=\(ScreenNumber.withUnit(ScreenNumber.kelvin(t), "K"))  W/(W/g): " + DSCResultLines.probeList(parts)
    }
}
