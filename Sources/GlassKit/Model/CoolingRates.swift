/// When two cooling rates are one (docs/analysis-choices.md, "One rate"): the rule of heating
/// rates (``HeatingRates``), within 1 % of the slower. A rate typed `0.16666667 K/s` is
/// 10.0000002 K/min, which is the `10 K/min` another file states: no DSC controls or states a
/// rate closer than that, so closer rates are one rate, not a slope's two ends. The one rule for
/// a state's files, for S_r's rates and for the order of states.
public enum CoolingRates {
    /// Whether `a` and `b` are one rate (symmetric: the difference is measured on the slower).
    public static func same(_ a: Double, _ b: Double) -> Bool {
        HeatingRates.agree(max(a, b), min(a, b))
    }

    /// Whether every rate of `rates` is one rate (the fastest is the slowest's); true for none.
    public static func allSame(_ rates: [Double]) -> Bool {
        guard let lo = rates.min(), let hi = rates.max() else { return true }
        return same(hi, lo)
    }

    /// The rates as messages show them: `10` when they print alike in 6 digits (10 and
    /// 10.0000002), else the slowest and the fastest (`10–10.05`).
    static func shown(_ rates: [Double]) -> String {
        guard let lo = rates.min(), let hi = rates.max() else { return "" }
        let a = Format.shortNumber(lo), b = Format.shortNumber(hi)
        return a == b ? a : "\(a)–\(b)"
    }

    /// The share of S_r by which a rate ``HeatingRates``' tolerance off would move it, above
    /// which a warning says so: rates `lo` to `hi` (distinct by ``same(_:_:)``) that are less than
    /// 10 % apart make a slope whose error from the rates alone exceeds 10 %.
    static let largestRateShare = 0.1

    /// How much S_r would change, as a fraction, if the fastest rate were off by the tolerance:
    /// tolerance × hi / (hi − lo). Infinite for one rate.
    static func rateShare(_ rates: [Double]) -> Double {
        guard let lo = rates.min(), let hi = rates.max(), hi > lo else { return .infinity }
        return HeatingRates.tolerance * hi / (hi - lo)
    }

    /// Order keys for sorting states by cooling rate: each rate maps to the slowest rate of its
    /// run of ascending rates that are one with that run's first, so rates that are one sort as
    /// equal (then by their tie-break) and distinct rates by value. A strict order, unlike
    /// comparing with ``same(_:_:)`` pairwise, which is not transitive.
    static func orderKeys(_ rates: [Double]) -> [Double: Double] {
        var keys: [Double: Double] = [:]
        var first: Double?
        for q in Set(rates).sorted() {
            if let f = first, same(q, f) { keys[q] = f } else { first = q; keys[q] = q }
        }
        return keys
    }
}
