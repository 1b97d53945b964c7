/// y ≈ c0 + c1·(x − centre) + c2·(x − centre)², least squares (refines peaks, SPEC §4.1).
public struct Parabola: Sendable, Equatable {
    /// Value at the centre.
    public var c0: Double
    /// Slope at the centre.
    public var c1: Double
    /// Curvature coefficient.
    public var c2: Double

    /// Least-squares parabola through the points `range` of (x, y), in x − `centre` (which keeps
    /// the normal equations well scaled). Nil with fewer than 3 points or fewer than 3 distinct x.
    public static func fit(x: [Double], y: [Double], range: ClosedRange<Int>, centre: Double) -> Parabola? {
        guard range.count >= 3 else { return nil }
        var u: [Double] = [], v: [Double] = []
        u.reserveCapacity(range.count); v.reserveCapacity(range.count)
        for i in range { u.append(x[i] - centre); v.append(y[i]) }
        guard let f = LeastSquares.polynomial(x: u, y: v, degree: 2), f.coefficients.count == 3 else { return nil }
        return Parabola(c0: f.coefficients[0], c1: f.coefficients[1], c2: f.coefficients[2])
    }
}
