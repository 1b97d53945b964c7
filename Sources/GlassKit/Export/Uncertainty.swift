import GlassPlatform

/// A fixed number format for one quantity, as a person reads a table: a number of decimals and
/// an optional power-of-ten factor taken out (`×10⁻³`). Pure; the explorer's results pane and
/// `analyze --format table` both format through it, so they show the same digits.
///
/// Plain decimals are used for magnitudes in [0.01, 10⁴) (no e-notation for ordinary numbers);
/// outside that range the mantissa is brought to [1, 10) and the factor written after it.
public struct NumberFormat: Equatable, Sendable {
    /// Digits after the decimal point of the mantissa; negative rounds to tens, hundreds, …
    /// (shown without a decimal point).
    public var decimals: Int
    /// The power of ten taken out as a factor (0: none).
    public var exponent: Int

    /// Makes a format.
    public init(decimals: Int, exponent: Int = 0) {
        self.decimals = decimals
        self.exponent = exponent
    }

    /// Magnitudes shown without a factor.
    public static let plainMagnitudes: Range<Double> = 0.01..<1e4

    /// The factor's power of ten for a number of magnitude `m`: 0 inside ``plainMagnitudes``
    /// (and for 0 or a non-finite `m`), else ⌊log10 m⌋.
    public static func exponent(forMagnitude m: Double) -> Int {
        guard m.isFinite, m > 0, !plainMagnitudes.contains(m) else { return 0 }
        return decade(m)
    }

    /// ⌊log10 m⌋ for finite m > 0, corrected where log10 rounds across a power of ten.
    static func decade(_ m: Double) -> Int {
        var e = Int(log10(m).rounded(.down))
        if scaled(1, e + 1) <= m { e += 1 }
        if scaled(1, e) > m { e -= 1 }
        return e
    }

    /// `v` × 10^`e`, dividing for negative `e` (so that 1.762e-3 / 10⁻³ is 1.762, not 1.7619999…).
    static func scaled(_ v: Double, _ e: Int) -> Double {
        e >= 0 ? v * pow(10, Double(e)) : v / pow(10, Double(-e))
    }

    /// `significant` digits for the largest finite magnitude among `values`, the others to the
    /// same decimal place (one format for a column). Zero or no finite value gives
    /// `significant − 1` decimals.
    public static func significant(_ significant: Int, of values: [Double?]) -> NumberFormat {
        let n = max(1, significant)
        let m = values.compactMap { $0 }.filter(\.isFinite).map(abs).max() ?? 0
        guard m > 0 else { return NumberFormat(decimals: n - 1) }
        var e = exponent(forMagnitude: m)
        var d = decade(scaled(m, -e))
        var decimals = n - 1 - d
        // Rounding may carry into the next decade (9.99995 → 10.000): one decimal fewer then,
        // or with a factor the next power of ten.
        if let shown = Double(digits(scaled(m, -e), decimals: decimals)), abs(shown) >= scaled(1, d + 1) {
            if e != 0 {
                e += 1
                d = 0
                decimals = n - 1
            } else {
                decimals -= 1
            }
        }
        return NumberFormat(decimals: decimals, exponent: e)
    }

    /// The format of `value` ± `stderr`: the standard error rounded to 2 significant digits and
    /// the value to the same decimal place, the factor chosen by the larger of |value| and
    /// stderr. `nil` when `stderr` is not a finite positive number.
    public static func measurement(value: Double, stderr: Double) -> NumberFormat? {
        guard stderr.isFinite, stderr > 0, value.isFinite else { return nil }
        let e = exponent(forMagnitude: max(abs(value), stderr))
        let se = scaled(stderr, -e)
        var decimals = 1 - decade(se)
        // 0.0996 is 0.10 to 2 significant digits, not 0.100.
        if let shown = Double(digits(se, decimals: decimals)), shown >= scaled(1, 2 - decimals) { decimals -= 1 }
        return NumberFormat(decimals: decimals, exponent: e)
    }

    /// The rounded mantissa of `v` (`v` / 10^exponent), e.g. `1.762`, `-0.0285`, `450`.
    public func digits(_ v: Double) -> String {
        NumberFormat.digits(NumberFormat.scaled(v, -exponent), decimals: decimals)
    }

    static func digits(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return "—" }
        var text: String
        if decimals >= 0 {
            text = CFormat.printf("%.\(decimals)f", v)
        } else {
            let step = scaled(1, -decimals)
            text = CFormat.printf("%.0f", (v / step).rounded() * step)
        }
        // No "-0.00": a value that rounds to zero has no sign.
        if text.hasPrefix("-"), !text.contains(where: { ("1"..."9").contains($0) }) { text.removeFirst() }
        return text
    }

    /// The factor, e.g. `×10⁻³`, or "" when ``exponent`` is 0.
    public var factor: String {
        exponent == 0 ? "" : "×10" + NumberFormat.superscript(exponent)
    }

    /// `v` in this format, e.g. `0.3753`, `1.762×10⁻³`; "—" when not finite.
    public func string(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        return digits(v) + factor
    }

    /// `v ± se` in this format, e.g. `0.0995 ± 0.0045`, `(1.762 ± 0.054)×10⁻³`.
    public func string(_ v: Double, _ se: Double) -> String {
        guard v.isFinite else { return "—" }
        guard se.isFinite else { return string(v) }
        let body = digits(v) + " ± " + digits(se)
        return exponent == 0 ? body : "(" + body + ")" + factor
    }

    /// An integer in superscript digits, e.g. `⁻³`, `⁴`.
    public static func superscript(_ n: Int) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                           "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(n).map { map[$0] ?? $0 })
    }
}

/// Value ± uncertainty for people (issue 13): the uncertainty to 2 significant digits, the value
/// to the same decimal place; a value without (or with a zero) uncertainty to 4 significant
/// digits.
public enum Uncertainty {
    /// `0.8720 ± 0.0045 eV`, `(1.762 ± 0.054)×10⁻³ K⁻¹`, `0.3753 J/g`; "—" when `value` is
    /// nil or not finite. `unit` follows after a space when not empty.
    public static func format(_ value: Double?, _ stderr: Double?, unit: String = "", significant: Int = 4) -> String {
        guard let value, value.isFinite else { return "—" }
        let text: String
        if let se = stderr, let f = NumberFormat.measurement(value: value, stderr: se) {
            text = f.string(value, se)
        } else {
            text = NumberFormat.significant(significant, of: [value]).string(value)
        }
        return unit.isEmpty ? text : text + " " + unit
    }
}
