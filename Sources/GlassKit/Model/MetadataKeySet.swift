extension MetadataKeys {
    /// The metadata keys a data file's header or a study.toml `[files."…"]` table may give, after
    /// `normalise` (SPEC §2.1 native header keys, plus `tg` (also written `tg_K`), `e_u`,
    /// `modulus`, and the per-file selectors `segment` and `run`). study.toml refuses any other
    /// per-file key (SPEC §2.4).
    public static let known: Set<String> = [
        "kind", "state", "cooling_rate", "role", "heating_rate", "composition", "mass", "sign",
        "frequency", "temperature", "tg", "molar_mass", "e_u", "modulus", "segment", "run", "decimal", "sample_name",
    ]

    /// What a `decimal` value states (a native `# decimal: comma`, study.toml `decimal = "point"`):
    /// true for a decimal comma, false for a point, nil for anything else. NETZSCH's words (`COMMA`,
    /// `POINT`) and the marks themselves are read (docs/reading-rules.md, "One decimal mark").
    public static func decimalComma(_ value: String) -> Bool? {
        switch value.trimmingWhitespace.lowercased() {
        case "comma", ",", "decimal comma": return true
        case "point", ".", "dot", "period", "decimal point": return false
        default: return nil
        }
    }

    /// What a `decimal` value may say, for messages.
    public static let decimalWords = "'point' or 'comma'"

    /// Largest segment or run number accepted (from a data column or study.toml): 2³¹ − 1, far
    /// beyond any instrument program and safely inside `Int` on every platform.
    public static let largestIndex = 2_147_483_647.0

    /// `value` as a whole number in `lowest...largestIndex`, or nil (NaN, infinite, fractional,
    /// out of range): the checked Double → Int conversion for indices read from input.
    public static func index(_ value: Double, lowest: Int) -> Int? {
        guard value.isFinite, value == value.rounded(), value >= Double(lowest), value <= largestIndex else { return nil }
        return Int(value)
    }
}
