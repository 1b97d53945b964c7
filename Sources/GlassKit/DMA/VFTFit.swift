import GlassPlatform

/// ln f = ln f_α − B/(T − T_0) fitted to peak pairs (SPEC §4.2 α relaxation).
public struct VFTFit: Sendable, Equatable {
    /// ln f_α (f_α in Hz).
    public var lnFAlpha: Double
    /// B, K.
    public var bK: Double
    /// T_0, K.
    public var t0K: Double
    /// Standard errors of (ln f_α, B, T_0) from (JᵀJ)⁻¹·SSR/(n − 3) at the reported point; nil for
    /// n = 3, or when the search's T_0 at the bound of its search stands (``searchBound(t0K:upperK:)``).
    public var stderr: (lnFAlpha: Double, bK: Double, t0K: Double)?
    /// Residual sum of squares in ln f.
    public var residualSumOfSquares: Double
    /// Number of pairs.
    public var count: Int
    /// A remark when the fit stopped at the bound of the T_0 search (``searchBound(t0K:upperK:)``, the
    /// rule of the `vft_t0_at_search_bound` diagnostic too), or when its polish stopped before
    /// converging (the analysis shows it among the warnings).
    public var remark: String?
    /// Covariance of (ln f_α, B, T_0), 3×3, when the standard errors are known (the T_c noise rule).
    public var covariance: [[Double]]? = nil

    /// f_α, Hz.
    public var fAlphaHz: Double { exp(lnFAlpha) }

    /// ln f of the fitted curve at T (K); −∞ at or below T_0.
    public func lnFrequency(atK t: Double) -> Double { t > t0K ? lnFAlpha - bK / (t - t0K) : -.infinity }

    /// The fragility index m = d log10 τ / d(T_g/T) at T = T_g = B·T_g / (ln 10·(T_g − T_0)²)
    /// (an extra of SPEC §4.2); nil when T_g ≤ T_0.
    public func fragility(atTgK tg: Double) -> Double? {
        guard tg > t0K else { return nil }
        return bK * tg / (log(10.0) * (tg - t0K) * (tg - t0K))
    }

    /// Field-by-field equality (the standard-error tuple compared element-wise).
    public static func == (a: VFTFit, b: VFTFit) -> Bool {
        a.lnFAlpha == b.lnFAlpha && a.bK == b.bK && a.t0K == b.t0K && a.count == b.count
            && a.residualSumOfSquares == b.residualSumOfSquares && a.remark == b.remark
            && a.stderr?.lnFAlpha == b.stderr?.lnFAlpha && a.stderr?.bK == b.stderr?.bK && a.stderr?.t0K == b.stderr?.t0K
    }

    /// Grid points of the T_0 search before refinement.
    public static let searchGridPoints = 256
    /// Distance kept between the T_0 search and the lowest peak temperature, K (SPEC §4.2).
    public static let searchMarginK = 0.5

    /// An end of the T_0 search interval [0, upper] (upper = min T_peak − 0.5 K).
    public enum SearchBound: Sendable, Equatable {
        /// T_0 ≤ h: at 0 K.
        case lower
        /// T_0 ≥ upper − h: at (or above) min T_peak − 0.5 K.
        case upper

        /// The fit's remark when its polish was refused there (the analysis shows it among the warnings).
        func remark(t0K: Double, upperK: Double) -> String {
            "T_0 stopped at \(Format.shortNumber(t0K)) K, the bound of its search [0, \(Format.shortNumber(upperK))] K; no standard errors"
        }
    }

    /// The upper end of the T_0 search for peaks whose lowest temperature is `tMinK`.
    public static func searchUpperK(lowestTemperatureK tMinK: Double) -> Double { tMinK - searchMarginK }

    /// The one rule for "T_0 at the bound of its search" (the fit's remark and the
    /// `vft_t0_at_search_bound` diagnostic both use it): T_0 within one grid step
    /// h = upper/256 of 0 or of `upperK`, or above it; nil when T_0 is interior (or upper ≤ 0).
    public static func searchBound(t0K: Double, upperK: Double) -> SearchBound? {
        guard upperK > 0 else { return nil }
        let h = upperK / Double(searchGridPoints)
        if t0K <= h { return .lower }
        if t0K >= upperK - h { return .upper }
        return nil
    }

