import GlassKit
import GlassPlot

/// View 3: ΔH_rej [kJ/mol] against cooling rate |q_c| for the cooled states, with the S_r line.
public struct SensitivityView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// View 3.
    public var id: ViewID { .sensitivity }
    /// T_s and T_e still move (the points follow).
    public var cursors: [CursorID] { [.ts, .te] }

    /// One point series a cooled state, and the fitted line.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        guard let r = s.results, let d = r.dsc else { return nil }
        let molar = r.molarMassGPerMol != nil
        var series: [Series] = []
        var maxQ = 0.0
        for (k, st) in r.dscStates.enumerated() where s.isVisible(st.state) {
            guard let q = st.coolingRateKPerMin else { continue }
            let y = molar ? d.states[k].dHKJPerMol : d.states[k].dHJPerG
            guard let v = y else { continue }
            maxQ = max(maxQ, abs(q))
            series.append(Series(name: st.state, x: [abs(q)], y: [v], colour: CurveSeries.colour(stateIndex: k),
                                 marker: CurveSeries.marker(stateIndex: k), style: .points))
        }
        guard !series.isEmpty else { return nil }
        if let sr = d.sr, maxQ > 0 {
            let xs = [0, maxQ * 1.05]
            series.append(Series(name: "S_r fit", x: xs, y: xs.map { sr.interceptKJPerMol + sr.value * $0 }, colour: 7, marker: "=",
                                 style: .line))
        }
        return PlotSpec(title: "ΔH_rej vs cooling rate", x: Axis(title: "|q_c|", unit: "K/min", range: 0...(maxQ * 1.05)),
                        y: Axis(title: "ΔH_rej", unit: molar ? "kJ/mol" : "J/g"), series: series)
    }


    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String {
        if let e = s.loadError { return "cannot open the study: \(e)" }
        if let e = s.analysisError { return "not computed: \(e)" }
        return "not computed: no visible state with a cooling rate"
    }

    /// DSC parameters.
    public func results(_ s: ExplorerState) -> [ResultLine] { DSCResultLines.lines(s, width: 0) }

    /// S_r and the states' ΔH_rej in kJ/mol.
    public func probe(_ s: ExplorerState) -> String {
        guard let d = s.results?.dsc else { return "S_r: not computed" }
        let sr = d.sr.map { "S_r=\(ScreenNumber.measurement($0.value, $0.stderr)) kJ min mol⁻¹ K⁻¹" }
            ?? "S_r: not computed"
        var parts: [String] = []
        for (k, st) in d.states.enumerated() where s.isVisible(st.state) {
            parts.append("\(st.state) \(ScreenNumber.value(d.states[k].dHKJPerMol))")
        }
        return sr + "  kJ/mol: " + parts.joined(separator: "  ")
    }
}
