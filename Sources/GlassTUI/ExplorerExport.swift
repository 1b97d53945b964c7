import GlassKit

/// The explorer's export: exactly `analyze`'s JSON/TSV (SPEC §5, built by `ResultsExport`
/// from the same `Results`) plus an `explorer` part with the bounds and windows used.
public enum ExplorerExport {
    /// T_ref in force (one value for the study).
    static func trefInForce(_ s: ExplorerState) -> Double {
        s.results?.dma.first?.settings.trefK ?? s.dmaOverrides.trefK ?? s.study?.settings.trefK ?? DMAStateSettings.defaultTrefK
    }

    /// Per DMA state, the windows and T_g in force (the state's resolved settings in `Results`;
    /// T_g null when it is estimated).
    static func stateWindows(_ r: Results) -> [(state: String, values: [(String, JSONValue, String)])] {
        func pair(_ w: ClosedRange<Double>) -> JSONValue { .array([.number(w.lowerBound), .number(w.upperBound)]) }
        return r.dma.map { d in
            (d.state, [("beta_window_K", pair(d.settings.betaWindowK), "K"), ("alpha_window_K", pair(d.settings.alphaWindowK), "K"),
                       ("qpd_window_Hz", pair(d.settings.qpdWindowHz), "Hz"), ("tg_K", .num(d.settings.tgK), "K"),
                       ("qpd_window_above_peak_decades", d.settings.qpdWindowAbovePeakDecades.map(pair) ?? .null, "decades")])
        }
    }

    /// What `w` would write now (keys, with the state for per-state ones).
    static func unwritten(_ s: ExplorerState) -> [String] { SettingsWritePlan.assignments(s).map(\.label) }

    /// The JSON document: `analyze`'s keys, then `explorer`.
    public static func json(_ r: Results, state s: ExplorerState) -> String {
        document(r, state: s).rendered(newline: true)
    }

    /// The JSON document as a value.
    static func document(_ r: Results, state s: ExplorerState) -> JSONValue {
        var doc = ResultsExport.json(r)
        let extra: JSONValue = .object([
            // No origin for a bound there is not (a study without DSC runs said "study").
            ("ts_K", .num(r.settings.tsK)), ("ts_origin", r.settings.tsK == nil ? .null : .string(s.tsOrigin.rawValue)),
            ("te_K", .num(r.settings.teK)), ("te_origin", r.settings.teK == nil ? .null : .string(s.teOrigin.rawValue)),
            ("baseline", .string(r.settings.baseline.description)),
            ("tref_K", .number(trefInForce(s))),
            ("states", .array(stateWindows(r).map { st in .object([("state", .string(st.state))] + st.values.map { ($0.0, $0.1) }) })),
            ("not_in_study_toml", .array(unwritten(s).map { .string($0) })),
        ])
        if case .object(var pairs) = doc {
            pairs.append(("explorer", extra))
            doc = .object(pairs)
        }
        return doc
    }

    /// The compared studies (each with its own state) in one pair of files, as `analyze A B C`
    /// writes several studies: JSON `{"glassview_version", "studies": [...]}`, each element the
    /// study's own export; TSV one table whose first column, `study`, names the study of the row.
    public static func comparison(_ studies: [(results: Results, state: ExplorerState)]) -> (json: String, tsv: String) {
        let doc: JSONValue = .object([("glassview_version", .string(GlassKit.version)),
                                      ("studies", .array(studies.map { document($0.results, state: $0.state) }))])
        return (doc.rendered(newline: true), ResultsExport.table(studies.map { ($0.results.study, tsv($0.results, state: $0.state)) }))
    }

    /// The TSV: `analyze`'s rows, then `explorer` rows for the bounds and windows.
    public static func tsv(_ r: Results, state s: ExplorerState) -> String {
        var text = ResultsExport.tsv(r)
        func v(_ x: Double?) -> String { JSONValue.field(x) }
        var rows: [[String]] = [
            ["explorer", "", "ts", v(r.settings.tsK), "", "K"],
            ["explorer", "", "ts_origin", r.settings.tsK == nil ? "" : s.tsOrigin.rawValue, "", ""],
            ["explorer", "", "te", v(r.settings.teK), "", "K"],
            ["explorer", "", "te_origin", r.settings.teK == nil ? "" : s.teOrigin.rawValue, "", ""],
            ["explorer", "", "baseline", r.settings.baseline.description, "", ""],
        ]
        rows.append(["explorer", "", "tref", v(trefInForce(s)), "", "K"])
        for st in stateWindows(r) {
            for (name, value, unit) in st.values {
                let key = name.hasPrefix("qpd_window_above") ? "qpd_window_above_peak"
                    : name.hasSuffix("_window_K") || name.hasSuffix("_window_Hz") ? String(name.prefix { $0 != "_" }) + "_window" : "tg"
                switch value {
                case .array(let a) where a.count == 2:
                    if case .number(let lo) = a[0], case .number(let hi) = a[1] {
                        rows.append(["explorer", st.state, key + "_lo", v(lo), "", unit])
                        rows.append(["explorer", st.state, key + "_hi", v(hi), "", unit])
                    }
                case .number(let x): rows.append(["explorer", st.state, key, v(x), "", unit])
                default: rows.append(["explorer", st.state, key, "", "", unit])
                }
            }
        }
        for row in rows { text += row.joined(separator: "\t") + "\n" }
        return text
    }

    /// The export file names in `directory` for a study named `name`:
    /// `NAME.glassview.json` and `NAME.glassview.tsv`.
    public static func paths(directory: String, studyName: String) -> (json: String, tsv: String) {
        var base = studyName
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { base = String(base[..<dot]) }
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return (dir + "/" + base + ".glassview.json", dir + "/" + base + ".glassview.tsv")
    }
}
