import GlassPlatform
/// The stable export of SPEC §5 in JSON and TSV, both built from `Results`.
public enum ResultsExport {
    /// The JSON document.
    public static func json(_ r: Results) -> JSONValue {
        var dscStates: [JSONValue] = []
        for (k, s) in r.dscStates.enumerated() {
            let res = r.dsc?.states[k]
            dscStates.append(.object([
                ("state", .string(s.state)),
                ("cooling_rate_K_per_min", .num(s.coolingRateKPerMin)),
                ("dH_rej_J_per_g", .num(res?.dHJPerG)),
                ("dH_rej_kJ_per_mol", .num(res?.dHKJPerMol)),
                ("files", .array(s.curves.map { .string($0.path) })),
                ("transitions", TransitionsExport.json(r.transitions.first { $0.state == s.state })),
            ]))
        }
        let sr: JSONValue = r.dsc?.sr.map { s in
            .object([("value", .num(s.value)), ("stderr", .num(s.stderr)), ("n", .number(Double(s.n))),
                     ("unit", .string("kJ min mol^-1 K^-1"))])
        } ?? .null
        let heating = r.heatingRateKPerMin
        let dsc: JSONValue = .object([
            ("ts_K", .num(r.settings.tsK)), ("te_K", .num(r.settings.teK)),
            ("baseline", .string(r.settings.baseline.description)),
            ("heating_rate_K_per_min", .num(heating)),
            ("states", .array(dscStates)),
            ("S_r", sr),
        ])
        return .object([
            ("glassview_version", .string(GlassKit.version)),
            ("study", .string(r.study)),
            ("composition", .str(r.composition)),
            ("molar_mass_g_per_mol", .num(r.molarMassGPerMol)),
            ("warnings", .array(r.warnings.map { .string($0) })),
            ("sources", .array(r.sources.map { s in
                .object([("path", .string(s.path)), ("sha256", .string(s.sha256)), ("kind", .string(s.kind.rawValue)),
                         ("state", .string(s.state))])
            })),
            ("dsc", dsc),
            ("dma", DMAExport.json(r.dma)),
        ])
    }

    /// JSON text with a final newline.
    public static func jsonText(_ r: Results) -> String { json(r).rendered(newline: true) }

    /// The JSON text of one or several studies as UTF-8 bytes, with a final newline (what `analyze`
    /// writes): one study's document, or ``document(_:)`` of several.
    public static func jsonUTF8(_ all: [Results]) -> [UInt8] { document(all).utf8(newline: true) }

    /// TSV: `section state parameter value stderr unit`, one row per parameter, with a header row.
    public static func tsv(_ r: Results) -> String {
        var rows: [[String]] = [["section", "state", "parameter", "value", "stderr", "unit"]]
        func v(_ x: Double?) -> String { JSONValue.field(x) }
        rows.append(["study", "", "glassview_version", GlassKit.version, "", ""])
        rows.append(["study", "", "study", r.study, "", ""])
        rows.append(["study", "", "composition", r.composition ?? "", "", ""])
        rows.append(["study", "", "molar_mass", v(r.molarMassGPerMol), "", "g/mol"])
        rows.append(["dsc", "", "ts", v(r.settings.tsK), "", "K"])
        rows.append(["dsc", "", "te", v(r.settings.teK), "", "K"])
        rows.append(["dsc", "", "baseline", r.settings.baseline.description, "", ""])
        rows.append(["dsc", "", "heating_rate", v(r.heatingRateKPerMin), "", "K/min"])
        for (k, s) in r.dscStates.enumerated() {
            let res = r.dsc?.states[k]
            rows.append(["dsc", s.state, "cooling_rate", v(s.coolingRateKPerMin), "", "K/min"])
            rows.append(["dsc", s.state, "dH_rej", v(res?.dHJPerG), "", "J/g"])
            rows.append(["dsc", s.state, "dH_rej", v(res?.dHKJPerMol), "", "kJ/mol"])
            rows += TransitionsExport.tsvRows(r.transitions.first { $0.state == s.state }, state: s.state)
        }
        let sr = r.dsc?.sr
        rows.append(["dsc", "", "S_r", v(sr?.value), v(sr?.stderr), "kJ min mol^-1 K^-1"])
        rows.append(["dsc", "", "S_r_n", sr.map { String($0.n) } ?? "", "", ""])
        rows += DMAExport.tsvRows(r.dma)
        for s in r.sources { rows.append(["source", s.state, s.path, s.sha256, "", s.kind.rawValue]) }
        for w in r.warnings { rows.append(["warning", "", "", w, "", ""]) }
        return TSVKeys.numberRepeats(rows).map { $0.map(clean).joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }

    /// Several studies in one JSON document: `{"glassview_version": …, "studies": [ … ]}`, each
    /// element the SPEC §5 document of one study, in the order given (one study: its own document).
    static func document(_ all: [Results]) -> JSONValue {
        if all.count == 1 { return json(all[0]) }
        return .object([("glassview_version", .string(GlassKit.version)), ("studies", .array(all.map(json)))])
    }

    /// Several studies in one table: each study's rows with a first column `study` (its name),
    /// one header row. One study gives exactly ``tsv(_:)-swift.type.method``.
    public static func tsv(_ all: [Results]) -> String {
        if all.count == 1 { return tsv(all[0]) }
        return table(all.map { ($0.study, tsv($0)) })
    }

    /// Several studies' TSV texts (each with its header row) as one table: one header row with a
    /// first column `study`, then each study's rows with its name in front.
    public static func table(_ studies: [(study: String, tsv: String)]) -> String {
        var out = "study\tsection\tstate\tparameter\tvalue\tstderr\tunit\n"
        for (study, text) in studies {
            let name = clean(study)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() where !line.isEmpty {
                out += name + "\t" + line + "\n"
            }
        }
        return out
    }

    static func clean(_ s: String) -> String {
        PathBytes.shown(s).replacingLiteral("\t", with: " ").replacingLiteral("\n", with: " ")
    }
}
