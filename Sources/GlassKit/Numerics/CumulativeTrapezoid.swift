/// A curve with its running trapezoid integral, so that ∫ over any [a, b] costs O(log n)
/// (SPEC §3: trapezoid over the points strictly inside plus interpolated end points).
///
/// The running sum (Neumaier's compensated summation) is kept at every ``blockSize``-th point and
/// completed from there on demand, with the same additions in the same order: the value at point i
/// is the number the full array held, bit for bit, for 1/16 of its memory (8 MB for 10^6 points
/// was a sixth of a large file's pages).
public struct CumulativeTrapezoid: Sendable, Equatable {
    /// Strictly ascending abscissae.
    public let x: [Double]
    /// Ordinates.
    public let y: [Double]
    /// The summation's state (sum, compensation) after points 0…k·blockSize.
    private let checkpoints: [Sums]

    /// Points per checkpoint.
    static let blockSize = 32

    /// Neumaier's running sum of the trapezoids.
    struct Sums: Sendable, Equatable {
        var sum = 0.0, comp = 0.0

        /// Adds the trapezoid of points i − 1 and i.
        @inline(__always)
        mutating func add(_ xb: UnsafeBufferPointer<Double>, _ yb: UnsafeBufferPointer<Double>, _ i: Int) {
            let term = 0.5 * (xb[i] - xb[i - 1]) * (yb[i] + yb[i - 1])
            let t = sum + term
            if abs(sum) >= abs(term) { comp += (sum - t) + term } else { comp += (term - t) + sum }
            sum = t
        }

        var value: Double { sum + comp }
    }

    /// Precomputes the checkpoints of the running integral, O(n).
    public init(x: [Double], y: [Double]) {
        self.x = x
        self.y = y
        let n = x.count
        precondition(y.count == n, "a curve needs as many ordinates as abscissae")
        let b = Self.blockSize
        checkpoints = [Sums](unsafeUninitializedCapacity: n == 0 ? 0 : (n - 1) / b + 1) { c, count in
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    guard n > 0 else { return }
                    var s = Sums()
                    c[0] = s
                    for i in 1..<n {
                        s.add(xb, yb, i)
                        if i % b == 0 { c[i / b] = s }
                    }
                }
            }
            count = n == 0 ? 0 : (n - 1) / b + 1
        }
    }

    /// ∫_{x0}^{xi} y dx by the trapezoid rule (compensated summation). O(blockSize).
    public func cumulative(at i: Int) -> Double { sums(at: i).value }

    /// The summation's state after points 0…i. O(blockSize).
    private func sums(at i: Int) -> Sums {
        let b = Self.blockSize
        var s = checkpoints[i / b]
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                var k = i / b * b + 1
                while k <= i { s.add(xb, yb, k); k += 1 }
            }
        }
        return s
    }

    /// ∫_{xi}^{xj} y dx (i ≤ j): the difference of the running integral at j and at i. Where that
    /// difference cancels — a value far outside [xi, xj] (an instrument's overload value 9.91e37,
    /// a spike) dominates both, and the rounded running integral has lost the window's part — it
    /// is taken from the parts of the summation instead: the compensation holds, without
    /// rounding, what the large sum absorbed, so nothing outside the window enters the result.
    /// Below the threshold (2¹² ≈ 12 bits lost at most, about 10⁻¹² relative) the plain
    /// difference is kept, so that well-conditioned integrals are the same numbers as before.
    func between(_ i: Int, _ j: Int) -> Double {
        let p = sums(at: i), q = sums(at: j)
        let d = q.value - p.value
        if max(abs(p.value), abs(q.value)) <= 0x1p12 * abs(d) { return d }
        return (q.sum - p.sum) + (q.comp - p.comp)
    }

    /// Range covered.
    public var domain: ClosedRange<Double>? {
        guard let a = x.first, let b = x.last else { return nil }
        return a...b
    }

    /// y at `t` by linear interpolation; nil outside the domain (an end within
    /// ``Interpolation/sameTemperatureK`` of `t` is `t`'s temperature).
    public func value(at t: Double) -> Double? {
        if let v = Interpolation.linear(x, y, at: t) { return v }
        guard let a = x.first, let b = x.last else { return nil }
        let near = Interpolation.onto(t, a, b)
        return near == t ? nil : Interpolation.linear(x, y, at: near)
    }

    /// ∫_a^b y dx, trapezoid over the points strictly inside (a, b) plus the interpolated
    /// end points; nil when a or b is outside the domain or a > b. O(log n + blockSize).
    public func integral(from a: Double, to b: Double) -> Double? {
        guard a <= b, let ya = value(at: a), let yb = value(at: b) else { return nil }
        if a == b { return 0 }
        let i = Interpolation.upperBound(x, a)        // first x > a
        let j = Interpolation.lowerBound(x, b) - 1    // last x < b
        if i > j { return 0.5 * (b - a) * (ya + yb) }
        return 0.5 * (x[i] - a) * (ya + y[i]) + between(i, j) + 0.5 * (b - x[j]) * (y[j] + yb)
    }
}
