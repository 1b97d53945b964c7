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

    /// One point series a cooled state, and the fitted line; or (`g`) T_g and T_f of each cooled
    /// state against its cooling rate: how T_f falls as the glass is cooled more slowly (the
    /// rejuvenation picture of the paper's Fig. 6).
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        if s.sensitivityTemperatures { return temperatures(s) }
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
            series.append(Series(name: "S_r fit", x: xs, y: xs.map { sr.interceptKJPerMol + sr.value * $0 }, colour: 7, marker: "!",
                                 style: .line))
        }
        return PlotSpec(title: "ΔH_rej vs cooling rate", x: Axis(title: "|q_c|", unit: "K/min", range: 0...(maxQ * 1.05)),
                        y: Axis(title: "ΔH_rej", unit: molar ? "kJ/mol" : "J/g"), series: series)
    }


    func temperatures(_ s: ExplorerState) -> PlotSpec? {
        guard let r = s.results else { return nil }
        var tg: [(Double, Double)] = [], tf: [(Double, Double)] = []
        for t in r.transitions where s.isVisible(t.state) {
            guard let q = t.coolingRateKPerMin else { continue }
            if let v = t.values.tgMidpointK { tg.append((abs(q), v)) }
            if let v = t.values.tfK { tf.append((abs(q), v)) }
        }
        guard !(tg.isEmpty && tf.isEmpty) else { return nil }
        tg.sort { $0.0 < $1.0 }
        tf.sort { $0.0 < $1.0 }
        let maxQ = (tg + tf).map(\.0).max() ?? 1
        let series = [
            Series(name: "T_g,mid", x: tg.map(\.0), y: tg.map(\.1), colour: 4, marker: "o"),
            Series(name: "T_f", x: tf.map(\.0), y: tf.map(\.1), colour: 1, marker: "x"),
        ].filter { !$0.x.isEmpty }
        return PlotSpec(title: "T_g and T_f vs cooling rate (g: ΔH_rej)", x: Axis(title: "|q_c|", unit: "K/min", range: 0...(maxQ * 1.05)),
                        y: Axis(title: "T", unit: "K"), series: series)
    }

    /// Why there is nothing.
    public func unavailable(_ s: ExplorerState) -> String {
        if let e = s.loadError { return "cannot open the study: \(e)" }
        if let e = s.analysisError { return "not computed: \(e)" }
        // A DMA state's cooling rate is no DSC state's (it said "no visible state with a cooling rate").
        if s.prepared.states.isEmpty { return "no DSC sample runs in this study" }
        // Every cooled state hidden is what the user did, not a missing value ("not computed"
        // is the results pane's word for that).
        let cooled = s.results?.dscStates.filter { $0.coolingRateKPerMin != nil } ?? []
        if !cooled.isEmpty, !cooled.contains(where: { s.isVisible($0.state) }) {
            return "every state with a cooling rate is hidden: space shows the selected state"
        }
        return "not computed: no visible state with a cooling rate"
    }

    /// DSC parameters.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        // View 1's lines; the T table first while `g` plots the temperatures.
        s.sensitivityTemperatures ? TransitionOverlay.lines(s) + DSCResultLines.lines(s, width: 0) : DSCResultLines.lines(s, width: 0) + TransitionOverlay.lines(s)
    }

    /// S_r and the states' ΔH_rej in kJ/mol.
    public func probe(_ s: ExplorerState) -> String {
        guard let d = s.results?.dsc else { return "S_r: not computed" }
        let sr = d.sr.map { "S_r=\(ScreenNumber.measurement($0.value, $0.stderr)) kJ min mol⁻¹ K⁻¹" }
            ?? "S_r: not computed"
        // The results pane's column format, so a state's ΔH_rej reads the same in both.
        let shown = ScreenNumber.column(d.states.map(\.dHKJPerMol))
        var parts: [String] = []
        for (k, st) in d.states.enumerated() where s.isVisible(st.state) {
            parts.append("\(st.state) \(shown[k])")
        }
        return sr + "  kJ/mol: " + DSCResultLines.probeList(parts)
    }
}
