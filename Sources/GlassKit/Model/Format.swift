import GlassPlatform

/// Number formatting shared by labels, messages and exports.
public enum Format {
    /// `10` for 10.0, `2.5` for 2.5, up to 6 significant digits.
    public static func shortNumber(_ v: Double) -> String { short(v, digits: 6) }

    /// `v` as an integer when it is one, else in `digits` significant digits.
    private static func short(_ v: Double, digits: Int) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return CFormat.printf("%.\(digits)g", v)
    }

    /// `values` as ``shortNumber(_:)`` writes them, with more significant digits (up to 17) where
    /// two different values would otherwise read the same: a message that compares a bound with
    /// the data's end (`600.0001` against `600`) must not print `600` twice.
    public static func shortNumbers(_ values: [Double]) -> [String] {
        var digits = 6
        while true {
            let out = values.map { short($0, digits: digits) }
            let clash = values.indices.contains { i in values.indices.contains { j in values[i] != values[j] && out[i] == out[j] } }
            if !clash || digits >= 17 { return out }
            digits += 1
        }
    }
}
