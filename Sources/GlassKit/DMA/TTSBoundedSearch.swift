/// The full-grid TTS shift found by branch and bound (issue 11): blocks of the 0.005-decade grid
/// are ranked by a lower bound of the overlap cost over the block, and only the blocks whose
/// bound does not exceed the lowest cost evaluated so far are split, down to blocks of 8 grid
/// points whose costs are evaluated exactly. The search starts from the cost at the grid shift
/// nearest 0, so that far blocks are dropped at once, and a bound stops summing once it exceeds
/// the lowest cost so far (what it summed is still a bound, and the block is dropped). The grid
/// minimum (ties: the lowest shift) is therefore the full scan's, bit for bit, and so is the
/// golden section that refines it.
///
/// The bound of a block of shifts [δ₁, δ₂]: a candidate point whose shifted log f stays inside
/// the neighbour's range over the whole block, over [a, b] = [x + δ₁, x + δ₂], is compared with
/// the neighbour's linear interpolant somewhere in [a, b], whose values there lie between the
/// least and the largest of its values at a and at b and at the knots between. So its
/// difference lies between the candidate's value minus that largest and minus that least,
/// widened by 2⁻⁴⁴ of the magnitudes (the candidate's value and the neighbour's largest; far more
/// than the roundings of the interpolation and of the bound itself); its square is at least the
/// squared distance of that interval from 0. Points that leave the range within the block count
/// only in the divisor, which is the number of points that can overlap anywhere in the block
/// (the mean over fewer points is larger). The sum of squares is at most 2⁻³⁰ low for the roundings of the
/// direct sum (guarded: at most 2²⁰ points).
///
/// With the fitted vertical shift the cost is a variance: the least over c of the sum of
/// (difference − c)², over the mean number of points. The same intervals bound it: for every c at
/// or below a threshold τ (the mean of the intervals' midpoints) an interval above τ adds at
/// least its distance from τ squared, and for every c at or above τ one below it does, so the
/// smaller of the two sums is at most the least over c. The direct cost subtracts two sums of
/// nearly equal size there, so the bound is also lowered by 8·(number of values)·2⁻⁵³ of the
/// largest the sum of squares can be over the block (its intervals' largest squares, the points
/// that may leave the range included).
///
/// Used on tracks in increasing log f order (the direct cost's merge assumes it; every imported
/// sweep is sorted).
extension TimeTemperatureSuperposition {
    /// Grid points evaluated exactly together (the leaves of the search).
    static let boundedLeaf = 8
    /// The blocks the grid is first cut into.
    static let boundedTop = 64

    /// Whether ``boundedShift(_:_:offset:fit:)`` gives the full-grid shift of this pair.
    static func boundedSearchApplies(_ c: TTSTrack, _ nb: TTSTrack) -> Bool {
        guard c.channels == nb.channels, c.x.count <= 1 << 20, nb.x.count >= 2 else { return false }
        return Interpolation.isAscending(c.x) && Interpolation.isAscending(nb.x)
    }

    /// The shift of ``fullGridShift(_:_:offset:fit:)`` by branch and bound; call only where
    /// ``boundedSearchApplies(_:_:)``.
    static func boundedShift(_ c: TTSTrack, _ nb: TTSTrack, range: ClosedRange<Int>? = nil, offset: Double = 0, fit: Bool = false) -> Double? {
        guard let range = range ?? gridRange(c, nb) else { return nil }
        let knots = BoundKnots(nb)
        var heap = BlockHeap()
        // The cost at the shift nearest 0 first (neighbouring isotherms are seldom far apart):
        // blocks whose bound exceeds it are not kept, and their bounds stop as soon as they do.
        var best = Double.infinity, bestK = Int.max
        let k0 = min(max(0, range.lowerBound), range.upperBound)
        let v0 = overlap(c, nb, delta: Double(k0) * gridStepDecades, offset: offset, fit: fit).cost
        if v0.isFinite { best = v0; bestK = k0 }
        var k = range.lowerBound
        while k <= range.upperBound {
            let end = min(k + boundedTop - 1, range.upperBound)
            let bound = lowerBound(c, nb, knots, k, end, offset: offset, fit: fit, cutoff: best)
            if bound <= best { heap.push(Block(bound: bound, lo: k, hi: end)) }
            k = end + 1
        }
        while let b = heap.pop(), b.bound <= best, b.bound.isFinite {
            if b.hi - b.lo < boundedLeaf {
                for k in b.lo...b.hi {
                    let v = overlap(c, nb, delta: Double(k) * gridStepDecades, offset: offset, fit: fit).cost
                    if v < best || (v == best && k < bestK) { best = v; bestK = k }
                }
                continue
            }
            let size = (b.hi - b.lo + boundedLeaf) / boundedLeaf
            var lo = b.lo
            while lo <= b.hi {
                let hi = min(lo + size - 1, b.hi)
                let bound = lowerBound(c, nb, knots, lo, hi, offset: offset, fit: fit, cutoff: best)
                if bound <= best { heap.push(Block(bound: bound, lo: lo, hi: hi)) }
                lo = hi + 1
            }
        }
        guard best.isFinite else { return nil }
        let bestD = Double(bestK) * gridStepDecades
        return refineInCell(bestD, best, step: gridStepDecades, jumps: overlapJumps(c, nb)) { overlap(c, nb, delta: $0, offset: offset, fit: fit).cost }
    }

