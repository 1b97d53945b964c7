import Foundation

/// What the horizontal shift compares (SPEC §4.3 `tts_on`).
public enum TTSCriterion: String, Sendable, Equatable, CaseIterable {
    /// log10 E' and log10 E'' together (the default).
    case moduli
    /// log10 E' only.
    case storage
    /// log10 E'' only.
    case loss
    /// log10 tan δ only (no vertical shift changes it).
    case tanDelta = "tan-delta"

    /// The spellings accepted by `--tts-on` and study.toml `tts_on`.
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The vertical shift b_T applied with the horizontal one (SPEC §4.3 `vertical_shift`).
public enum TTSVerticalShift: String, Sendable, Equatable, CaseIterable {
    /// No vertical shift (the default): log10 b_T = 0.
    case none
    /// b_T = T_ref/T (constant density ρ·T correction).
    case temperature
    /// log10 b_T fitted with log10 a_T (closed form for each horizontal candidate).
    case fit

    /// The spellings accepted by `--vertical-shift` and study.toml `vertical_shift`.
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The compared quantity of one isotherm: log10 f and one or two log10 channels (points where
/// every compared quantity is > 0, SPEC §4.3 exact rules).
struct TTSTrack: Sendable {
    let x: [Double]
    let a: [Double]
    /// Second channel (E' of `moduli`); empty for one-channel criteria.
    let b: [Double]
    var channels: Int { b.isEmpty ? 1 : 2 }
    var span: Double { (x.last ?? 0) - (x.first ?? 0) }

    /// `body(xn, la, sa, xc, lc, sc)` on unchecked buffers of the neighbour's columns (x, a, b)
    /// and the candidate's: the inner loops of the searches.
    @inline(__always)
    static func withBuffers<R>(_ c: TTSTrack, _ nb: TTSTrack, _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                                                   UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                                                   UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> R) -> R {
        nb.x.withUnsafeBufferPointer { xn in
            nb.a.withUnsafeBufferPointer { la in
                nb.b.withUnsafeBufferPointer { sa in
                    c.x.withUnsafeBufferPointer { xc in
                        c.a.withUnsafeBufferPointer { lc in
                            c.b.withUnsafeBufferPointer { sc in body(xn, la, sa, xc, lc, sc) }
                        }
                    }
                }
            }
        }
    }
}

/// The overlap of a candidate at one horizontal shift against its neighbour.
struct TTSOverlap: Sendable {
    /// The mean cost (infinity with fewer than 3 overlapping points).
    var cost: Double
    /// Overlapping points.
    var n: Int
    /// Mean over the overlap and the channels of (neighbour − candidate) log values: the
    /// closed-form vertical shift of the candidate relative to the neighbour (`fit`).
    var meanDifference: Double
}

extension TimeTemperatureSuperposition {
    /// Coarse steps of the bracketing search are at most this many grid steps.
    static let maximumCoarseFactor = 16

    /// The SPEC §4.3 overlap of `c` shifted by `delta` decades (and by `offset` decades
    /// vertically) against `nb`: the mean over the candidate's points inside the neighbour's
    /// log10 f range of the squared channel differences (the neighbour interpolated linearly in
    /// log10 f); with `fit`, after the vertical shift that minimises it (the mean difference).
    @inline(__always)
    static func overlap(_ c: TTSTrack, _ nb: TTSTrack, delta: Double, offset: Double = 0, fit: Bool = false) -> TTSOverlap {
        guard nb.x.count >= 2, c.channels == nb.channels else { return TTSOverlap(cost: .infinity, n: 0, meanDifference: 0) }
        let two = c.channels == 2
        // Unchecked buffers: this is the inner loop of the grid search.
        return TTSTrack.withBuffers(c, nb) { xn, la, sa, xc, lc, sc in
            let lo = xn[0], hi = xn[xn.count - 1]
            var j = 0, n = 0, sum = 0.0, s1 = 0.0
            for i in 0..<xc.count {
                let q = xc[i] + delta
                if q < lo { continue }
                if q > hi { break }
                while j + 2 < xn.count, xn[j + 1] < q { j += 1 }
                let w = xn[j + 1] - xn[j]
                let t = w > 0 ? (q - xn[j]) / w : 0
                let da = (lc[i] + offset) - (la[j] + t * (la[j + 1] - la[j]))
                if two {
                    let db = (sc[i] + offset) - (sa[j] + t * (sa[j + 1] - sa[j]))
                    sum += da * da + db * db
                    s1 += da + db
                } else {
                    sum += da * da
                    s1 += da
                }
                n += 1
            }
            guard n >= minimumOverlap else { return TTSOverlap(cost: .infinity, n: n, meanDifference: 0) }
            let values = Double(n * (two ? 2 : 1))
            let mean = -s1 / values
            let cost = fit ? max(0, sum - s1 * s1 / values) / Double(n) : sum / Double(n)
            return TTSOverlap(cost: cost, n: n, meanDifference: mean)
        }
    }

    /// The grid indices k (shift k·0.005 decade) of the global search: ± the neighbour's span,
    /// narrowed to the shifts that can put 3 candidate points inside the neighbour's range
    /// (the others cannot score, so the minimum is unchanged). Nil when none can.
    static func gridRange(_ c: TTSTrack, _ nb: TTSTrack) -> ClosedRange<Int>? {
        let span = max(nb.span, gridStepDecades)
        let steps = Int((span / gridStepDecades).rounded(.up))
        guard c.x.count >= minimumOverlap, let xLo = nb.x.first, let xHi = nb.x.last else { return nil }
        let dMin = xLo - c.x[c.x.count - minimumOverlap], dMax = xHi - c.x[minimumOverlap - 1]
        guard dMin.isFinite, dMax.isFinite, abs(dMin) < 1e6, abs(dMax) < 1e6 else { return nil }
        let kLo = max(-steps, Int((dMin / gridStepDecades).rounded(.down)) - 1)
        let kHi = min(steps, Int((dMax / gridStepDecades).rounded(.up)) + 1)
        return kLo <= kHi ? kLo...kHi : nil
    }

    /// Golden-section refinement of the grid minimum inside its cell (SPEC §4.3 "then refine").
    static func refineInCell(_ bestD: Double, _ best: Double, step: Double, cost: (Double) -> Double) -> Double {
        var lo = bestD - step, hi = bestD + step
        let g = (sqrt(5.0) - 1) / 2
        var p = hi - g * (hi - lo), q = lo + g * (hi - lo)
        var fp = cost(p), fq = cost(q)
        while hi - lo > 1e-7 {
            if fp <= fq { hi = q; q = p; fq = fp; p = hi - g * (hi - lo); fp = cost(p) } else {
                lo = p; p = q; fp = fq; q = lo + g * (hi - lo); fq = cost(q)
            }
        }
        let mid = (lo + hi) / 2, fm = cost(mid)
        return fm <= best ? mid : bestD
    }

    /// The shift of `c` relative to `nb` (decades) by the full SPEC §4.3 search: every point of
    /// the 0.005-decade grid, then golden section inside the best cell. The reference the faster
    /// ``relativeShift(_:_:offset:fit:)`` is tested (and benchmarked) against.
    static func fullGridShift(_ c: TTSTrack, _ nb: TTSTrack, offset: Double = 0, fit: Bool = false) -> Double? {
        guard let range = gridRange(c, nb) else { return nil }
        var best = Double.infinity, bestD = 0.0
        for k in range {
            let d = Double(k) * gridStepDecades
            let v = overlap(c, nb, delta: d, offset: offset, fit: fit).cost
            if v < best { best = v; bestD = d }
        }
        guard best.isFinite else { return nil }
        return refineInCell(bestD, best, step: gridStepDecades) { overlap(c, nb, delta: $0, offset: offset, fit: fit).cost }
    }

    /// The coarse step of the bracketing search, in grid steps: half the median point spacing of
    /// the two curves (the cost is piecewise smooth between the shifts where a point crosses a
    /// neighbour's point or the overlap's edge, which are about one spacing apart), 1…16.
    static func coarseFactor(_ c: TTSTrack, _ nb: TTSTrack) -> Int {
        var gaps: [Double] = []
        for x in [c.x, nb.x] where x.count >= 2 { for i in 1..<x.count { gaps.append(x[i] - x[i - 1]) } }
        guard !gaps.isEmpty else { return 1 }
        gaps.sort()
        let median = gaps[gaps.count / 2]
        guard median.isFinite, median > 0 else { return 1 }
        return min(max(1, Int((median / 2 / gridStepDecades).rounded(.down))), maximumCoarseFactor)
    }

    /// Grid indices next to which the overlap changes (a candidate point enters or leaves the
    /// neighbour's range): the cost jumps there and is continuous (piecewise quadratic) between.
    static func overlapEvents(_ c: TTSTrack, _ nb: TTSTrack, in range: ClosedRange<Int>) -> [Int] {
        guard let lo = nb.x.first, let hi = nb.x.last else { return [] }
        var ks: [Int] = []
        for x in c.x {
            for edge in [lo - x, hi - x] {
                let k = (edge / gridStepDecades).rounded(.down)
                guard k.isFinite, k >= Double(range.lowerBound) - 1, k <= Double(range.upperBound) + 1 else { continue }
                ks.append(Int(k))
            }
        }
        return ks
    }

    /// Coarse candidates kept for the fine scan besides the best: those whose sampled cost is
    /// within this factor of the best sampled cost.
    static let candidateFactor = 1.25
    /// And at least this many of the lowest candidates.
    static let minimumCandidates = 4
    /// Candidates with at most this many points are searched on the full grid (cheap anyway).
    static let smallCurve = 16
    /// Relative difference below which two sampled costs are a plateau.
    static let plateau = 1e-9

    /// The same shift as ``fullGridShift(_:_:offset:fit:)``, cheaper: by branch and bound
    /// (``boundedShift(_:_:offset:)``) where its bound applies, else by bracketing. The grid is sampled every
    /// `m` points (``coarseFactor(_:_:)``) and on both sides of every shift where the overlap
    /// changes (``overlapEvents(_:_:in:)``: the cost jumps only there, so each tooth of a
    /// sawtooth-like cost has its lowest end sampled). The samples that are no higher than their
    /// sampled neighbours are candidates; the full 0.005-decade grid is then scanned from the
    /// second sample before to the second sample after each of the most promising candidates (ranked by the vertex of the parabola through
    /// a candidate and its neighbours: at least 4, and all promising within 1.25× of the lowest
    /// sampled cost). Ties keep the lowest shift, as the full scan does.
    static func relativeShift(_ c: TTSTrack, _ nb: TTSTrack, offset: Double = 0, fit: Bool = false) -> Double? {
        if boundedSearchApplies(c, nb, fit: fit) { return boundedShift(c, nb, offset: offset) }
        guard let range = gridRange(c, nb) else { return nil }
        let m = coarseFactor(c, nb)
        if m <= 2 || range.count <= 8 * m || c.x.count <= smallCurve { return fullGridShift(c, nb, offset: offset, fit: fit) }
        var sampled = [Bool](repeating: false, count: range.count)
        for k in stride(from: range.lowerBound, through: range.upperBound, by: m) { sampled[k - range.lowerBound] = true }
        sampled[range.count - 1] = true
        for e in overlapEvents(c, nb, in: range) {
            for k in e...(e + 1) where range.contains(k) { sampled[k - range.lowerBound] = true }
        }
        var ks: [Int] = [], costs: [Double] = []
        var known = [Double](repeating: 0, count: range.count)
        for k in range where sampled[k - range.lowerBound] {
            ks.append(k)
            let v = overlap(c, nb, delta: Double(k) * gridStepDecades, offset: offset, fit: fit).cost
            costs.append(v)
            known[k - range.lowerBound] = v
        }
        var candidates: [Int] = []
        var lowest = Double.infinity
        for j in ks.indices where costs[j].isFinite {
            let left = j > 0 ? costs[j - 1] : .infinity, right = j + 1 < ks.count ? costs[j + 1] : .infinity
            if (costs[j] <= left && costs[j] <= right) || !left.isFinite || !right.isFinite { candidates.append(j) }
            lowest = min(lowest, costs[j])
        }
        guard lowest.isFinite else { return nil }
        // Each candidate's promise: the vertex of the parabola through it and its two sampled
        // neighbours when that is convex (exact on a quadratic stretch), else its own cost.
        var promise = [Double](repeating: .infinity, count: ks.count)
        for j in candidates {
            promise[j] = costs[j]
            guard j > 0, j + 1 < ks.count, costs[j - 1].isFinite, costs[j + 1].isFinite else { continue }
            let x0 = Double(ks[j - 1] - ks[j]), x2 = Double(ks[j + 1] - ks[j])
            let y0 = costs[j - 1] - costs[j], y2 = costs[j + 1] - costs[j]
            // y = a x² + b x through (0, 0), (x0, y0), (x2, y2).
            let det = x0 * x2 * (x0 - x2)
            guard det != 0 else { continue }
            let a = (y0 * x2 - y2 * x0) / det, b = (y2 * x0 * x0 - y0 * x2 * x2) / det
            if a > 0 { promise[j] = max(0, costs[j] - b * b / (4 * a)) }
        }
        candidates.sort { promise[$0] != promise[$1] ? promise[$0] < promise[$1] : $0 < $1 }
        var marked = [Bool](repeating: false, count: range.count)
        for (rank, j) in candidates.enumerated() where rank < minimumCandidates || promise[j] <= lowest * candidateFactor {
            // Two samples either side (a bumpy cost can dip between two samples on one slope); across a plateau (samples equal to rounding) up to
            // the samples beyond it, where the fine minimum is a matter of the last bits.
            var l = j - 2, r = j + 2
            while l > 0, costs[l] <= costs[j] * (1 + plateau) { l -= 1 }
            while r + 1 < ks.count, costs[r] <= costs[j] * (1 + plateau) { r += 1 }
            let a = l >= 0 ? ks[l] : range.lowerBound, b = r < ks.count ? ks[r] : range.upperBound
            for k in a...b { marked[k - range.lowerBound] = true }
        }
        var best = Double.infinity, bestD = 0.0
        for k in range where marked[k - range.lowerBound] {
            let d = Double(k) * gridStepDecades
            // A sampled point's cost is the same number: not evaluated twice.
            let v = sampled[k - range.lowerBound] ? known[k - range.lowerBound] : overlap(c, nb, delta: d, offset: offset, fit: fit).cost
            if v < best { best = v; bestD = d }
        }
        guard best.isFinite else { return nil }
        return refineInCell(bestD, best, step: gridStepDecades) { overlap(c, nb, delta: $0, offset: offset, fit: fit).cost }
    }
}
