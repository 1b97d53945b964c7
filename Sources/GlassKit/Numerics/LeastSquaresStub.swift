// TEMPORARY until LinearLeastSquares lands.
public struct LineFit: Sendable, Equatable { public let slope, intercept: Double; public let slopeStandardError, interceptStandardError: Double?; public let residualSumOfSquares: Double; public let count: Int }
public enum LeastSquares {
    public static func line(x: [Double], y: [Double]) -> LineFit? {
        let n = Double(x.count); guard x.count >= 2 else { return nil }
        let mx = x.reduce(0,+)/n, my = y.reduce(0,+)/n
        var sxx = 0.0, sxy = 0.0; for i in x.indices { sxx += (x[i]-mx)*(x[i]-mx); sxy += (x[i]-mx)*(y[i]-my) }
        guard sxx > 0 else { return nil }
        let b = sxy/sxx, a = my - b*mx
        var ssr = 0.0; for i in x.indices { let r = y[i]-a-b*x[i]; ssr += r*r }
        let se: Double? = x.count >= 3 ? (ssr/(n-2)/sxx).squareRoot() : nil
        return LineFit(slope: b, intercept: a, slopeStandardError: se, interceptStandardError: nil, residualSumOfSquares: ssr, count: x.count)
    }
}