    /// A lower bound of the computed cost of `c` against `nb` at every grid shift k1…k2 (infinity
    /// when fewer than 3 points can overlap anywhere in it). Without `fit`, the sum stops once the
    /// bound exceeds `cutoff`: the bound of the points summed so far, lower than the whole's (it
    /// is still a bound, above the cutoff).
    static func lowerBound(_ c: TTSTrack, _ nb: TTSTrack, _ knots: BoundKnots, _ k1: Int, _ k2: Int, offset: Double, fit: Bool = false,
                           cutoff: Double = .infinity) -> Double {
        let d1 = Double(k1) * gridStepDecades, d2 = Double(k2) * gridStepDecades
        let two = c.channels == 2
        let widen = 0x1p-44
        let magA = knots.magnitudeA, magB = knots.magnitudeB
        return knots.withSlopes { slopeA, slopeB in TTSTrack.withBuffers(c, nb) { xn, la, sa, xc, lc, sc in
            let last = xn.count - 1, lo = xn[0], hi = xn[last]
            // Calls `visit(low, high, always)` with the interval of each channel's difference of
            // every point that can overlap in the block (only those overlapping throughout it
            // without `fit`) until it returns false; returns the number of such points (when
            // `visit` never returned false).
            func intervals(_ visit: (Double, Double, Bool) -> Bool) -> Int {
                var possible = 0, ja = 0, jb = 0
                var ua = 0.0, ub = 0.0
                // The candidate's value minus the range of the neighbour's interpolant over [a, b]:
                // its values at a and b (on the segments the direct cost takes for them) and at
                // the knots between, widened.
                func interval(_ v: Double, _ ys: UnsafeBufferPointer<Double>, _ slope: UnsafeBufferPointer<Double>,
                              _ mag: Double, _ table: SparseExtrema) -> (Double, Double) {
                    let ya = ys[ja] + ua * slope[ja], yb = ys[jb] + ub * slope[jb]
                    var mn = min(ya, yb), mx = max(ya, yb)
                    if jb - ja > BoundKnots.scannedKnots {
                        // Many knots between (dense sweeps): from the table, O(1) not O(knots).
                        let e = table.extrema(ja + 1, jb)
                        mn = min(mn, e.least); mx = max(mx, e.largest)
                    } else {
                        var j = ja + 1
                        while j <= jb { mn = min(mn, ys[j]); mx = max(mx, ys[j]); j += 1 }
                    }
                    let w = widen * (abs(v) + mag)
                    return ((v - mx) - w, (v - mn) + w)
                }
                for i in 0..<xc.count {
                    let qa = xc[i] + d1, qb = xc[i] + d2
                    if qb < lo { continue }
                    if qa > hi { break }
                    possible += 1
                    let always = qa >= lo && qb <= hi
                    guard always || fit else { continue }
                    let a = max(qa, lo), b = min(qb, hi)
                    // The segments of a and b: the first whose upper knot is at or above them (as
                    // the direct cost finds them).
                    while ja < last - 1, xn[ja + 1] < a { ja += 1 }
                    if jb < ja { jb = ja }
                    while jb < last - 1, xn[jb + 1] < b { jb += 1 }
                    ua = a - xn[ja]
                    ub = b - xn[jb]
                    let (l1, h1) = interval(lc[i] + offset, la, slopeA, magA, knots.extremaA)
                    guard visit(l1, h1, always) else { return possible }
                    if two {
                        let (l2, h2) = interval(sc[i] + offset, sa, slopeB, magB, knots.extremaB)
                        guard visit(l2, h2, always) else { return possible }
                    }
                }
                return possible
            }
            guard fit else {
                // The divisor first: the points that can overlap anywhere in the block.
                var possible = 0
                for i in 0..<xc.count {
                    if xc[i] + d2 < lo { continue }
                    if xc[i] + d1 > hi { break }
                    possible += 1
                }
                guard possible >= minimumOverlap else { return .infinity }
                // Each difference's squared distance from 0, until the sum passes the cutoff's.
                let stop = cutoff * Double(possible)
                var sum = 0.0
                _ = intervals { low, high, _ in
                    let d = low > 0 ? low : (high < 0 ? -high : 0)
                    sum += d * d
                    return !(sum > stop)
                }
                return sum / Double(possible) * (1 - 0x1p-30)
            }
            var mid = 0.0, count = 0, largest = 0.0
            let possible = intervals { low, high, always in
                largest += max(low * low, high * high)
                if always { mid += (low + high) / 2; count += 1 }
                return true
            }
            guard possible >= minimumOverlap else { return .infinity }
            guard count > 0 else { return 0 }
            let tau = mid / Double(count)
            var above = 0.0, below = 0.0
            _ = intervals { low, high, always in
                guard always else { return true }
                if low > tau { above += (low - tau) * (low - tau) }
                if high < tau { below += (tau - high) * (tau - high) }
                return true
            }
            let values = Double(possible * (two ? 2 : 1))
            let slack = 8 * values * 0x1p-53 * largest * (1 + 0x1p-30)
            return max(0, min(above, below) * (1 - 0x1p-30) - slack) / Double(possible)
        } }
    }

