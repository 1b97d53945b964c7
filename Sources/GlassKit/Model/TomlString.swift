/// A string as TOML text (docs/study-toml.md, "How w writes"): what the study.toml editor writes
/// for a key or a string value, so that the file reads back to the same text whatever it holds.
public enum TomlString {
    /// `s` as a basic string: between `"`, with `\`, `"` and control characters escaped.
    public static func basic(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where c.value < 0x20 || c.value == 0x7F:
                let hex = String(c.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// `s` as a literal string (`'…'`, nothing escaped), when it can be one: without `'` and
    /// control characters other than tab; else nil.
    public static func literal(_ s: String) -> String? {
        let fits = s.unicodeScalars.allSatisfy { $0 != "'" && ($0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F)) }
        return fits ? "'" + s + "'" : nil
    }
}
