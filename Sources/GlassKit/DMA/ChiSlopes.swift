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
    /// total squared error (ties, within 10⁻¹² of χ's total sum of squares: the lower T). Warnings (prefixed by `context`) say what is missing.
    public static func compute(_ points: [QPDPoint], tgK: Double?, context: String) -> (ChiSlopes?, [String]) {
        let pts = points.sorted { $0.temperatureK < $1.temperatureK }
        func line(_ sel: [QPDPoint]) -> LineFit? {
            sel.count >= 3 ? LeastSquares.line(x: sel.map { $0.temperatureK }, y: sel.map { $0.chi }) : nil
        }
        if let tg = tgK {
            let below = pts.filter { $0.temperatureK <= tg }, above = pts.filter { $0.temperatureK >= tg }
            let l1 = line(below), l2 = line(above)
            var w: [String] = []
            if l1 == nil { w.append("\(context): a1 not computed: \(below.count) χ point(s) at T ≤ T_g = \(Format.shortNumber(tg)) K (need 3)") }
            if l2 == nil { w.append("\(context): a2 not computed: \(above.count) χ point(s) at T ≥ T_g = \(Format.shortNumber(tg)) K (need 3)") }
            return (ChiSlopes(tgK: tg, tgSource: .given, a1PerK: l1?.slope, a1StderrPerK: l1?.slopeStandardError,
                              a2PerK: l2?.slope, a2StderrPerK: l2?.slopeStandardError), w)
        }
        // Errors that differ by rounding alone are ties (χ exactly linear: every candidate's error
        // is a few 1e-31, and the smallest rounding residue chose T_g, not the lower T).
        let mean = pts.reduce(0) { $0 + $1.chi } / Double(max(1, pts.count))
        let tie = 1e-12 * pts.reduce(0) { $0 + ($1.chi - mean) * ($1.chi - mean) }
        var best: (ssr: Double, k: Int, l1: LineFit, l2: LineFit)?
        for k in pts.indices where k + 1 >= 3 && pts.count - k >= 3 {
            guard let l1 = line(Array(pts[...k])), let l2 = line(Array(pts[k...])) else { continue }
            let s = l1.residualSumOfSquares + l2.residualSumOfSquares
            if s < (best.map { $0.ssr - tie } ?? .infinity) { best = (s, k, l1, l2) }
        }
        guard let b = best else {
            return (nil, ["\(context): T_g not given and not estimable from \(pts.count) χ point(s) (need 3 on each side of a candidate, 5 in all); a1, a2 not computed"])
        }
        return (ChiSlopes(tgK: pts[b.k].temperatureK, tgSource: .estimated, a1PerK: b.l1.slope, a1StderrPerK: b.l1.slopeStandardError,
                          a2PerK: b.l2.slope, a2StderrPerK: b.l2.slopeStandardError), [])
    }
}
