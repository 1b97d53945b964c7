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
        // A value not computed says why under its `—`, as the DMA views do (the W list has it whole).
        out += NotComputedReason.lines("S_r", ScreenNumber.measurement(sr?.value, sr?.stderr), unit: "", isNull: sr == nil) {
            NotComputedReason.find(r.warnings, key: "S_r", prefix: "S_r")
        }
        let perGram = ScreenNumber.column(r.dscStates.indices.map { r.dsc?.states[$0].dHJPerG })
        let perMole = ScreenNumber.column(r.dscStates.indices.map { r.dsc?.states[$0].dHKJPerMol })
        let jw = max(3, perGram.map(\.count).max() ?? 0), kw = max(6, perMole.map(\.count).max() ?? 0)
        out.append(.columnHead("ΔH_rej", "J/g".leftPadded(jw) + "  " + "kJ/mol".leftPadded(kw), rows: r.dscStates.count))
        for (k, st) in r.dscStates.enumerated() {
            var line = ResultLine.named(st.state, perGram[k].leftPadded(jw) + "  " + perMole[k].leftPadded(kw))
            line.dimmed = !s.isVisible(st.state)
            out.append(line)
        }
        out += deltaHReasons(r)
        // S_r fits every cooled state with a ΔH_rej, hidden ones too: say which.
        let used = r.dscStates.indices.filter { r.dscStates[$0].coolingRateKPerMin != nil && r.dsc?.states[$0].dHKJPerMol != nil }
        if sr != nil {
            let hidden = used.filter { !s.isVisible(r.dscStates[$0].state) }.count
            out.append(.heading("S_r over " + used.map { r.dscStates[$0].state }.joined(separator: ", ")
                                + (hidden > 0 ? " (\(hidden) hidden)" : "")))
        }
        out.append(ResultLine("baseline", r.settings.baseline.description))
        out.append(ResultLine("W_cryst", crystalline(s.prepared)))
        let heating = r.heatingRateKPerMin
        out += NotComputedReason.lines("β_h", heating.map { Format.shortNumber($0) } ?? "—", unit: "K/min", isNull: heating == nil) {
            NotComputedReason.find(r.warnings, key: "heated at different rates")
        }
        return out
    }

    /// The notes under the ΔH_rej table (a note inside it would end the table): for each state
    /// whose J/g is not computed, its reason (`cooled-10: ΔH_rej not computed: …`); when kJ/mol is
    /// not computed for any state, its reason once. Nothing when all are computed, or when the
    /// whole table is empty (S_r's note says why then).
    static func deltaHReasons(_ r: Results) -> [ResultLine] {
        guard let d = r.dsc else { return [] }
        var out: [ResultLine] = []
        for (k, st) in r.dscStates.enumerated() where k < d.states.count && !(d.states[k].dHJPerG.isFinite) {
            let paths = Set(st.curves.map(\.path))
            guard let w = r.warnings.first(where: { w in w.contains("ΔH_rej") && paths.contains { w.hasPrefix($0 + ":") } }),
                  let path = paths.first(where: { w.hasPrefix($0 + ":") }) else { continue }
            out.append(NotComputedReason.note(st.state + ": " + NotComputedReason.dropping(path, from: w)))
        }
        if d.states.contains(where: { $0.dHKJPerMol == nil }),
           let why = NotComputedReason.find(r.warnings, key: "no molar mass", prefix: "S_r") {
            out.append(NotComputedReason.note(why, what: "kJ/mol"))
        }
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
