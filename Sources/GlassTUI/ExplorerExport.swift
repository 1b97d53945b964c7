import GlassKit

/// The explorer's export: exactly `analyze`'s JSON/TSV (SPEC §5, built by `ResultsExport`
/// from the same `Results`) plus an `explorer` part with the bounds and windows used.
public enum ExplorerExport {
    /// The DMA settings in force for every state: those set in the explorer, else study.toml's
    /// top level, else the SPEC §2.3 defaults (T_g nil: per state from the files or estimated).
    static func dmaInForce(_ s: ExplorerState) -> (beta: ClosedRange<Double>, alpha: ClosedRange<Double>, qpd: ClosedRange<Double>, tg: Double?, tref: Double) {
        let c = s.study?.settings.common ?? StateSettings()
        let o = s.dmaOverrides
        return (o.betaWindowK ?? c.betaWindowK ?? DMAStateSettings.defaultBetaWindowK,
                o.alphaWindowK ?? c.alphaWindowK ?? DMAStateSettings.defaultAlphaWindowK,
                o.qpdWindowHz ?? c.qpdWindowHz ?? DMAStateSettings.defaultQPDWindowHz,
                o.tgK ?? c.tgK,
                o.trefK ?? s.study?.settings.trefK ?? DMAStateSettings.defaultTrefK)
    }

    /// The windows in force (see ``dmaInForce(_:)``).
    static func windows(_ s: ExplorerState) -> [(String, JSONValue, String)] {
        let d = dmaInForce(s)
        return [
            ("beta_window_K", .array([.number(d.beta.lowerBound), .number(d.beta.upperBound)]), "K"),
            ("alpha_window_K", .array([.number(d.alpha.lowerBound), .number(d.alpha.upperBound)]), "K"),
            ("qpd_window_Hz", .array([.number(d.qpd.lowerBound), .number(d.qpd.upperBound)]), "Hz"),
            ("tref_K", .number(d.tref), "K"),
            ("tg_K", .num(d.tg), "K"),
        ]
    }

    /// The JSON document: `analyze`'s keys, then `explorer`.
    public static func json(_ r: Results, state s: ExplorerState) -> String {
        var doc = ResultsExport.json(r)
        let extra: JSONValue = .object([
            ("ts_K", .num(r.settings.tsK)), ("ts_origin", .string(s.tsOrigin.rawValue)),
            ("te_K", .num(r.settings.teK)), ("te_origin", .string(s.teOrigin.rawValue)),
            ("baseline", .string(r.settings.baseline.description)),
        ] + windows(s).map { ($0.0, $0.1) })
        if case .object(var pairs) = doc {
            pairs.append(("explorer", extra))
            doc = .object(pairs)
        }
        return doc.rendered() + "\n"
    }

    /// The TSV: `analyze`'s rows, then `explorer` rows for the bounds and windows.
    public static func tsv(_ r: Results, state s: ExplorerState) -> String {
        var text = ResultsExport.tsv(r)
        func v(_ x: Double?) -> String { x.map(JSONValue.format) ?? "" }
        var rows: [[String]] = [
            ["explorer", "", "ts", v(r.settings.tsK), "", "K"],
            ["explorer", "", "ts_origin", s.tsOrigin.rawValue, "", ""],
            ["explorer", "", "te", v(r.settings.teK), "", "K"],
            ["explorer", "", "te_origin", s.teOrigin.rawValue, "", ""],
            ["explorer", "", "baseline", r.settings.baseline.description, "", ""],
        ]
        for (name, value, unit) in windows(s) {
            let key = String(name.prefix { $0 != "_" }) + (name.contains("window") ? "_window" : "")
            switch value {
            case .array(let a) where a.count == 2:
                if case .number(let lo) = a[0], case .number(let hi) = a[1] {
                    rows.append(["explorer", "", key + "_low", v(lo), "", unit])
                    rows.append(["explorer", "", key + "_high", v(hi), "", unit])
                }
            case .number(let x): rows.append(["explorer", "", key, v(x), "", unit])
            default: rows.append(["explorer", "", key, "", "", unit])
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
