/// A curve with its running trapezoid integral, so that ∫ over any [a, b] costs O(log n)
/// (SPEC §3: trapezoid over the points strictly inside plus interpolated end points).
public struct CumulativeTrapezoid: Sendable, Equatable {
    /// Strictly ascending abscissae.
    public let x: [Double]
    /// Ordinates.
    public let y: [Double]
    /// cumulative[i] = ∫_{x0}^{xi} y dx by the trapezoid rule (compensated summation).
    public let cumulative: [Double]

    /// Precomputes the running integral, O(n).
    public init(x: [Double], y: [Double]) {
        self.x = x
        self.y = y
        let n = x.count
        precondition(y.count == n, "a curve needs as many ordinates as abscissae")
        cumulative = [Double](unsafeUninitializedCapacity: n) { c, count in
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    guard n > 0 else { return }
                    c[0] = 0
                    var sum = 0.0, comp = 0.0      // Neumaier summation
                    for i in 1..<n {
                        let term = 0.5 * (xb[i] - xb[i - 1]) * (yb[i] + yb[i - 1])
                        let t = sum + term
                        if abs(sum) >= abs(term) { comp += (sum - t) + term } else { comp += (term - t) + sum }
                        sum = t
                        c[i] = sum + comp
                    }
                }
            }
            count = n
        }
    }

    /// Range covered.
    public var domain: ClosedRange<Double>? {
        guard let a = x.first, let b = x.last else { return nil }
        return a...b
    }

    /// y at `t` by linear interpolation; nil outside the domain.
    public func value(at t: Double) -> Double? { Interpolation.linear(x, y, at: t) }

    /// ∫_a^b y dx, trapezoid over the points strictly inside (a, b) plus the interpolated
    /// end points; nil when a or b is outside the domain or a > b. O(log n).
    public func integral(from a: Double, to b: Double) -> Double? {
        guard a <= b, let ya = value(at: a), let yb = value(at: b) else { return nil }
        if a == b { return 0 }
        let i = Interpolation.upperBound(x, a)        // first x > a
        let j = Interpolation.lowerBound(x, b) - 1    // last x < b
        if i > j { return 0.5 * (b - a) * (ya + yb) }
        return 0.5 * (x[i] - a) * (ya + y[i]) + (cumulative[j] - cumulative[i]) + 0.5 * (b - x[j]) * (y[j] + yb)
    }
}
