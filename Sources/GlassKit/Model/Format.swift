import GlassPlatform

/// Number formatting shared by labels, messages and exports.
public enum Format {
    /// `10` for 10.0, `2.5` for 2.5, up to 6 significant digits.
    public static func shortNumber(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return CFormat.printf("%.6g", v)
    }
}
