import GlassPlatform

/// The `dma` part of SPEC §5's export, JSON and TSV, from `DMAStateResult`s.
public enum DMAExport {
    /// `{"states": [...]}` with SPEC §5's keys in its order; the extras listed in README.md follow
    /// the SPEC keys of their object. A value that cannot be computed is null, never NaN.
    public static func json(_ states: [DMAStateResult]) -> JSONValue {
        .object([("states", .array(states.map(state)))])
    }

    static func window(_ w: ClosedRange<Double>) -> JSONValue { .array([.num(w.lowerBound), .num(w.upperBound)]) }

    static func pairs(_ p: [PeakPair]) -> JSONValue {
        .array(p.map { .object([("f_Hz", .num($0.frequencyHz)), ("T_K", .num($0.temperatureK))]) })
    }

    static func state(_ s: DMAStateResult) -> JSONValue {
        let b = s.beta, a = s.alpha, q = s.qpd, sl = s.qpd?.slopes
        let beta: JSONValue = .object([
            ("window_K", window(s.settings.betaWindowK)),
            ("E_eV", .num(b?.energyEV)), ("E_stderr_eV", .num(b?.energyStderrEV)), ("f0_Hz", .num(b?.f0HzIfRepresentable)),
            ("points", pairs(s.betaPairs)),
        ])
        let stderr: JSONValue = .object([
            ("ln_f_alpha", .num(a?.stderr?.lnFAlpha)), ("B_K", .num(a?.stderr?.bK)), ("T0_K", .num(a?.stderr?.t0K)),
        ])
        let alpha: JSONValue = .object([
            ("window_K", window(s.settings.alphaWindowK)),
            ("f_alpha_Hz", .num(a?.fAlphaHz)), ("B_K", .num(a?.bK)), ("T0_K", .num(a?.t0K)),
            ("stderr", stderr), ("points", pairs(s.alphaPairs)),
            ("fragility_m", .num(s.fragility)), ("fragility_Tg_K", .num(s.fragilityTgK)),
            // After the keys it came after in time (export.md: new keys follow the existing ones).
            ("ln_f_alpha", .num(a?.lnFAlpha)),
        ])
        let qpd: JSONValue = .object([
            ("window_Hz", window(s.settings.qpdWindowHz)),
            ("points", .array(chiPoints(q))),
            ("U_eV", .num(q?.uEV)), ("lambda", .num(q?.lambda)),
            ("Tg_K", .num(sl?.tgK)), ("Tg_source", .str(sl?.tgSource.rawValue)),
            ("a1_per_K", .num(sl?.a1PerK)), ("a2_per_K", .num(sl?.a2PerK)),
            ("U_stderr_eV", .num(q?.uStderrEV)), ("a1_stderr_per_K", .num(sl?.a1StderrPerK)), ("a2_stderr_per_K", .num(sl?.a2StderrPerK)),
            ("lambda_stderr", .num(q?.lambdaStderr)),
            ("window_above_peak_decades", s.settings.qpdWindowAbovePeakDecades.map(window) ?? .null),
        ])
        let m = s.master
        let master: JSONValue = .object([
            ("T_ref_K", .num(m?.referenceTemperatureK)),
            ("shifts", .array((m?.shifts ?? []).map {
                .object([("T_K", .num($0.temperatureK)), ("log10_aT", .num($0.log10AT)), ("log10_bT", .num($0.log10BT)),
                         ("source", .string($0.source))])
            })),
            ("aT_arrhenius_E_eV", .num(m?.arrhenius?.energyEV)),
            ("aT_vft", .object([("B_K", .num(m?.vft?.bK)), ("T0_K", .num(m?.vft?.t0K)),
                                ("B_stderr_K", .num(m?.vft?.stderr?.bK)), ("T0_stderr_K", .num(m?.vft?.stderr?.t0K))])),
            ("tts_on", .string(m?.criterion.rawValue ?? s.settings.ttsOn.rawValue)),
            ("vertical_shift", .string(m?.verticalShift.rawValue ?? s.settings.verticalShift.rawValue)),
            ("aT_wlf", .object([("C1", .num(m?.wlf?.c1)), ("C2_K", .num(m?.wlf?.c2K)),
                                ("C1_stderr", .num(m?.wlf?.c1Stderr)), ("C2_stderr_K", .num(m?.wlf?.c2StderrK))])),
            ("aT_arrhenius_E_stderr_eV", .num(m?.arrhenius?.energyStderrEV)),
        ])
        return .object([
            ("state", .string(s.state)), ("E_u_MPa", .num(s.unrelaxedModulusMPa)),
            ("beta", beta), ("alpha", alpha), ("T_c_K", .num(s.tcK)), ("qpd", qpd), ("master", master),
            ("cooling_rate_K_per_min", .num(s.coolingRateKPerMin)),
            ("diagnostics", .array(s.diagnostics.map(diagnostic))),
        ])
    }

