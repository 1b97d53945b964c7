/// The one pass over a curve that ``TransitionCurve`` is prepared by: the W′ estimates at every
/// point (two-pointer sweep over the ±2 K windows), the line's and the parabola's running sums kept
/// at every ``TransitionCurve/blockSize``-th point, and the leaves of the W′ trees.
///
/// The running sums are chains of double-double additions, each waiting for the one before, so
/// they run at the latency of an addition while the W′ estimates run at the width of the core. They
/// are therefore not a pass of their own: the sweep's leading pointer adds every point once, in
/// order, and records the checkpoints as it passes them; the trailing pointer takes its sums from
/// a ring of the leading pointer's past ones. A long curve is cut in two at `m`: the second core
/// first runs the line's bare chain over [0, m), to start its half from the very sums the first
/// half reaches, then sweeps [m, n); the first core sweeps [0, m) with the parabola's sums too and
/// then carries those on through [m, n); m is chosen so that both end together. Every sum is
/// therefore the one of a single pass over the curve, bit for bit.
struct SlopeSweep {
    var lineCheckpoints: [LineSums]
    var higherCheckpoints: [HigherSums]
    var estimates: [Double]
    var bound: SlopeEstimate.Bound
    var maxLeaves: [Int32]
    var minLeaves: [Int32]

    /// Points per batch of the sweep (a multiple of the block size: batches fill whole leaves).
    static let batch = 64

    /// Sums the trailing pointer can take from the leading pointer's past ones (a power of 2; 1 MiB).
    static let ring = 16_384

    /// Curves this long are swept in two halves on two cores.
    static let parallelFrom = 200_000

    /// Where a long curve of n points is cut between the two cores (a multiple of the block size).
    static func cut(_ n: Int) -> Int { (43 * n / 100) / TransitionCurve.blockSize * TransitionCurve.blockSize }

    /// Sweeps the curve (x, y); `alongside` runs on the second core once its half is done (it
    /// ends a little before the first), or after the sweep for a short curve; its result in `extra`.
    init<E: Sendable>(_ x: [Double], _ y: [Double], ref: Double, alongside: @escaping @Sendable () -> E, extra: inout E?) {
        let n = x.count, bs = TransitionCurve.blockSize
        let slots = n / bs + 1
        var line = [LineSums](repeating: LineSums(), count: slots)
        var higher = [HigherSums](repeating: HigherSums(), count: slots)
        var bound = SlopeEstimate.Bound()
        var leaves: [ArgTree.Leaves] = []
        let s = [Double](unsafeUninitializedCapacity: n) { buffer, count in
            LargeBuffer.adviseHugePages(buffer)
            let estimates = buffer.baseAddress
            line.withUnsafeMutableBufferPointer { lb in
                higher.withUnsafeMutableBufferPointer { hb in
                    let out = SweepOutput(estimates: estimates, line: lb.baseAddress, higher: hb.baseAddress)
                    if n >= SlopeSweep.parallelFrom {
                        // First core: the sweep of [0, m) with the parabola's sums, then those sums
                        // on through [m, n). Second core: the line's sums over [0, m), then the
                        // sweep of [m, n). Measured a point (10^6-point curve, this machine): sweep
                        // 44 ns, parabola's sums 11 ns, line's sums alone 12 ns, so
                        // 55·m + 11·(n − m) = 12·m + 44·(n − m) at m ≈ 0.43·n.
                        let m = SlopeSweep.cut(n)
                        let (a, b) = ConcurrentPair.run(
                            { () -> (SlopeEstimate.Bound, ArgTree.Leaves) in
                                let a = SlopeSweep.segment(0..<m, x, y, ref, start: Start(), parabola: true, out)
                                SlopeSweep.parabolaSums(from: m, x, y, ref, a.2, out)
                                return (a.0, a.1)
                            },
                            { () -> ((SlopeEstimate.Bound, ArgTree.Leaves, HigherSums), E) in
                                let b = SlopeSweep.segment(m..<n, x, y, ref, start: Start(x, y, ref, at: m), parabola: false, out)
                                return (b, alongside())
                            })
                        bound = a.0; bound.merge(b.0.0)
                        leaves = [a.1, b.0.1]
                        extra = b.1
                    } else if n > 0 {
                        let a = SlopeSweep.segment(0..<n, x, y, ref, start: Start(), parabola: true, out)
                        bound = a.0
                        leaves = [a.1]
                    }
                }
            }
            count = n
        }
        if extra == nil { extra = alongside() }
        lineCheckpoints = line
        higherCheckpoints = higher
        estimates = s
        self.bound = bound
        maxLeaves = leaves.flatMap(\.largest)
        minLeaves = leaves.flatMap(\.smallest)
    }

    /// Where a segment starts: the line's running sums over 0..<m (leading pointer) and over
    /// 0..<lo, the first point within 2 K of x[m] (trailing pointer).
    struct Start: Sendable {
        var lo = 0
        var low = LineSums()
        var line = LineSums()

        init() {}

