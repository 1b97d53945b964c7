import GlassPlatform

/// A refined maximum of E'' inside a window (SPEC §4.1).
public struct LossPeak: Sendable, Equatable {
    /// Abscissa of the parabola's vertex (K for constant-frequency curves, log10 Hz for isotherms).
    public var x: Double
    /// Value of the parabola at its vertex.
    public var y: Double
    /// Index of the discrete maximum in the curve.
    public var maxIndex: Int
}

/// Why a window holds no peak (SPEC §4.1 "no peak"; each one is a warning).
public enum NoPeakReason: Sendable, Equatable, CustomStringConvertible {
    /// Fewer than 3 points fall inside the window.
    case tooFewPoints(Int)
    /// The largest value inside the window is its first or last point (the curve rises out of it).
    case maximumAtWindowEdge
    /// The largest value inside the window is its first or last point, which lies farther inside
    /// than one step of the data there (isotherms missing at the window's edge): `x` the point,
    /// `edge` the window's end, on the curve's abscissa (`kelvin`: T in K, else log10 f).
    case maximumPastAGap(x: Double, edge: Double, last: Bool, kelvin: Bool)
    /// The largest value inside the window is the curve's own first (`last` false) or last point,
    /// inside the window: the data end there (at `x`, K: only temperature curves have a window
    /// wider than their data; an isotherm's QPD peak is searched over its own range).
    case maximumAtDataEnd(x: Double, last: Bool)
    /// The least-squares parabola is not concave.
    case notConcave
    /// The parabola's vertex is farther than the half-width from the discrete maximum.
    case vertexTooFar
    /// The parabola could not be fitted (fewer than 3 distinct abscissae within the half-width).
    case parabolaUnfit

    /// A short phrase for warnings.
    public var description: String {
        switch self {
        case .tooFewPoints(let n): return "\(n) point(s) in the window (need 3)"
        case .maximumAtWindowEdge: return "the maximum is at the window's edge"
        case .maximumPastAGap(let x, let edge, let last, let kelvin):
            func shown(_ v: Double) -> String {
                kelvin ? Format.shortNumber((v * 100).rounded() / 100) + " K" : Format.shortNumber(pow(10, v)) + " Hz"
            }
            return "the maximum is at the \(last ? "last" : "first") point inside the window, \(shown(x)), "
                + "with no data between it and the window's edge at \(shown(edge))"
        case .maximumAtDataEnd(let x, let last):
            return "the maximum is at the curve's \(last ? "last" : "first") point, inside the window "
                + "(its data \(last ? "end" : "start") at \(Format.shortNumber((x * 100).rounded() / 100)) K)"
        case .notConcave: return "the refining parabola is not concave"
        case .vertexTooFar: return "the parabola's vertex is beyond the half-width"
        case .parabolaUnfit: return "too few points to refine the maximum"
        }
    }
}

/// Peak finding of SPEC §4.1 on one curve with ascending abscissae.
public enum PeakFinder {
    /// Half-width of the refining parabola on temperature curves, K (SPEC §4.1).
    public static let halfWidthK = 10.0
    /// Half-width of the refining parabola on isotherms, decades (SPEC §4.1).
    public static let halfWidthDecades = 0.3

    /// Whether the discrete maximum at index `best` is the first or last point of `first...last`
    /// (SPEC §4.1: then there is no peak). By position, not by index: a maximum at the first or
    /// last abscissa of those points is at the edge even when another point shares that abscissa
    /// and comes before or after it (two sweeps at one temperature put two points of a slice
    /// there; the peak may lie beyond both). `x` ascending.
    static func isAtEdge(_ x: [Double], _ best: Int, first: Int, last: Int) -> Bool {
        x[best] <= x[first] || x[best] >= x[last]
    }

