import Foundation

/// How numbers from `Results` are shown on screen (the files hold them in full).
public enum ScreenNumber {
    /// Four significant digits (`0.1235`, `12.35`, `1.235e-05`); "—" for nil or non-finite.
    public static func value(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "—" }
        if v == 0 { return "0" }
        return String(format: "%.4g", v)
    }

    /// A temperature with two decimals (`420.00`); "—" for nil.
    public static func kelvin(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "—" }
        return String(format: "%.2f", v)
    }
}
