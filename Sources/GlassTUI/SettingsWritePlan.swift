import GlassKit

/// What `w` writes into study.toml, and where: every setting in force that study.toml alone
/// would not give (set or proposed in the explorer, or given on the command line), never an
/// untouched default. A DMA value goes to the top level when it is the same for every DMA state
/// and no state has its own entry for that key; otherwise into each changed state's
/// `[states."LABEL"]` table, where it wins (SPEC §2.3). After the write, `analyze` without options
/// reproduces every number on screen.
enum SettingsWritePlan {
    /// The assignments for state `s` (top-level ones first); empty when nothing differs.
    static func assignments(_ s: ExplorerState) -> [TomlAssignment] {
        guard let study = s.study else { return [] }
        let toml = study.settings
        var out: [TomlAssignment] = []
        // DSC: one value for the study.
        if let ts = s.tsK, ts != toml.tsK { out.append(TomlAssignment(key: "ts_K", value: JSONValue.format(ts))) }
        if let te = s.teK, te != toml.teK { out.append(TomlAssignment(key: "te_K", value: JSONValue.format(te))) }
        let tomlBaseline = toml.baseline.flatMap(DSCBaseline.init) ?? .linear
        if s.baseline != tomlBaseline { out.append(TomlAssignment(key: "baseline", value: TomlString.basic(s.baseline.description))) }
        func window(_ w: ClosedRange<Double>) -> String { "[\(JSONValue.format(w.lowerBound)), \(JSONValue.format(w.upperBound))]" }
        var perState: [TomlAssignment] = []
        // SPEC §3.1 windows of each DSC state: set, given on the command line or proposed (the
        // explorer proposes them; `w` makes them the study's).
        if let r = s.results, !r.transitions.isEmpty {
            let labels = r.transitions.map(\.state)
            for kind in TransitionWindowKind.allCases {
                let now = r.transitions.map { $0.windows[kind].map(window) }
                let before = labels.map { (toml.perState[$0]?.transitionWindow(kind) ?? toml.common.transitionWindow(kind)).map(window) }
                let changed = now.indices.filter { now[$0] != nil && now[$0] != before[$0] }
                guard !changed.isEmpty else { continue }
                let anyOwn = labels.contains { toml.perState[$0]?.transitionWindow(kind) != nil }
                if let v = now.first ?? nil, now.allSatisfy({ $0 == v }), !anyOwn {
                    out.append(TomlAssignment(key: kind.key, value: v))
                } else {
                    for k in changed { if let v = now[k] { perState.append(TomlAssignment(state: labels[k], key: kind.key, value: v)) } }
                }
            }
        }
        guard let r = s.results, r.dma.count == s.dma.states.count, !r.dma.isEmpty else { return out + perState }
        // DMA: the value in force per state against study.toml's alone.
        let studyOnly = s.dma.states.map { DMAStateSettings.resolve(state: $0.data, options: AnalysisOptions(), settings: toml) }
        let inForce = r.dma.map { $0.settings }
        if inForce.first?.trefK != studyOnly.first?.trefK, let t = inForce.first?.trefK {
            out.append(TomlAssignment(key: "tref_K", value: JSONValue.format(t)))
        }
        typealias Field = (key: String, get: (DMAStateSettings) -> String?, own: (StateSettings) -> Bool)
        let fields: [Field] = [
            ("beta_window_K", { window($0.betaWindowK) }, { $0.betaWindowK != nil }),
            ("alpha_window_K", { window($0.alphaWindowK) }, { $0.alphaWindowK != nil }),
            ("qpd_window_Hz", { window($0.qpdWindowHz) }, { $0.qpdWindowHz != nil }),
            ("tg_K", { $0.tgK.map(JSONValue.format) }, { $0.tgK != nil }),
            ("qpd_window_above_peak_decades", { $0.qpdWindowAbovePeakDecades.map(window) }, { $0.qpdWindowAbovePeakDecades != nil }),
            ("tts_on", { TomlString.basic($0.ttsOn.rawValue) }, { $0.ttsOn != nil }),
            ("vertical_shift", { TomlString.basic($0.verticalShift.rawValue) }, { $0.verticalShift != nil }),
        ]
        for f in fields {
            let now = inForce.map(f.get), before = studyOnly.map(f.get)
            let changed = now.indices.filter { now[$0] != nil && now[$0] != before[$0] }
            guard !changed.isEmpty else { continue }
            let labels = s.dma.states.map { $0.data.state }
            let anyOwn = labels.contains { toml.perState[$0].map(f.own) ?? false }
            if let v = now.first ?? nil, now.allSatisfy({ $0 == v }), !anyOwn {
                out.append(TomlAssignment(key: f.key, value: v))
            } else {
                for k in changed { if let v = now[k] { perState.append(TomlAssignment(state: labels[k], key: f.key, value: v)) } }
            }
        }
        return out + perState
    }
}
