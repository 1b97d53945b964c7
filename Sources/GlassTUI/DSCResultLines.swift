import GlassPlatform
import GlassKit
import GlassPlot

/// The DSC parameters of the results pane (views 1–3), read from `Results`: the bounds, S_r as
/// value ± stderr, ΔH_rej per state (one format per column, J/g and kJ/mol, units in the column
/// head), then the states S_r fits and the other settings. The bounds and what they give come
/// first: a short pane (80×24) cuts from the end, and it cut every ΔH_rej when the baseline, the
/// crystalline run and the heating rate came before them.
enum DSCResultLines {
    /// Views 1 and 2 with every state hidden.
    static let everyStateHidden = "every state is hidden: space shows the selected state"

    /// The probe line's per-state values (views 1–3), or what stands for none: with every state
    /// hidden it ended in a bare colon.
    static func probeList(_ parts: [String]) -> String {
        parts.isEmpty ? "(no visible state)" : parts.joined(separator: "  ")
    }

    static func lines(_ s: ExplorerState, width: Int) -> [ResultLine] {
        guard let r = s.results else {
            return [.heading("ΔH_rej"), ResultLine("status", "not computed")]
        }
        var out: [ResultLine] = []
        out.append(ResultLine("T_s", ScreenNumber.kelvin(r.settings.tsK), unit: "K", flag: s.isProposed(.ts) ? "proposed" : nil))
        out.append(ResultLine("T_e", ScreenNumber.kelvin(r.settings.teK), unit: "K", flag: s.isProposed(.te) ? "proposed" : nil))
        let sr = r.dsc?.sr
        out.append(.heading("S_r", unit: "(kJ min mol⁻¹ K⁻¹)" + (sr.map { ", n=\($0.n)" } ?? "")))
        out.append(ResultLine("S_r", ScreenNumber.measurement(sr?.value, sr?.stderr)))
        let perGram = ScreenNumber.column(r.dscStates.indices.map { r.dsc?.states[$0].dHJPerG })
        let perMole = ScreenNumber.column(r.dscStates.indices.map { r.dsc?.states[$0].dHKJPerMol })
        let jw = max(3, perGram.map(\.count).max() ?? 0), kw = max(6, perMole.map(\.count).max() ?? 0)
        out.append(.columnHead("ΔH_rej", "J/g".leftPadded(jw) + "  " + "kJ/mol".leftPadded(kw), rows: r.dscStates.count))
        for (k, st) in r.dscStates.enumerated() {
            var line = ResultLine(st.state, perGram[k].leftPadded(jw) + "  " + perMole[k].leftPadded(kw))
            line.dimmed = !s.isVisible(st.state)
            out.append(line)
        }
        // S_r fits every cooled state with a ΔH_rej, hidden ones too: say which.
        let used = r.dscStates.indices.filter { r.dscStates[$0].coolingRateKPerMin != nil && r.dsc?.states[$0].dHKJPerMol != nil }
        if sr != nil {
            let hidden = used.filter { !s.isVisible(r.dscStates[$0].state) }.count
            out.append(.heading("S_r over " + used.map { r.dscStates[$0].state }.joined(separator: ", ")
                                + (hidden > 0 ? " (\(hidden) hidden)" : "")))
        }
        out.append(ResultLine("baseline", r.settings.baseline.description))
        out.append(ResultLine("W_cryst", crystalline(s.prepared)))
        let heating = r.dsc?.heatingRateKPerMin
        out.append(ResultLine("β_h", heating.map { Format.shortNumber($0) } ?? "—", unit: "K/min"))
        return out
    }

    /// The crystalline run(s) subtracted from the sample runs: a file name, "N runs", or
    /// "none" when W is not a difference.
    static func crystalline(_ p: DSCPrepared) -> String {
        let paths = Set(p.states.flatMap { $0.curves.compactMap(\.crystallinePath) })
        switch paths.count {
        case 0: return "none"
        case 1: return paths.first.map(PathName.lastComponent) ?? "none"
        default: return "\(paths.count) runs"
        }
    }
}
