/// When heating rates count as one (method reference §3): within 1 %, so that a rate estimated
/// from a time column (20.00003 K/min) is the rate another file states (20 K/min). The one rule
/// for matching a crystalline run to a sample run and for the study's common heating rate;
/// cooling rates are one by it too (``CoolingRates``).
public enum HeatingRates {
    /// Relative difference up to which two rates are one.
    static let tolerance = 0.01

    /// Whether `rate` and `reference` are one rate: within the tolerance of the slower, so the
    /// answer does not depend on which is which (a crystalline run at 19.8 K/min was subtracted
    /// from a sample at 20, and one at 20 was not from a sample at 19.8).
    public static func agree(_ rate: Double, _ reference: Double) -> Bool {
        abs(rate - reference) <= tolerance * min(abs(rate), abs(reference))
    }

    /// How far apart two rates are, in per cent of the slower, as the warnings show it: two
    /// decimals (`1.01 %`: a gap rounded to `1 %` read as within the tolerance).
    static func percentApart(_ a: Double, _ b: Double) -> String {
        Format.shortNumber((abs(a - b) / min(abs(a), abs(b)) * 10_000).rounded() / 100)
    }

    /// The rate `rates` share — their median, which is the rate itself when all are equal — or
    /// nil when two differ by more than the tolerance (or there are none).
    public static func common(_ rates: [Double]) -> Double? {
        guard let lo = rates.min(), let hi = rates.max(), agree(hi, lo) else { return nil }
        let s = rates.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
    }

    /// The distinct rates as the warnings show them (each text once, ascending).
    static func shown(_ rates: [Double]) -> String {
        var seen = Set<String>()
        return rates.sorted().map(Format.shortNumber).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
}