    /// The χ points (SPEC §5 `T_K`, `chi`, `stderr`) with `window` (`fixed`|`above-peak`, SPEC
    /// §4.2) and `diagnostics` (the kinds that concern the point); isotherms whose above-peak
    /// window holds < 3 points appear with `chi` and `stderr` null. By temperature.
    static func chiPoints(_ q: QPDResult?) -> [JSONValue] {
        guard let q else { return [] }
        var rows: [(t: Double, v: JSONValue)] = q.points.map { p in
            (p.temperatureK, .object([("T_K", .num(p.temperatureK)), ("chi", .num(p.chi)), ("stderr", .num(p.chiStderr)),
                                      ("window", .string(p.window.rawValue)),
                                      ("diagnostics", .array(p.diagnostics.map { .string($0.rawValue) })), ("source", .string(p.source))]))
        }
        for n in q.nullAbovePeak {
            rows.append((n.temperatureK, .object([("T_K", .num(n.temperatureK)), ("chi", .null), ("stderr", .null),
                                                  ("window", .string(QPDWindowKind.abovePeak.rawValue)), ("diagnostics", .array([])),
                                                  ("source", .string(n.source))])))
        }
        // Stable by temperature: the points are already in isotherm order.
        return rows.enumerated().sorted { $0.element.t != $1.element.t ? $0.element.t < $1.element.t : $0.offset < $1.offset }.map { $0.element.v }
    }

    /// One diagnostic: `kind`, `family`, `isotherms_K`, `curves`, `message` (docs/diagnostics.md).
    static func diagnostic(_ d: DMADiagnostic) -> JSONValue {
        .object([("kind", .string(d.kind.rawValue)), ("family", .string(d.family.rawValue)),
                 ("isotherms_K", .array(d.isothermsK.map { .num($0) })), ("curves", .array(d.curves.map { .string($0) })),
                 ("message", .string(d.message))])
    }

