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
    static func cut(_ n: Int) -> Int { (40 * n / 100) / TransitionCurve.blockSize * TransitionCurve.blockSize }

    /// Sweeps the curve (x, y); `alongside` runs on the second core once its half is done (it
    /// ends a little before the first), or after the sweep for a short curve; its result in `extra`.
    init<E: Sendable>(_ x: [Double], _ y: [Double], ref: Double, alongside: @escaping @Sendable () -> E, extra: inout E?) {
        let n = x.count, bs = TransitionCurve.blockSize
        let slots = n / bs + 1
        var bound = SlopeEstimate.Bound()
        var leaves: [ArgTree.Leaves] = []
        var s: [Double] = []
        var higher: [HigherSums] = []
        // The checkpoints are left unwritten here: the segments write every one of them (slot
        // n / bs included), so their pages are first touched by the two cores, not zeroed by one.
        LargeBuffer.adviseAhead(bytes: n * 8 + slots * (MemoryLayout<LineSums>.stride + MemoryLayout<HigherSums>.stride))
        let line = [LineSums](unsafeUninitializedCapacity: slots) { lb, lineCount in
            LargeBuffer.adviseHugePages(lb)
            higher = [HigherSums](unsafeUninitializedCapacity: slots) { hb, higherCount in
                LargeBuffer.adviseHugePages(hb)
                if n == 0 { lb[0] = LineSums(); hb[0] = HigherSums() }
                s = [Double](unsafeUninitializedCapacity: n) { buffer, count in
                    LargeBuffer.adviseHugePages(buffer)
                    let out = SweepOutput(estimates: buffer.baseAddress, line: lb.baseAddress, higher: hb.baseAddress)
                    if n >= SlopeSweep.parallelFrom {
                        // First core: the sweep of [0, m) with the parabola's sums, then those sums
                        // on through [m, n). Second core: the line's sums over [0, m), then the
                        // sweep of [m, n), then `alongside` (the trees and the running integral's
                        // checkpoints of W, about 2 ms). Measured a point (10^6-point curve, this
                        // machine): sweep with the parabola's sums 33 ns, without 24 ns, the
                        // parabola's sums alone 12 ns, the line's alone 9 ns, so
                        // 33·m + 12·(n − m) = 9·m + 24·(n − m) + 2 ms near m ≈ 0.39·n (perf at
                        // 0.48·n: the first core 3 ms longer than the second).
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
                    count = n
                }
                higherCount = slots
            }
            lineCount = slots
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
        guard let o = out.estimates, let lineOut = out.line, let higherOut = out.higher else { return (SlopeEstimate.Bound(), ArgTree.Leaves(), HigherSums()) }
        return x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                withUnsafeTemporaryAllocation(of: LineSums.self, capacity: ring) { kept in
                    guard let xp = xb.baseAddress, let yp = yb.baseAddress, let keptBase = kept.baseAddress else {
                        return (SlopeEstimate.Bound(), ArgTree.Leaves(), HigherSums())
                    }
                    var cursor = Cursor(x: xp, y: yp, n: x.count, ref: ref, r: r, start: start, parabola: parabola,
                                        kept: keptBase, lineOut: lineOut, higherOut: higherOut)
                    return cursor.sweep(into: o)
                }
            }
        }
    }

    /// The two pointers of a segment's sweep and the sums they hold (a value of its own, so that
    /// its parts are plain registers and stack slots to the compiler).
    struct Cursor {
        let x: UnsafePointer<Double>, y: UnsafePointer<Double>
        let n: Int, ref: Double, r: Range<Int>
        /// The last point whose sums are recorded as a checkpoint; the parabola's sums are added up to `higherEnd`.
        let recordEnd: Int, higherEnd: Int
        let kept: UnsafeMutablePointer<LineSums>
        let lineOut: UnsafeMutablePointer<LineSums>, higherOut: UnsafeMutablePointer<HigherSums>
        var lo: Int, hi: Int
        var sLo: LineSums, sHi: LineSums
        var higher = HigherSums()
        // The trailing pointer's sums are sums the leading pointer held a window earlier: kept in a
        // ring of the last `ring` of them (ringFrom: the oldest index it holds). Only a window of more
        // points than that (or the start of a segment, before the leading pointer's own first sums)
        // adds them up a second time.
        var chained: Int, chainedSums: LineSums
        var ringFrom: Int

        init(x: UnsafePointer<Double>, y: UnsafePointer<Double>, n: Int, ref: Double, r: Range<Int>, start: Start, parabola: Bool,
             kept: UnsafeMutablePointer<LineSums>, lineOut: UnsafeMutablePointer<LineSums>, higherOut: UnsafeMutablePointer<HigherSums>) {
            self.x = x; self.y = y; self.n = n; self.ref = ref; self.r = r
            recordEnd = r.upperBound == n ? n : r.upperBound - 1
            higherEnd = parabola ? r.upperBound : r.lowerBound
            self.kept = kept; self.lineOut = lineOut; self.higherOut = higherOut
            lo = start.lo; hi = r.lowerBound
            sLo = start.low; sHi = start.line
            chained = start.lo; chainedSums = start.low
            ringFrom = hi
            let bs = TransitionCurve.blockSize
            if hi % bs == 0 {
                lineOut[hi / bs] = sHi
                if parabola { higherOut[hi / bs] = higher }
            }
            kept[hi & (SlopeSweep.ring - 1)] = sHi
        }

        /// The leading pointer takes the next point.
        @inline(__always) mutating func lead() {
            let bs = TransitionCurve.blockSize
            let u = x[hi] - ref, w = y[hi]
            sHi.add(u, w)
            if hi < higherEnd { higher.add(u, w) }
            hi += 1
            kept[hi & (SlopeSweep.ring - 1)] = sHi
            if hi - ringFrom >= SlopeSweep.ring { ringFrom = hi - SlopeSweep.ring + 1 }
            if hi % bs == 0, hi <= recordEnd {
                lineOut[hi / bs] = sHi
                if hi <= higherEnd { higherOut[hi / bs] = higher }
            }
        }

        /// Both pointers to the window of point k.
        @inline(__always) mutating func advance(_ k: Int) {
            let h = TransitionCurve.slopeHalfWidthK
            while lo < n, x[lo] < x[k] - h { lo += 1 }
            while hi < k { lead() }
            while hi < n, x[hi] <= x[k] + h { lead() }
            if lo >= ringFrom {
                sLo = kept[lo & (SlopeSweep.ring - 1)]
            } else {
                while chained < lo { chainedSums.add(x[chained] - ref, y[chained]); chained += 1 }
                sLo = chainedSums
            }
        }

        /// The sweep of the segment: the estimates into `o`, by batches whose tree leaves are taken
        /// as they are filled. The running sums are chains of additions, each waiting for the one
        /// before; the estimates are independent of them and of each other, so the core overlaps a
        /// point's estimate with the next points' sums.
        mutating func sweep(into o: UnsafeMutablePointer<Double>) -> (SlopeEstimate.Bound, ArgTree.Leaves, HigherSums) {
            var bound = SlopeEstimate.Bound()
            var leaves = ArgTree.Leaves()
            var k = r.lowerBound
            while k < r.upperBound {
                let end = min(k + SlopeSweep.batch, r.upperBound)
                for j in k..<end {
                    advance(j)
                    (o + j).initialize(to: SlopeEstimate.single(sLo, sHi, hi - lo, ref, &bound))
                }
                leaves.append(UnsafeBufferPointer(start: o, count: n), k..<end)
                k = end
            }
            return (bound, leaves, higher)
        }
    }
}

/// Where the segments write: each its own points' estimates and its own checkpoints.
struct SweepOutput: @unchecked Sendable {
    let estimates: UnsafeMutablePointer<Double>?
    let line: UnsafeMutablePointer<LineSums>?
    let higher: UnsafeMutablePointer<HigherSums>?
}
