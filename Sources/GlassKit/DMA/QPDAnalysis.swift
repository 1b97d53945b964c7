import Foundation

/// The QPD analysis of one state (SPEC §4.2, paper eq. 1 and 2).
public struct QPDResult: Sendable, Equatable {
    /// Frequency window used, Hz.
    public var windowHz: ClosedRange<Double>
    /// χ(T) per isotherm with at least 3 points in the window, by temperature.
    public var points: [QPDPoint]
    /// U_β, eV (≥ 3 isotherms).
    public var uEV: Double?
    /// Its standard error, eV (≥ 3 isotherms).
    public var uStderrEV: Double?
    /// λ (≥ 3 isotherms).
    public var lambda: Double?
    /// Its standard error.
    public var lambdaStderr: Double?
    /// a1/a2 and the T_g used; nil when neither given nor estimable.
    public var slopes: ChiSlopes?

    /// Eq. 1 per isotherm over `windowHz`, then OLS of c(T) on 1/T: c = λ − U_β/(k_B T), then a1/a2
    /// about `tgK` (given) or an estimated T_g (SPEC §4.2). O(log n) per isotherm plus the line fits.
    public static func evaluate(_ isotherms: [QPDIsotherm], windowHz: ClosedRange<Double>, tgK: Double?,
                                context: String) -> (QPDResult, [String]) {
        var warnings: [String] = []
        var points: [QPDPoint] = []
        points.reserveCapacity(isotherms.count)
        var skipped: [String] = []
        for iso in isotherms {
            if let p = iso.fit(windowHz: windowHz) { points.append(p) } else { skipped.append(Format.shortNumber(iso.temperatureK)) }
        }
        if !skipped.isEmpty {
            warnings.append("\(context): χ not computed at \(skipped.joined(separator: ", ")) K: fewer than 3 points with tanδ > 0 in "
                + "\(Format.shortNumber(windowHz.lowerBound))–\(Format.shortNumber(windowHz.upperBound)) Hz")
        }
        var r = QPDResult(windowHz: windowHz, points: points, uEV: nil, uStderrEV: nil, lambda: nil, lambdaStderr: nil, slopes: nil)
        if points.count >= 3, let line = LeastSquares.line(x: points.map { 1 / $0.temperatureK }, y: points.map { $0.intercept }) {
            // SPEC §4.2: c(T) = λ − U_β/(k_B T), so the slope on 1/T is −U_β/k_B.
            r.uEV = -line.slope * Units.boltzmannEVPerK
            r.uStderrEV = line.slopeStandardError.map { $0 * Units.boltzmannEVPerK }
            r.lambda = line.intercept
            r.lambdaStderr = line.interceptStandardError
        } else if !isotherms.isEmpty {
            warnings.append("\(context): U_β and λ not computed: χ at \(points.count) isotherm(s) (need 3)")
        }
        if !isotherms.isEmpty {
            let (s, w) = ChiSlopes.compute(points, tgK: tgK, context: context)
            r.slopes = s
            warnings += w
        }
        return (r, warnings)
    }
}