        /// By the bare chain over 0..<m.
        init(_ x: [Double], _ y: [Double], _ ref: Double, at m: Int) {
            lo = Interpolation.lowerBound(x, x[m] - TransitionCurve.slopeHalfWidthK)
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeBufferPointer { yb in
                    for i in 0..<m {
                        if i == lo { low = line }
                        line.add(xb[i] - ref, yb[i])
                    }
                }
            }
            if lo == m { low = line }
        }
    }

    /// The parabola's running sums from `start` (the sums over 0..<m) on to the end of the curve,
    /// with their checkpoints from m on (m a multiple of the block size).
    static func parabolaSums(from m: Int, _ x: [Double], _ y: [Double], _ ref: Double, _ start: HigherSums, _ out: SweepOutput) {
        guard let higherOut = out.higher else { return }
        let n = x.count, bs = TransitionCurve.blockSize
        var sums = start
        higherOut[m / bs] = sums
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                var i = m
                while i < n {
                    sums.add(xb[i] - ref, yb[i])
                    i += 1
                    if i % bs == 0 { higherOut[i / bs] = sums }
                }
            }
        }
    }

    /// W′ at the points of `r`, written to `out`; the checkpoints at the multiples of the block size
    /// in `r` (the last segment: up to n); the bound and the tree leaves of `r`.
    static func segment(_ r: Range<Int>, _ x: [Double], _ y: [Double], _ ref: Double, start: Start, parabola: Bool,
                        _ out: SweepOutput) -> (SlopeEstimate.Bound, ArgTree.Leaves, HigherSums) {
        let n = x.count, bs = TransitionCurve.blockSize, h = TransitionCurve.slopeHalfWidthK
        let recordEnd = r.upperBound == n ? n : r.upperBound - 1
        var bound = SlopeEstimate.Bound()
        var leaves = ArgTree.Leaves()
        guard let o = out.estimates, let lineOut = out.line, let higherOut = out.higher else { return (bound, ArgTree.Leaves(), HigherSums()) }
        // The parabola's sums (when this segment keeps them) over 0..<r.upperBound at most.
        let higherEnd = parabola ? r.upperBound : r.lowerBound
        var higher = HigherSums()
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                var lo = start.lo, hi = r.lowerBound
                var sLo = start.low, sHi = start.line
                // The trailing pointer's sums are sums the leading pointer held a window earlier:
                // kept in a ring of the last `ring` of them (ringFrom: the oldest index it holds).
                // Only a window of more points than that (or the start of a segment, before the
                // leading pointer's own first sums) adds them up a second time.
                var chained = start.lo, chainedSums = start.low
                var ringFrom = hi
                if hi % bs == 0 {
                    lineOut[hi / bs] = sHi
                    if parabola { higherOut[hi / bs] = higher }
                }
                withUnsafeTemporaryAllocation(of: LineSums.self, capacity: ring) { kept in
                    kept[hi & (ring - 1)] = sHi
                    @inline(__always) func lead() {
                        let u = xb[hi] - ref, w = yb[hi]
                        sHi.add(u, w)
                        if hi < higherEnd { higher.add(u, w) }
                        hi += 1
                        kept[hi & (ring - 1)] = sHi
                        if hi - ringFrom >= ring { ringFrom = hi - ring + 1 }
                        if hi % bs == 0, hi <= recordEnd {
                            lineOut[hi / bs] = sHi
                            if hi <= higherEnd { higherOut[hi / bs] = higher }
                        }
                    }
                    @inline(__always) func advance(_ k: Int) {
                        while lo < n, xb[lo] < xb[k] - h { lo += 1 }
                        while hi < k { lead() }
                        while hi < n, xb[hi] <= xb[k] + h { lead() }
                        if lo >= ringFrom {
                            sLo = kept[lo & (ring - 1)]
                        } else {
                            while chained < lo { chainedSums.add(xb[chained] - ref, yb[chained]); chained += 1 }
                            sLo = chainedSums
                        }
                    }
                    // In batches: first the running sums at each point of the batch (chains of
                    // additions, each waiting for the one before), then the estimates (independent of
                    // one another, two at a time in the vector unit), so that neither waits on the other.
                    withUnsafeTemporaryAllocation(of: LineSums.self, capacity: 2 * batch) { snap in
                        withUnsafeTemporaryAllocation(of: Int.self, capacity: batch) { counts in
                            var k = r.lowerBound
                            while k < r.upperBound {
                                let end = min(k + batch, r.upperBound)
                                for j in 0..<(end - k) {
                                    advance(k + j)
                                    snap[2 * j] = sLo; snap[2 * j + 1] = sHi; counts[j] = hi - lo
                                }
                                var j = 0
                                while j < end - k {
                                    let two = j + 1 < end - k, i = two ? j + 1 : j      // an odd last point: lane 1 idle
                                    let (f0, f1) = SlopeEstimate.pair(snap[2 * j], snap[2 * j + 1], counts[j],
                                                                      snap[2 * i], snap[2 * i + 1], two ? counts[i] : 0, ref, &bound)
                                    (o + k + j).initialize(to: f0)
                                    if two { (o + k + j + 1).initialize(to: f1) }
                                    j += 2
                                }
                                leaves.append(UnsafeBufferPointer(start: o, count: n), k..<end)
                                k = end
                            }
                        }
                    }
                }
            }
        }
        return (bound, leaves, higher)
    }
}

/// Where the segments write: each its own points' estimates and its own checkpoints.
struct SweepOutput: @unchecked Sendable {
    let estimates: UnsafeMutablePointer<Double>?
    let line: UnsafeMutablePointer<LineSums>?
    let higher: UnsafeMutablePointer<HigherSums>?
}