    /// What the bounds of one pair need of the neighbour, computed once for all its blocks: each
    /// channel's slope on every segment (0 on a segment of zero width, where the direct cost takes
    /// the lower knot's value), with which the interpolant at a point is found without a division,
    /// and the largest magnitude of its values, which scales the widening. The interpolant's value
    /// found this way differs from the direct cost's by a few roundings of that magnitude, far
    /// below the widening.
    struct BoundKnots {
        let slopeA: [Double]
        let slopeB: [Double]
        let magnitudeA: Double
        let magnitudeB: Double
        /// The neighbour's values by runs, for a bound whose span holds many knots (a top block of
        /// 0.32 decade over a sweep of thousands of frequencies scanned ~0.08·F knots a point).
        let extremaA: SparseExtrema
        let extremaB: SparseExtrema
        /// Up to this many knots between a and b are scanned; more are taken from the tables.
        static let scannedKnots = 16

        init(_ nb: TTSTrack) {
            func slopes(_ ys: [Double]) -> [Double] {
                guard ys.count >= 2 else { return [0] }
                return (0..<(ys.count - 1)).map { j in
                    let w = nb.x[j + 1] - nb.x[j]
                    return w > 0 ? (ys[j + 1] - ys[j]) / w : 0
                }
            }
            slopeA = slopes(nb.a)
            slopeB = nb.b.isEmpty ? [] : slopes(nb.b)
            magnitudeA = nb.a.reduce(0) { max($0, abs($1)) }
            magnitudeB = nb.b.reduce(0) { max($0, abs($1)) }
            // Only a dense sweep needs them: a short one is scanned within the scanned knots.
            let dense = nb.a.count > BoundKnots.scannedKnots + 1
            extremaA = SparseExtrema(dense ? nb.a : [])
            extremaB = SparseExtrema(dense ? nb.b : [])
        }

        /// `body(slopeA, slopeB)` on unchecked buffers.
        func withSlopes<R>(_ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> R) -> R {
            slopeA.withUnsafeBufferPointer { a in slopeB.withUnsafeBufferPointer { b in body(a, b) } }
        }
    }

    /// A block of grid shifts lo...hi and its bound.
    struct Block {
        var bound: Double
        var lo: Int
        var hi: Int
        /// Lower bounds first; among equal bounds the lower shifts (no effect on the result).
        func precedes(_ o: Block) -> Bool { bound != o.bound ? bound < o.bound : lo < o.lo }
    }

    /// A binary min-heap of blocks.
    struct BlockHeap {
        private var items: [Block] = []

        mutating func push(_ b: Block) {
            items.append(b)
            var i = items.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard items[i].precedes(items[p]) else { break }
                items.swapAt(i, p)
                i = p
            }
        }

        mutating func pop() -> Block? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            guard !items.isEmpty else { return top }
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].precedes(items[m]) { m = l }
                if r < items.count, items[r].precedes(items[m]) { m = r }
                guard m != i else { break }
                items.swapAt(i, m)
                i = m
            }
            return top
        }
    }
}
