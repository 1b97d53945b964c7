/// Where the T_g used for a1/a2 came from (SPEC §5 `Tg_source`).
public enum TgSource: String, Sendable, Equatable {
    /// Given by an option, study.toml or file metadata.
    case given
    /// Estimated from χ(T) (SPEC §4.2).
    case estimated
}

/// a1 and a2 of paper eq. 2 (SPEC §4.2).
public struct ChiSlopes: Sendable, Equatable {
    /// T_g used, K.
    public var tgK: Double
    /// Where it came from.
    public var tgSource: TgSource
    /// OLS slope of χ on T for T ≤ T_g, per K (≥ 3 points).
    public var a1PerK: Double?
    /// Its standard error (≥ 3 points).
    public var a1StderrPerK: Double?
    /// OLS slope of χ on T for T ≥ T_g, per K (≥ 3 points).
    public var a2PerK: Double?
    /// Its standard error.
    public var a2StderrPerK: Double?

    /// a1/a2 (SPEC §4.2) from χ points sorted by temperature. With `tgK` given, the two OLS slopes
    /// over T ≤ T_g and T ≥ T_g. Without it, T_g is estimated: among the χ temperatures with at
    /// least 3 points on each side (itself counted on both), the one minimising the two lines'
    /// total squared error (ties, within 10⁻¹² of χ's total sum of squares: the lower T); then the
    /// slopes about it are the given-T_g ones. Sides are split by temperature, never by position:
    /// every point at the candidate's temperature (isotherms measured twice) counts on both, in the
    /// estimate and in the slopes alike. Warnings (prefixed by `context`) say what is missing.
    public static func compute(_ points: [QPDPoint], tgK: Double?, context: String) -> (ChiSlopes?, [String]) {
        let pts = points.sorted { $0.temperatureK < $1.temperatureK }
        if let tg = tgK { return slopes(pts, about: tg, source: .given, context: context) }
        // Errors that differ by rounding alone are ties (χ exactly linear: every candidate's error
        // is a few 1e-31, and the smallest rounding residue chose T_g, not the lower T).
        let mean = pts.reduce(0) { $0 + $1.chi } / Double(max(1, pts.count))
        let tie = 1e-12 * pts.reduce(0) { $0 + ($1.chi - mean) * ($1.chi - mean) }
        var best: (ssr: Double, tgK: Double)?
        for (k, p) in pts.enumerated() where k == 0 || p.temperatureK != pts[k - 1].temperatureK {
            let (below, above) = sides(pts, about: p.temperatureK)
            guard let l1 = line(below), let l2 = line(above) else { continue }
            let s = l1.residualSumOfSquares + l2.residualSumOfSquares
            if s < (best.map { $0.ssr - tie } ?? .infinity) { best = (s, p.temperatureK) }
        }
        guard let b = best else {
            let distinct = distinctTemperatures(pts)
            let at = distinct == pts.count ? "" : " at \(distinct) temperature(s)"
            let need = distinct == pts.count ? "need 3 on each side of a candidate, 5 in all"
                : "need 3 on each side of a candidate temperature, itself counted on both, each side at 2 distinct temperatures at least"
            return (nil, ["\(context): T_g not given and not estimable from \(pts.count) χ point(s)\(at) (\(need)); a1, a2 not computed"])
        }
        return slopes(pts, about: b.tgK, source: .estimated, context: context)
    }

    /// The points at T ≤ t and at T ≥ t (those at t on both sides, within
    /// ``Interpolation/sameTemperatureK``: an isotherm in °C at a T_g given in K), in the order given.
    static func sides(_ pts: [QPDPoint], about t: Double) -> (below: [QPDPoint], above: [QPDPoint]) {
        (pts.filter { TemperatureOrder.of($0.temperatureK, against: t) != .above },
         pts.filter { TemperatureOrder.of($0.temperatureK, against: t) != .below })
    }

    /// OLS of χ on T (≥ 3 points, at 2 temperatures at least); nil otherwise.
    static func line(_ sel: [QPDPoint]) -> LineFit? {
        sel.count >= 3 ? LeastSquares.line(x: sel.map { $0.temperatureK }, y: sel.map { $0.chi }) : nil
    }

    /// How many different temperatures the points are at.
    static func distinctTemperatures(_ pts: [QPDPoint]) -> Int { Set(pts.map { $0.temperatureK }).count }

    /// a1 and a2 about `tg` (SPEC §4.2), with a warning for each slope that cannot be computed.
    static func slopes(_ pts: [QPDPoint], about tg: Double, source: TgSource, context: String) -> (ChiSlopes, [String]) {
        let (below, above) = sides(pts, about: tg)
        let l1 = line(below), l2 = line(above)
        var w: [String] = []
        if l1 == nil { w.append("\(context): a1 not computed: " + missing(below, "T ≤ T_g = \(Format.shortNumber(tg)) K")) }
        if l2 == nil { w.append("\(context): a2 not computed: " + missing(above, "T ≥ T_g = \(Format.shortNumber(tg)) K")) }
        return (ChiSlopes(tgK: tg, tgSource: source, a1PerK: l1?.slope, a1StderrPerK: l1?.slopeStandardError,
                          a2PerK: l2?.slope, a2StderrPerK: l2?.slopeStandardError), w)
    }

    /// Why a slope over `side` is missing: too few points, or enough points all at one temperature
    /// (a line through one temperature has no slope).
    static func missing(_ side: [QPDPoint], _ range: String) -> String {
        if side.count >= 3, distinctTemperatures(side) < 2 {
            return "\(side.count) χ point(s) at \(range), all at \(Format.shortNumber(side[0].temperatureK)) K (need 3, at 2 distinct temperatures at least)"
        }
        return "\(side.count) χ point(s) at \(range) (need 3)"
    }
}