    /// TSV rows `section state parameter value stderr unit` (SPEC §5), one per parameter; peak
    /// pairs, χ points and shifts one row each with the abscissa in the parameter name, written
    /// by ``TSVKeys/numbers(_:_:)`` (the value of the row stays at full precision).
    public static func tsvRows(_ states: [DMAStateResult]) -> [[String]] {
        func v(_ x: Double?) -> String { JSONValue.field(x) }
        var rows: [[String]] = []
        for s in states {
            let n = s.state
            func row(_ p: String, _ value: Double?, _ se: Double? = nil, _ unit: String) { rows.append(["dma", n, p, v(value), v(se), unit]) }
            // The state's isotherm temperatures and peak frequencies in keys, each in one text
            // for all its rows (``TSVKeys/numbers(_:_:)``).
            let kelvin = TSVKeys.numbers((s.qpd?.points ?? []).map(\.temperatureK) + (s.qpd?.nullAbovePeak ?? []).map(\.temperatureK)
                                         + (s.master?.shifts ?? []).map(\.temperatureK), .temperatureK)
            let hertz = TSVKeys.numbers((s.betaPairs + s.alphaPairs).map(\.frequencyHz), .frequencyHz)
            row("cooling_rate", s.coolingRateKPerMin, nil, "K/min")
            row("E_u", s.unrelaxedModulusMPa, nil, "MPa")
            row("beta_window_lo", s.settings.betaWindowK.lowerBound, nil, "K")
            row("beta_window_hi", s.settings.betaWindowK.upperBound, nil, "K")
            row("E_beta", s.beta?.energyEV, s.beta?.energyStderrEV, "eV")
            row("f0_beta", s.beta?.f0HzIfRepresentable, nil, "Hz")
            for p in s.betaPairs { row("beta_peak_T@\(hertz(p.frequencyHz))Hz", p.temperatureK, nil, "K") }
            row("alpha_window_lo", s.settings.alphaWindowK.lowerBound, nil, "K")
            row("alpha_window_hi", s.settings.alphaWindowK.upperBound, nil, "K")
            row("ln_f_alpha", s.alpha?.lnFAlpha, s.alpha?.stderr?.lnFAlpha, "ln Hz")
            row("f_alpha", s.alpha?.fAlphaHz, nil, "Hz")
            row("B", s.alpha?.bK, s.alpha?.stderr?.bK, "K")
            row("T0", s.alpha?.t0K, s.alpha?.stderr?.t0K, "K")
            for p in s.alphaPairs { row("alpha_peak_T@\(hertz(p.frequencyHz))Hz", p.temperatureK, nil, "K") }
            row("fragility_m", s.fragility, nil, "")
            row("fragility_Tg", s.fragilityTgK, nil, "K")
            row("T_c", s.tcK, nil, "K")
            row("qpd_window_lo", s.settings.qpdWindowHz.lowerBound, nil, "Hz")
            row("qpd_window_hi", s.settings.qpdWindowHz.upperBound, nil, "Hz")
            for p in s.qpd?.points ?? [] { row("chi@\(kelvin(p.temperatureK))K", p.chi, p.chiStderr, "") }
            for n in s.qpd?.nullAbovePeak ?? [] { row("chi@\(kelvin(n.temperatureK))K", nil, nil, "") }
            row("U_beta", s.qpd?.uEV, s.qpd?.uStderrEV, "eV")
            row("lambda", s.qpd?.lambda, s.qpd?.lambdaStderr, "")
            row("Tg", s.qpd?.slopes?.tgK, nil, "K")
            rows.append(["dma", n, "Tg_source", s.qpd?.slopes?.tgSource.rawValue ?? "", "", ""])
            row("a1", s.qpd?.slopes?.a1PerK, s.qpd?.slopes?.a1StderrPerK, "1/K")
            row("a2", s.qpd?.slopes?.a2PerK, s.qpd?.slopes?.a2StderrPerK, "1/K")
            row("T_ref", s.master?.referenceTemperatureK, nil, "K")
            for sh in s.master?.shifts ?? [] { row("log10_aT@\(kelvin(sh.temperatureK))K", sh.log10AT, nil, "") }
            row("aT_arrhenius_E", s.master?.arrhenius?.energyEV, s.master?.arrhenius?.energyStderrEV, "eV")
            row("aT_vft_B", s.master?.vft?.bK, s.master?.vft?.stderr?.bK, "K")
            row("aT_vft_T0", s.master?.vft?.t0K, s.master?.vft?.stderr?.t0K, "K")
            // Additions (docs/diagnostics.md): the window of each χ point, then one row per diagnostic.
            if let w = s.settings.qpdWindowAbovePeakDecades {
                row("qpd_window_above_peak_lo", w.lowerBound, nil, "decades")
                row("qpd_window_above_peak_hi", w.upperBound, nil, "decades")
            }
            // In temperature order, χ points before null ones at one temperature, as the `chi@` rows
            // are numbered (`chi_source@460K#2` names the file of `chi@460K#2`).
            var windows: [(t: Double, kind: String, source: String)] = (s.qpd?.points ?? []).map { ($0.temperatureK, $0.window.rawValue, $0.source) }
            windows += (s.qpd?.nullAbovePeak ?? []).map { ($0.temperatureK, QPDWindowKind.abovePeak.rawValue, $0.source) }
            let ordered = windows.enumerated().sorted(by: { $0.element.t != $1.element.t ? $0.element.t < $1.element.t : $0.offset < $1.offset }).map(\.element)
            for w in ordered { rows.append(["dma", n, "chi_window@\(kelvin(w.t))K", w.kind, "", ""]) }
            for w in ordered { rows.append(["dma", n, "chi_source@\(kelvin(w.t))K", w.source, "", ""]) }
            for d in s.diagnostics {
                let subjects = d.isothermsK.isEmpty ? d.curves.joined(separator: "; ") : d.isothermsK.map { JSONValue.format($0) }.joined(separator: ", ")
                rows.append(["dma", n, "diagnostic:\(d.family.rawValue):\(d.kind.rawValue)", subjects, "", d.isothermsK.isEmpty ? "" : "K"])
            }
            rows.append(["dma", n, "tts_on", s.master?.criterion.rawValue ?? s.settings.ttsOn.rawValue, "", ""])
            rows.append(["dma", n, "vertical_shift", s.master?.verticalShift.rawValue ?? s.settings.verticalShift.rawValue, "", ""])
            for sh in s.master?.shifts ?? [] { row("log10_bT@\(kelvin(sh.temperatureK))K", sh.log10BT, nil, "") }
            row("aT_wlf_C1", s.master?.wlf?.c1, s.master?.wlf?.c1Stderr, "")
            row("aT_wlf_C2", s.master?.wlf?.c2K, s.master?.wlf?.c2StderrK, "K")
            // The isotherm (dataset) of each shift, in the shifts' order: `shift_source@460K#2`
            // names the file of `log10_aT@460K#2` and `log10_bT@460K#2`.
            for sh in s.master?.shifts ?? [] { rows.append(["dma", n, "shift_source@\(kelvin(sh.temperatureK))K", sh.source, "", ""]) }
        }
        return rows
    }
}
