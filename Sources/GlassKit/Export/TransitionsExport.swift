/// The `transitions` object of each DSC state (method reference §5, Additions) and its TSV rows.
public enum TransitionsExport {
    /// JSON keys of a window in order.
    static func window(_ w: ClosedRange<Double>?) -> JSONValue {
        guard let w else { return .null }
        return .array([.num(w.lowerBound), .num(w.upperBound)])
    }

    /// The `transitions` object (nulls where not computed).
    public static func json(_ t: DSCStateTransitions?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("glass_line_K", window(t?.windows.glassLineK)),
            ("liquid_line_K", window(t?.windows.liquidLineK)),
            ("crystallization_window_K", window(t?.windows.crystallizationK)),
            ("windows_origin", t.map { .string($0.origin.rawValue) } ?? .null),
        ]
        for (key, value) in (t?.values ?? TransitionValues()).fields { pairs.append((key, .num(value))) }
        return .object(pairs)
    }

    /// TSV rows `dsc STATE KEY VALUE · UNIT`; parameter names are the JSON keys, a window's value is `LO:HI`.
    public static func tsvRows(_ t: DSCStateTransitions?, state: String) -> [[String]] {
        func v(_ x: Double?) -> String { JSONValue.field(x) }
        func w(_ r: ClosedRange<Double>?) -> String { r.map { v($0.lowerBound) + ":" + v($0.upperBound) } ?? "" }
        var rows: [[String]] = [
            ["dsc", state, "glass_line_K", w(t?.windows.glassLineK), "", "K"],
            ["dsc", state, "liquid_line_K", w(t?.windows.liquidLineK), "", "K"],
            ["dsc", state, "crystallization_window_K", w(t?.windows.crystallizationK), "", "K"],
            ["dsc", state, "windows_origin", t?.origin.rawValue ?? "", "", ""],
        ]
        for (key, value) in (t?.values ?? TransitionValues()).fields {
            rows.append(["dsc", state, key, v(value), "", unit(key)])
        }
        return rows
    }

    static func unit(_ key: String) -> String {
        switch key {
        case "delta_cp_J_per_gK": return "J/(g K)"
        case "dH_x_J_per_g": return "J/g"
        default: return "K"
        }
    }
}
