import GlassPlatform
import GlassKit

/// How numbers from `Results` are shown on screen (the files hold them in full). The digits
/// come from GlassKit's `NumberFormat`/`Uncertainty`, which `analyze --format table` uses too.
public enum ScreenNumber {
    /// What stands for a value not computed or not set.
    public static let missing = "—"

    /// `shown` and its unit, one space apart; a missing value (`—`) alone: `— K` read as a
    /// value in kelvin. Every value + unit on screen goes through here (the results pane's
    /// unit column too, ``unit(_:after:)``).
    public static func withUnit(_ shown: String, _ unit: String) -> String {
        let u = self.unit(unit, after: shown)
        return u.isEmpty ? shown : shown + " " + u
    }

    /// The unit to show after `shown`: none after a missing value.
    public static func unit(_ unit: String, after shown: String) -> String {
        shown == missing ? "" : unit
    }

    /// Four significant digits, plain for magnitudes in [0.01, 10⁴) (`0.1235`, `12.35`,
    /// `420.0`), a factor outside (`1.235×10⁻⁵`); "—" for nil or non-finite.
    public static func value(_ v: Double?) -> String { Uncertainty.format(v, nil) }

    /// Value ± standard error, the error to 2 significant digits and the value to the same
    /// place (`0.8720 ± 0.0045`, `(1.762 ± 0.054)×10⁻³`); 4 significant digits without one.
    public static func measurement(_ v: Double?, _ se: Double?) -> String { Uncertainty.format(v, se) }

    /// One format for a column of values: 4 significant digits of the largest, the others to
    /// the same decimal place (`2.120` over `2.755`).
    public static func column(_ values: [Double?]) -> [String] {
        let f = NumberFormat.significant(4, of: values)
        return values.map { v in v.map { f.string($0) } ?? "—" }
    }

    /// A setting as typed or stepped (a window edge in Hz): up to 4 significant digits, trailing
    /// zeros dropped (`0.01`, `0.7943`), a factor only outside [0.01, 10⁴).
    public static func setting(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "—" }
        guard v == 0 || NumberFormat.plainMagnitudes.contains(abs(v)) else { return value(v) }
        return CFormat.printf("%.4g", v)
    }

    /// A temperature with two decimals (`420.00`); "—" for nil. A number no temperature of a
    /// glass reaches (|T| ≥ 10⁶ K, typed at `=`: 1e300) in four significant digits with its power
    /// of ten, not three hundred digits.
    public static func kelvin(_ v: Double?) -> String { kelvin(v, decimals: 2) }

    /// ``kelvin(_:)`` with `decimals` decimals.
    public static func kelvin(_ v: Double?, decimals: Int) -> String {
        guard let v, v.isFinite else { return "—" }
        guard abs(v) < 1e6 else { return value(v) }
        return CFormat.printf("%.\(decimals)f", v)
    }
}
