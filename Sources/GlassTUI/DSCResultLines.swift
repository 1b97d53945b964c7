import GlassKit

/// The DSC parameters of the results pane (views 1–3), read from `Results`.
enum DSCResultLines {
    static func lines(_ s: ExplorerState, width: Int) -> [ResultLine] {
        guard let r = s.results else {
            return [.heading("ΔH_rej"), ResultLine("status", "not computed")]
        }
        var out: [ResultLine] = []
        out.append(ResultLine("T_s", ScreenNumber.kelvin(r.settings.tsK), unit: "K", flag: s.isProposed(.ts) ? "proposed" : nil))
        out.append(ResultLine("T_e", ScreenNumber.kelvin(r.settings.teK), unit: "K", flag: s.isProposed(.te) ? "proposed" : nil))
        out.append(ResultLine("baseline", r.settings.baseline.description))
        let heating = r.dsc?.heatingRateKPerMin
        out.append(ResultLine("β_h", ScreenNumber.value(heating), unit: "K/min"))
        out.append(.heading("ΔH_rej  J/g   kJ/mol"))
        for (k, st) in r.dscStates.enumerated() {
            let res = r.dsc?.states[k]
            out.append(ResultLine(st.state, ScreenNumber.value(res?.dHJPerG),
                                  unit: ScreenNumber.value(res?.dHKJPerMol)))
        }
        let sr = r.dsc?.sr
        out.append(ResultLine("S_r", ScreenNumber.value(sr?.value), stderr: sr?.stderr.map { ScreenNumber.value($0) },
                              unit: sr.map { "n=\($0.n)" } ?? ""))
        out.append(.heading("  kJ min mol⁻¹ K⁻¹"))
        return out
    }
}
