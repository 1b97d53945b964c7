/// Picks the heating part of a temperature series and applies the documented rule for
/// small reversals (SPEC §2.4).
///
/// Rule: inside a heating run, a point whose temperature does not exceed the running maximum
/// is instrument noise when it lies at most `reversalToleranceK` below that maximum; such
/// points are dropped (the first point at a temperature is kept) and one warning names the
/// file and the count. A larger fall is an error naming the line.
public enum HeatingSegment {
    /// Largest fall below the running maximum that counts as noise, K.
    public static let reversalToleranceK = 0.5
    /// Turning threshold when splitting an instrument file into heating and cooling runs, K.
    public static let turnThresholdK = 1.0

    /// Index ranges of the monotone runs of `t` with hysteresis `turnThresholdK`;
    /// each range runs from a turning point to the next extreme (inclusive).
    public static func runs(_ t: [Double]) -> [(range: ClosedRange<Int>, rising: Bool)] {
        guard t.count >= 2 else { return [] }
        var out: [(ClosedRange<Int>, Bool)] = []
        var start = 0
        var ext = 0
        var rising: Bool? = nil
        for i in 1..<t.count {
            switch rising {
            case nil:
                if t[i] > t[start] + turnThresholdK { rising = true; ext = i }
                else if t[i] < t[start] - turnThresholdK { rising = false; ext = i }
                else if t[i] < t[start] { start = i }   // keep the lowest start of a rise
            case true?:
                if t[i] > t[ext] { ext = i } else if t[i] < t[ext] - turnThresholdK {
                    out.append((start...ext, true)); start = ext; ext = i; rising = false
                }
            case false?:
                if t[i] < t[ext] { ext = i } else if t[i] > t[ext] + turnThresholdK {
                    out.append((start...ext, false)); start = ext; ext = i; rising = true
                }
            }
        }
        if let r = rising { out.append((start...ext, r)) }
        return out
    }

    /// Indexes to keep from a series that must rise, applying the reversal rule.
    /// - Returns: kept indexes and the number dropped.
    public static func rising(_ t: [Double], lines: [Int], file: String) throws -> (keep: KeptRows, dropped: Int) {
        // The list of kept rows is only written from the first dropped row on: a clean run (the
        // common case) keeps every row and needs no list (8 MB less for 10^6 rows).
        var list: [Int]?
        guard let first = t.first else { return (KeptRows(count: 0), 0) }
        var maxT = first
        var dropped = 0
        for i in 1..<t.count {
            if t[i] > maxT { list?.append(i); maxT = t[i]; continue }
            if t[i] >= maxT - reversalToleranceK {
                if list == nil { list = Array(0..<i); list?.reserveCapacity(t.count) }
                dropped += 1
                continue
            }
            throw GlassError(file: file, line: lines[i],
                             String(format: "temperature falls from %.3f K to %.3f K; expected a heating run (temperature rising; falls up to %.1f K are tolerated as noise)", maxT, t[i], reversalToleranceK))
        }
        return (list.map { KeptRows(rows: $0) } ?? KeptRows(count: t.count), dropped)
    }
}

/// Isothermal holds and the ramp rate (SPEC §2.4).
///
/// Rule: with r the ramp rate (stated, or estimated as below), a hold is a stretch of at least
/// `holdMinimumMin` over which T rises slower than `holdRateFraction` × r (or falls). It is found
/// on g(t) = T − 0.1·r·t, which falls exactly where dT/dt < 0.1·r: a point belongs to a hold when
/// g there is below an earlier g of the run and above a later one (so instrument noise around a
/// rising ramp never makes one, and a hold's edges are sharp to the noise over 0.1·r). The first
/// and last point of the context count as "earlier" and "later" of themselves.
///
/// Rate estimate when none is stated: start from the chord of the run (≤ the ramp rate, since
/// holds only slow it), find the holds, fit one slope of T on time with one intercept per ramp
/// piece (pooled least squares, so a hold inside a run shifts no piece), and repeat until the
/// holds found no longer change (at most 8 rounds). Then the turns into and out of each ramp
/// piece (the instrument's lag: the rate builds up or dies away) leave the fit: from each end of
/// a piece, points are passed over while the chord over the next `turnWindowMin` differs from the
/// rate by more than `turnTolerance`; the final rate is the pooled fit of what remains, when that
/// keeps at least half of the ramp's points (else the untrimmed fit stands). The curve keeps
/// those points: they are part of the ramp, only not of its rate.
public enum IsothermalHolds {
    /// A hold is slower than this fraction of the ramp rate.
    public static let holdRateFraction = 0.1
    /// A hold lasts at least this long, min.
    public static let holdMinimumMin = 1.0
    /// Window of the chord that tells a turn from the ramp, min.
    public static let turnWindowMin = 0.5
    /// Relative difference from the ramp rate that marks a turn.
    public static let turnTolerance = 0.05

