/// The master curve as data (SPEC §4.3 last bullet): per point the state, isotherm T, f,
/// log10 a_T, log10 b_T, reduced frequency f·a_T, b_T·E', b_T·E'', tan δ, and the isotherm's
/// dataset (`source`: two isotherms at one temperature are told apart by it); JSON or TSV.
/// Points in each state by reduced frequency; isotherms without a shift are left out.
public enum MasterCurveExport {
    /// The TSV columns, in order: the numbers (``values(_:)``) between `state` and `source`,
    /// which came after them (a column is only ever appended, docs/export.md).
    public static let columns = ["state", "T_K", "f_Hz", "log10_aT", "log10_bT", "f_aT_Hz", "bT_E_storage_MPa", "bT_E_loss_MPa", "tan_delta",
                                 "source"]
    /// The columns that hold numbers.
    static var numberColumns: ArraySlice<String> { columns.dropFirst().dropLast() }

    /// The DMA states of `states` with a master curve, or those named `only` (nil: all).
    public static func select(_ states: [DMAStateResult], only: String?) -> [DMAStateResult] {
        states.filter { $0.master != nil && (only == nil || $0.state == only) }
    }

    static func values(_ p: MasterPoint) -> [Double?] {
        [p.temperatureK, p.frequencyHz, p.log10AT, p.log10BT, p.reducedFrequencyHz, p.storageMPa, p.lossMPa, p.tanDelta]
    }

    /// One row per point, with a header row; an empty cell where a value is not a finite number.
    public static func tsv(_ states: [DMAStateResult]) -> String {
        var lines = [columns.joined(separator: "\t")]
        for s in states {
            let name = ResultsExport.clean(s.state)
            for p in s.master?.points ?? [] {
                lines.append(([name] + values(p).map(JSONValue.field) + [ResultsExport.clean(p.source)]).joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"glassview_version", "study", "states": [{"state", "T_ref_K", "tts_on", "vertical_shift", "points": [...]}]}`,
    /// each point an object with the TSV's column names (a number null where not finite).
    public static func json(_ states: [DMAStateResult], study: String) -> JSONValue {
        .object([
            ("glassview_version", .string(GlassKit.version)),
            ("study", .string(study)),
            ("states", .array(states.map { s in
                .object([
                    ("state", .string(s.state)),
                    ("T_ref_K", .num(s.master?.referenceTemperatureK)),
                    ("tts_on", .string(s.master?.criterion.rawValue ?? s.settings.ttsOn.rawValue)),
                    ("vertical_shift", .string(s.master?.verticalShift.rawValue ?? s.settings.verticalShift.rawValue)),
                    ("points", .array((s.master?.points ?? []).map { p in
                        .object(zip(numberColumns, values(p)).map { ($0, .num($1)) } + [("source", .string(p.source))])
                    })),
                ])
            })),
        ])
    }

    /// JSON text with a final newline.
    public static func jsonText(_ states: [DMAStateResult], study: String) -> String { json(states, study: study).rendered(newline: true) }
}
