import Foundation

/// One isotherm prepared for eq. 1 of SPEC §4.2: ln(2πf) and ln tanδ of its points with
/// tanδ > 0, with prefix sums so that a window change costs two binary searches.
public struct QPDIsotherm: Sendable {
    /// Temperature, K.
    public let temperatureK: Double
    /// Frequencies of the usable points, Hz, ascending.
    public let frequencyHz: [Double]
    /// ln(2πf) of the usable points.
    public let lnOmega: [Double]
    /// ln tanδ of the usable points.
    public let lnTanDelta: [Double]
    /// Centre subtracted from ln ω and ln tanδ before summing (keeps the sums well conditioned).
    private let cx: Double, cy: Double
    /// Prefix sums (index k holds the sum over points 0..<k) of u, v, u², u·v, v² with u, v the centred values.
    private let su: [Double], sv: [Double], suu: [Double], suv: [Double], svv: [Double]

    /// Prepares a `dma-fsweep` dataset: tanδ from its column, else E''/E' (SPEC §4.2); points
    /// with tanδ ≤ 0 or not finite are left out. Nil without a temperature.
    public init?(_ d: Dataset) {
        guard let t = d.temperatureK else { return nil }
        temperatureK = t
        var f: [Double] = [], x: [Double] = [], y: [Double] = []
        let hasColumn = d.tanDelta.count == d.frequencyHzValues.count
        for i in d.frequencyHzValues.indices {
            let td: Double
            if hasColumn { td = d.tanDelta[i] } else {
                guard i < d.lossMPa.count, i < d.storageMPa.count, d.storageMPa[i] != 0 else { continue }
                td = d.lossMPa[i] / d.storageMPa[i]
            }
            guard td > 0, td.isFinite, d.frequencyHzValues[i] > 0 else { continue }
            f.append(d.frequencyHzValues[i]); x.append(log(2 * Double.pi * d.frequencyHzValues[i])); y.append(log(td))
        }
        frequencyHz = f; lnOmega = x; lnTanDelta = y
        cx = x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count)
        cy = y.isEmpty ? 0 : y.reduce(0, +) / Double(y.count)
        var a = [0.0], b = [0.0], aa = [0.0], ab = [0.0], bb = [0.0]
        for i in x.indices {
            let u = x[i] - cx, v = y[i] - cy
            a.append(a[i] + u); b.append(b[i] + v); aa.append(aa[i] + u * u); ab.append(ab[i] + u * v); bb.append(bb[i] + v * v)
        }
        su = a; sv = b; suu = aa; suv = ab; svv = bb
    }

    /// Eq. 1 on this isotherm (SPEC §4.2): OLS of ln tanδ on ln(2πf) over the points with
    /// f_lo ≤ f ≤ f_hi (ends widened by 1e-9 relative, SPEC §4.1's "same frequency"); nil with
    /// fewer than 3 points or a single frequency. O(log n).
    public func fit(windowHz w: ClosedRange<Double>) -> QPDPoint? {
        let tol = FrequencyCurve.sameFrequencyTolerance
        let i = Interpolation.lowerBound(frequencyHz, w.lowerBound * (1 - tol))
        let j = Interpolation.upperBound(frequencyHz, w.upperBound * (1 + tol))
        let n = j - i
        guard n >= 3 else { return nil }
        let dn = Double(n)
        let mu = (su[j] - su[i]) / dn, mv = (sv[j] - sv[i]) / dn
        let sxx = (suu[j] - suu[i]) - dn * mu * mu
        let sxy = (suv[j] - suv[i]) - dn * mu * mv
        let syy = (svv[j] - svv[i]) - dn * mv * mv
        guard sxx > 1e-12 * max(1, suu[j] - suu[i]) else { return nil }
        let slope = sxy / sxx
        let ssr = max(0, syy - slope * sxy)
        let se = (ssr / (dn - 2) / sxx).squareRoot()
        // Intercept c at ln ω = 0, in the uncentred variables.
        let c = (mv + cy) - slope * (mu + cx)
        return QPDPoint(temperatureK: temperatureK, chi: -slope, chiStderr: se, intercept: c, count: n)
    }
}

/// χ(T) of one isotherm (SPEC §4.2 eq. 1: slope = −χ, intercept c).
public struct QPDPoint: Sendable, Equatable {
    /// Temperature, K.
    public var temperatureK: Double
    /// χ = −slope of ln tanδ on ln(2πf).
    public var chi: Double
    /// Standard error of χ.
    public var chiStderr: Double
    /// Intercept c(T) (ln tanδ at ln ω = 0).
    public var intercept: Double
    /// Points in the window.
    public var count: Int
}