    /// Fits (SPEC §4.2): for fixed T_0 the model is linear in (ln f_α, B) and solved exactly; T_0
    /// is searched over [0, min T − 0.5 K] (a grid, then golden-section refinement of the best
    /// bracket), then all three are polished by Levenberg–Marquardt, whose covariance gives the
    /// standard errors. The polish is kept only when the T_0 it ends at lies in [0, min T) and the
    /// SSR (from the residuals, on both sides) does not grow; otherwise the search's answer stands:
    /// at the bound of its search (``searchBound(t0K:upperK:)``) without standard errors and, for
    /// n > 3, with a remark; inside it with the standard errors of its own point. Nil with fewer than 3 pairs, fewer than 3 distinct temperatures, min T ≤ 0.5 K, or
    /// one ln f at every T (T_0 not determined).
    /// A polish that ran out of iterations (`polishIterations`) before converging is still kept
    /// when it improves the SSR, and says so in `remark`.
    public static func fit(temperatureK t: [Double], lnFrequency y: [Double], polishIterations: Int = 200) -> VFTFit? {
        let n = t.count
        guard n >= 3, y.count == n, t.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite }),
              Set(t).count >= 3, let tMin = t.min(), tMin > searchMarginK else { return nil }
        // One ln f at every T: B = 0 fits exactly with any T_0, which the data then do not determine.
        guard y.contains(where: { $0 != y[0] }) else { return nil }
        let upper = searchUpperK(lowestTemperatureK: tMin)
        // Profile: SSR(T_0) with (ln f_α, B) solved in closed form (centred sums). Each
        // 1/(T − T_0) is computed once, for both passes (the same value as computing it twice).
        var z = [Double](repeating: 0, count: n)
        func profile(_ t0: Double) -> (ssr: Double, a: Double, b: Double) {
            var mz = 0.0, my = 0.0
            for i in 0..<n { z[i] = 1 / (t[i] - t0); mz += z[i]; my += y[i] }
            mz /= Double(n); my /= Double(n)
            var szz = 0.0, szy = 0.0, syy = 0.0
            for i in 0..<n {
                let dz = z[i] - mz, dy = y[i] - my
                szz += dz * dz; szy += dz * dy; syy += dy * dy
            }
            guard szz > 0 else { return (.infinity, my, 0) }
            let slope = szy / szz                  // y = a + slope·z, B = −slope
            return (max(0, syy - slope * szy), my - slope * mz, -slope)
        }
        let m = searchGridPoints
        var bestK = 0, bestS = Double.infinity
        var grid = [Double](repeating: 0, count: m + 1)
        for k in 0...m {
            let t0 = upper * Double(k) / Double(m)
            grid[k] = t0
            let s = profile(t0).ssr
            if s < bestS { bestS = s; bestK = k }
        }
        guard bestS.isFinite else { return nil }
        // Golden-section on the bracket around the best grid point.
        var lo = grid[max(0, bestK - 1)], hi = grid[min(m, bestK + 1)]
        let g = (sqrt(5.0) - 1) / 2
        var c = hi - g * (hi - lo), d = lo + g * (hi - lo)
        var fc = profile(c).ssr, fd = profile(d).ssr
        for _ in 0..<80 where hi - lo > 1e-10 * max(1, upper) {
            if fc <= fd { hi = d; d = c; fd = fc; c = hi - g * (hi - lo); fc = profile(c).ssr } else {
                lo = c; c = d; fc = fd; d = lo + g * (hi - lo); fd = profile(d).ssr
            }
        }
        var t0 = (lo + hi) / 2
        var p = profile(t0)
        if grid[bestK] == 0 || grid[bestK] == upper, bestS < p.ssr { t0 = grid[bestK]; p = profile(t0) }
        // The search's SSR from its residuals, as the polish computes its own: the profile's
        // syy − slope·szy is only good to rounding of syy, and on near-exact data it is 0 where the
        // residuals' is 1e-15, which no polish can match (every polish was then refused).
        func residuals(_ q: [Double], _ r: inout [Double]) {
            for i in 0..<n { r[i] = q[0] - q[1] / (t[i] - q[2]) - y[i] }
        }
        func jacobian(_ q: [Double], _ j: inout [[Double]]) {
            for i in 0..<n {
                let u = 1 / (t[i] - q[2])
                j[i][0] = 1; j[i][1] = -u; j[i][2] = -q[1] * u * u
            }
        }
        let searched = [p.a, p.b, t0]
        var r = [Double](repeating: 0, count: n)
        residuals(searched, &r)
        let searchNorm = LevenbergMarquardt.enorm(r)
        let searchSSR = searchNorm * searchNorm
        var result = VFTFit(lnFAlpha: p.a, bK: p.b, t0K: t0, stderr: nil, residualSumOfSquares: searchSSR, count: n, remark: nil)
        // Levenberg–Marquardt polish of all three (SPEC §4.2); accepted when it does not increase the
        // SSR beyond rounding (exact data leave an SSR of pure rounding on both sides).
        let sumOfSquares = y.reduce(0) { $0 + $1 * $1 }
        let lm = LevenbergMarquardt.fit(start: searched, residualCount: n, residuals: residuals, jacobian: jacobian,
                                        maxIterations: polishIterations)
        if let lm, lm.parameters[2] < tMin, lm.parameters[2] >= 0, lm.parameters.allSatisfy({ $0.isFinite }),
           lm.residualSumOfSquares <= searchSSR * (1 + 1e-6) + 1e-24 * sumOfSquares {
            result.lnFAlpha = lm.parameters[0]; result.bK = lm.parameters[1]; result.t0K = lm.parameters[2]
            result.residualSumOfSquares = lm.residualSumOfSquares
            if let se = lm.standardErrors, se.count == 3, se.allSatisfy({ $0.isFinite }) {
                result.stderr = (se[0], se[1], se[2])
                result.covariance = lm.covariance
            }
            if !lm.converged {
                result.remark = "the Levenberg–Marquardt polish stopped before converging (\(lm.stopReason.message); \(lm.iterations) iterations, \(lm.functionEvaluations) function evaluations); its best point is reported"
            }
        } else if let bound = searchBound(t0K: t0, upperK: upper) {
            // At an end of the search the SSR's minimum is not a stationary point: no covariance.
            if n > 3 { result.remark = bound.remark(t0K: t0, upperK: upper) }
        } else if let c = LevenbergMarquardt.covariance(at: searched, residualCount: n, residuals: residuals, jacobian: jacobian) {
            // An interior minimum of the search is a least-squares solution like the polish's:
            // its covariance gives the standard errors.
            let se = (0..<3).map { c[$0][$0].squareRoot() }
            if se.allSatisfy({ $0.isFinite }) { result.stderr = (se[0], se[1], se[2]); result.covariance = c }
        }
        return result
    }
}