    /// Holds (index ranges into `time`/`temp`) among `context`, given ramp rate `rate` (K/min,
    /// time in min).
    public static func holds(time: [Double], temp: [Double], context: Range<Int>, rate: Double) -> [Range<Int>] {
        let lo = context.lowerBound, hi = context.upperBound
        guard hi - lo >= 2, rate > 0, rate.isFinite else { return [] }
        let k = holdRateFraction * rate
        let t0 = time[lo], T0 = temp[lo]
        @inline(__always) func g(_ i: Int) -> Double { (temp[i] - T0) - k * (time[i] - t0) }
        // Later minimum of g, from the right.
        var laterMin = [Double](repeating: 0, count: hi - lo)
        var m = Double.infinity
        for i in stride(from: hi - 1, through: lo, by: -1) {
            laterMin[i - lo] = m
            m = min(m, g(i))
        }
        var out: [Range<Int>] = []
        var earlierMax = -Double.infinity
        var start: Int? = nil
        func close(_ end: Int) {
            if let s = start, end - s >= 2, time[end - 1] - time[s] >= holdMinimumMin - 1e-9 { out.append(s..<end) }
            start = nil
        }
        for i in lo..<hi {
            let gi = g(i)
            let below = i == lo || gi < earlierMax
            let above = i == hi - 1 || gi > laterMin[i - lo]
            if below && above {
                if start == nil { start = i }
            } else {
                close(i)
            }
            earlierMax = max(earlierMax, gi)
        }
        close(hi)
        return out
    }

    /// `piece` without its turns: the points from each end whose chord over the next (previous)
    /// `turnWindowMin` is off the rate by more than `turnTolerance` are passed over.
    static func withoutTurns(time: [Double], temp: [Double], piece: Range<Int>, rate: Double) -> Range<Int> {
        let tol = turnTolerance * rate
        var i = piece.lowerBound, j = piece.lowerBound
        while i < piece.upperBound {
            while j < piece.upperBound && time[j] < time[i] + turnWindowMin { j += 1 }
            if j >= piece.upperBound { break }
            if abs((temp[j] - temp[i]) / (time[j] - time[i]) - rate) <= tol { break }
            i += 1
        }
        var e = piece.upperBound - 1, k = e
        while e > i {
            while k > i && time[k] > time[e] - turnWindowMin { k -= 1 }
            if k <= i { break }
            if abs((temp[e] - temp[k]) / (time[e] - time[k]) - rate) <= tol { break }
            e -= 1
        }
        return e > i ? i..<(e + 1) : i..<i
    }

    /// `range` without the holds: the ramp pieces, in order.
    public static func pieces(_ range: Range<Int>, without holds: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var a = range.lowerBound
        for h in holds.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let hs = max(h.lowerBound, range.lowerBound), he = min(h.upperBound, range.upperBound)
            guard hs < he else { continue }
            if hs > a { out.append(a..<hs) }
            a = max(a, he)
        }
        if a < range.upperBound { out.append(a..<range.upperBound) }
        return out
    }

    /// One slope of y on x with one intercept per piece (pooled within-piece least squares), over
    /// the index ranges `pieces` of `x` and `y`; pieces of fewer than 2 points add nothing.
    public static func pooledSlope(x: [Double], y: [Double], pieces: [Range<Int>]) -> Double? {
        var sxy = 0.0, sxx = 0.0
        for p in pieces where p.count >= 2 {
            let n = Double(p.count)
            var mx = 0.0, my = 0.0
            for i in p { mx += x[i]; my += y[i] }
            mx /= n; my /= n
            for i in p { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        }
        return sxx > 0 ? sxy / sxx : nil
    }

    /// Holds and ramp rate of the heating run `range` (time in min), looking at `context` ⊇
    /// `range` so that a hold that the run only touches is measured whole. `statedRate` (K/min)
    /// is used as the ramp rate when given; else the rate is estimated (see the type's notes).
    public static func ramp(time: [Double], temp: [Double], range: Range<Int>, context: Range<Int>,
                            statedRate: Double?) -> (holds: [Range<Int>], rate: Double?) {
        guard range.count >= 2 else { return ([], statedRate) }
        if let r = statedRate { return (holds(time: time, temp: temp, context: context, rate: r), r) }
        let dt = time[range.upperBound - 1] - time[range.lowerBound]
        var rate = dt > 0 ? (temp[range.upperBound - 1] - temp[range.lowerBound]) / dt : 0
        guard rate > 0, rate.isFinite else { return ([], nil) }
        var found: [Range<Int>] = []
        for round in 0..<8 {
            let h = holds(time: time, temp: temp, context: context, rate: rate)
            if round > 0 && h == found { break }
            found = h
            guard let r = pooledSlope(x: time, y: temp, pieces: pieces(range, without: h)), r > 0 else { break }
            rate = r
        }
        // Leave the turns out of the fit (see the type's notes).
        let ps = pieces(range, without: found)
        let total = ps.reduce(0) { $0 + $1.count }
        let trimmed = ps.map { withoutTurns(time: time, temp: temp, piece: $0, rate: rate) }.filter { $0.count >= 2 }
        if 2 * trimmed.reduce(0, { $0 + $1.count }) >= total, let r = pooledSlope(x: time, y: temp, pieces: trimmed), r > 0 {
            rate = r
        }
        return (found, rate)
    }
}

/// The rows a heating run keeps, in order: every row of the run (no list stored), or a list.
public struct KeptRows: RandomAccessCollection, Sendable, Equatable {
    private let all: Int?
    private let rows: [Int]

    /// Every row of a run of `count` rows.
    public init(count: Int) { all = count; rows = [] }
    /// The rows listed.
    public init(rows: [Int]) { all = nil; self.rows = rows }

    public var startIndex: Int { 0 }
    public var endIndex: Int { all ?? rows.count }
    /// The table row of the `i`-th kept point.
    public subscript(i: Int) -> Int { all != nil ? i : rows[i] }
}