    /// The peak of `y(x)` in `[lo, hi]` (SPEC §4.1): discrete maximum over the points inside the
    /// window (the first largest), "no peak" when it is at the first or last of their abscissae
    /// (``isAtEdge(_:_:first:last:)``), refined as the
    /// vertex of the least-squares parabola through every point of the curve with
    /// |x − x_max| ≤ `halfWidth` (not clipped to the window). `x` must be ascending. With
    /// `kelvin`, x and the window's ends are temperatures, and a point within
    /// ``Interpolation/sameTemperatureK`` of an end is at it (``TemperatureOrder``): a window given in
    /// °C ends on the isotherm stated in K.
    public static func find(x: [Double], y: [Double], lo: Double, hi: Double,
                            halfWidth: Double, kelvin: Bool = false) -> Result<LossPeak, NoPeakReasonError> {
        let n = min(x.count, y.count)
        // Temperatures are ordered by TemperatureOrder; other abscissae (log f) exactly.
        func order(_ a: Double, _ b: Double) -> TemperatureOrder {
            kelvin ? TemperatureOrder.of(a, against: b) : (a < b ? .below : a > b ? .above : .same)
        }
        let first = kelvin ? TemperatureOrder.firstNotBelow(x, lo) : Interpolation.lowerBound(x, lo)
        let last = min(kelvin ? TemperatureOrder.endNotAbove(x, hi) : Interpolation.upperBound(x, hi), n) - 1   // inclusive
        let inside = last - first + 1
        guard inside >= 3 else { return .failure(NoPeakReasonError(reason: .tooFewPoints(max(0, inside)))) }
        var best = first
        for i in first...last where y[i] > y[best] { best = i }
        if isAtEdge(x, best, first: first, last: last) {
            let atStart = x[best] <= x[first]
            // The curve's own end inside the window (a scan that stops, isotherm slices ending at
            // the hottest isotherm) is named as such: the window's edge is elsewhere.
            if atStart, first == 0, order(x[0], lo) == .above { return .failure(NoPeakReasonError(reason: .maximumAtDataEnd(x: x[0], last: false))) }
            if !atStart, last == n - 1, order(x[last], hi) == .below { return .failure(NoPeakReasonError(reason: .maximumAtDataEnd(x: x[last], last: true))) }
            // A point farther from the window's end than the data's step inside (isotherms missing
            // there): "the window's edge" said the peak lay outside, though it may lie in the gap.
            if atStart, x[first] - lo > x[first + 1] - x[first], order(x[first], lo) == .above {
                return .failure(NoPeakReasonError(reason: .maximumPastAGap(x: x[first], edge: lo, last: false, kelvin: kelvin)))
            }
            if !atStart, hi - x[last] > x[last] - x[last - 1], order(x[last], hi) == .below {
                return .failure(NoPeakReasonError(reason: .maximumPastAGap(x: x[last], edge: hi, last: true, kelvin: kelvin)))
            }
            return .failure(NoPeakReasonError(reason: .maximumAtWindowEdge))
        }
        let x0 = x[best]
        var a = best, b = best
        while a > 0, x0 - x[a - 1] <= halfWidth { a -= 1 }
        while b + 1 < n, x[b + 1] - x0 <= halfWidth { b += 1 }
        guard let p = Parabola.fit(x: x, y: y, range: a...b, centre: x0) else {
            return .failure(NoPeakReasonError(reason: .parabolaUnfit))
        }
        guard p.c2 < 0 else { return .failure(NoPeakReasonError(reason: .notConcave)) }
        let dx = -p.c1 / (2 * p.c2)
        guard abs(dx) <= halfWidth, dx.isFinite else { return .failure(NoPeakReasonError(reason: .vertexTooFar)) }
        return .success(LossPeak(x: x0 + dx, y: p.c0 - p.c1 * p.c1 / (4 * p.c2), maxIndex: best))
    }
}

/// A `NoPeakReason` as an `Error`, so peak searches return `Result`.
public struct NoPeakReasonError: Error, Sendable, Equatable {
    /// The reason.
    public var reason: NoPeakReason
}
