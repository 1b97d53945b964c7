/// Binary search and linear interpolation on ascending abscissae.
public enum Interpolation {
    /// Index of the first element of ascending `xs` greater than `x` (upper bound), O(log n).
    @inline(__always)
    public static func upperBound(_ xs: [Double], _ x: Double) -> Int {
        var lo = 0, hi = xs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if xs[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the first element of ascending `xs` not less than `x` (lower bound), O(log n).
    @inline(__always)
    public static func lowerBound(_ xs: [Double], _ x: Double) -> Int {
        var lo = 0, hi = xs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if xs[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// y(x) by linear interpolation on strictly ascending `xs`; nil outside [xs.first, xs.last].
    @inline(__always)
    public static func linear(_ xs: [Double], _ ys: [Double], at x: Double) -> Double? {
        guard let first = xs.first, let last = xs.last, x >= first, x <= last else { return nil }
        if x == last { return ys[ys.count - 1] }
        let j = upperBound(xs, x)          // xs[j-1] <= x < xs[j]
        let i = j - 1
        let t = (x - xs[i]) / (xs[j] - xs[i])
        return ys[i] + t * (ys[j] - ys[i])
    }

    /// ``linear(_:_:at:)`` on ascending `xs` (call only when ``isAscending(_:)``), the search
    /// started in the interval `hint` found last: along a heating run the next temperature lies in
    /// it or the next one. The same interval (the one holding x) and the same value.
    public static func linear(_ xs: [Double], _ ys: [Double], at x: Double, hint: inout Int) -> Double? {
        guard let first = xs.first, let last = xs.last, x >= first, x <= last else { return nil }
        if x == last { return ys[ys.count - 1] }
        // xs[j-1] <= x < xs[j] names the upper bound of ascending xs.
        func holds(_ j: Int) -> Bool { j > 0 && j < xs.count && xs[j - 1] <= x && x < xs[j] }
        let j = holds(hint) ? hint : holds(hint + 1) ? hint + 1 : upperBound(xs, x)
        hint = j
        let i = j - 1
        let t = (x - xs[i]) / (xs[j] - xs[i])
        return ys[i] + t * (ys[j] - ys[i])
    }

    /// Two temperatures within this of each other are one temperature, K. A °C column is converted
    /// with a rounding (−23.15 + 273.15 = 249.99999999999997), so 250 K written as −23.15 °C
    /// and 250.0 K differ by an ulp; no instrument resolves 10⁻⁹ K, and at 10⁴ K it is still
    /// hundreds of ulps. Data ends are met within it (the crystalline run's and the baseline
    /// state's overlap, T_s and T_e against a curve's first and last point); nothing inside
    /// changes.
    public static let sameTemperatureK = 1e-9

    /// `x` moved onto the end of [`lo`, `hi`] that it lies outside by at most ``sameTemperatureK``;
    /// `x` itself otherwise (inside, or farther out).
    @inline(__always)
    public static func onto(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
        if x < lo && lo - x <= sameTemperatureK { return lo }
        if x > hi && x - hi <= sameTemperatureK { return hi }
        return x
    }

    /// Whether `xs` never decreases.
    public static func isAscending(_ xs: [Double]) -> Bool {
        zip(xs, xs.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
