import GlassKit
import GlassPlot

/// View 2: the cumulative ΔH_rej(T) on [T_s, T_e] of every visible curve (paper Fig. 1c).
public struct CumulativeView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 2.
    public var id: ViewID { .cumulative }
    /// T_s and T_e.
    public var cursors: [CursorID] { [.ts, .te] }
    /// The x axis is T: a click moves T_s or T_e.
    public var cursorsOnPlot: Bool { true }

    /// Curves sampled at two points a column (O(width log n)), ending at ΔH_rej(T_e).
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard s.results?.dsc != nil, let ts = s.tsK, let te = s.teK, ts < te else { return nil }
        let full = ts...te
        // Sampled over what is visible, so a zoom keeps two samples a column.
        var range = full
        if let v = s.viewports[id]?.x, v.upperBound > ts, v.lowerBound < te { range = max(ts, v.lowerBound)...min(te, v.upperBound) }
        let samples = max(8, 2 * columns)
        var series: [Series] = []
        for (i, st) in s.prepared.states.enumerated() where s.isVisible(st.state) {
            for (j, c) in st.curves.enumerated() {
                let diff = (try? s.prepared.differenceCurve(c, baseline: s.baseline)) ?? nil
                var x: [Double] = [], y: [Double] = []
                x.reserveCapacity(samples + 1); y.reserveCapacity(samples + 1)
                for k in 0...samples {
                    let t = k == samples ? te : ts + (te - ts) * Double(k) / Double(samples)
                    guard let v = RejuvenationEnthalpy.cumulativeValue(c, tsK: ts, teK: te, atK: t, baseline: s.baseline, difference: diff)
                    else { continue }
                    x.append(t); y.append(v)
                }
                series.append(Series(name: j == 0 ? st.state : "", x: x, y: y,
                                     colour: CurveSeries.colour(stateIndex: i), marker: CurveSeries.marker(stateIndex: i)))
            }
        }
        guard !series.isEmpty else { return nil }
        var markers: [VerticalMarker] = []
        for c in cursors {
            guard let v = s.value(of: c) else { continue }
            let active = c == s.cursor
            markers.append(VerticalMarker(x: v, label: c.rawValue + (s.isProposed(c) ? "?" : ""),
                                          style: active ? .solid : .dashed, active: active))
        }
        return PlotSpec(title: "cumulative ΔH_rej(T), baseline \(s.baseline)", x: Axis(title: "T", unit: "K", range: range),
                        y: Axis(title: "ΔH_rej", unit: "J/g"), series: series, markers: markers)
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String {
        if let e = s.loadError { return "cannot open the study: \(e)" }
        if let e = s.analysisError { return "not computed: \(e)" }
        if s.prepared.states.isEmpty { return "no DSC sample runs in this study" }
        if !s.prepared.states.contains(where: { s.isVisible($0.state) }) { return DSCResultLines.everyStateHidden }
        return "not computed: T_s/T_e not set"
    }

    /// DSC parameters.
    /// As view 1's: the DSC results, then the T table (T_g,mid, T_f, T_x per state).
    public func results(_ s: ExplorerState) -> [ResultLine] { DSCResultLines.lines(s, width: 0) + TransitionOverlay.lines(s) }

    /// ΔH_rej(T_e) of every visible state, from `Results`, in the results pane's column format.
    public func probe(_ s: ExplorerState) -> String {
        guard let r = s.results, let d = r.dsc else { return "ΔH_rej: not computed" }
        let shown = ScreenNumber.column(d.states.map(\.dHJPerG))
        var parts: [String] = []
        for (k, st) in r.dscStates.enumerated() where s.isVisible(st.state) {
            parts.append("\(st.state) \(shown[k])")
        }
        return "ΔH_rej(T_e) J/g: " + DSCResultLines.probeList(parts)
    }
}
