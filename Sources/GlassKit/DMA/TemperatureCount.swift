import GlassPlatform

/// How many points a fit against temperature has, in the words of its null reason (SPEC §2.5).
/// A fit of k parameters against T needs k points at k distinct temperatures: points repeated at
/// one temperature (two isotherms at 450 K, a repeated measurement) fix one value there, not
/// another parameter. The reasons therefore name the distinct temperatures whenever they are
/// fewer than the points, in one wording for every such fit (the χ slopes' "all at 450 K").
enum TemperatureCount {
    /// How many different temperatures `temperaturesK` holds (exactly equal ones are one).
    static func distinct(_ temperaturesK: [Double]) -> Int { Set(temperaturesK).count }

    /// `3 shift(s)` when every point is at its own temperature, `3 shift(s), all at 450 K` when
    /// all are at one, else `3 shift(s) at 2 distinct temperatures`; `noun` is what a point is.
    static func phrase(_ temperaturesK: [Double], noun: String) -> String {
        let n = temperaturesK.count, d = distinct(temperaturesK)
        if d == n { return "\(n) \(noun)(s)" }
        if d == 1, let t = temperaturesK.first { return "\(n) \(noun)(s), all at \(Format.shortNumber(t)) K" }
        return "\(n) \(noun)(s) at \(d) distinct temperatures"
    }

    /// The null reason of a fit that needs `need` points at distinct temperatures:
    /// `3 shift(s) at 2 distinct temperatures (need 3 at distinct temperatures)`.
    static func tooFew(_ temperaturesK: [Double], noun: String, need: Int) -> String {
        "\(phrase(temperaturesK, noun: noun)) (need \(need) at distinct temperatures)"
    }
}
