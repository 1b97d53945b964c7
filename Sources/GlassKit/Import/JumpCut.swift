/// Where the temperature of a stepped multi-frequency DMA file jumps from one held step to the
/// next, for ``ScanSplitter/jumps(_:_:glitch:)`` and ``ScanSplitter/steps(_:_:glitch:)``
/// (docs/reading-rules.md, "Several frequencies in one file").
///
/// A jump is a change from one row to the next above the limit: 3 times the median change (the
/// noise within a step) and a quarter of the largest change, so that the odd noisy change inside
/// a step does not cut it. With steps of uneven size (3 K steps and one of 16 K) a quarter of the
/// largest lies above the small steps, the runs between jumps hold several steps, and a run then
/// holds a frequency twice, which no isotherm does: 40, 43, …, 64, 80 °C with one step lacking its
/// first frequency was read as temperature scans. The limit then comes down through the changes,
/// to the largest at which no run holds a frequency twice (never to 3 median changes or below).
enum JumpCut {
    /// The runs of consecutive rows between jumps.
    struct Runs {
        /// Indices into the file's rows, in file order.
        var runs: [[Int]]
        /// Whether the limit came down below a quarter of the largest change.
        var lowered: Bool
    }

    /// The runs of `rows` (indices into `t` and `cluster`, in file order; the glitch rows left
    /// out), nil when no limit above the noise gives runs that each hold a frequency once.
    static func runs(_ rows: [Int], _ t: [Double], _ cluster: [Int]) -> Runs? {
        guard rows.count >= 2 else { return nil }
        let e = zip(rows, rows.dropFirst()).map { abs(t[$1] - t[$0]) }
        let noise = 3 * e.sorted()[e.count / 2]
        let limit = max(noise, 0.25 * (e.max() ?? 0))
        if holdsEachOnce(rows, e, cluster, above: limit) { return Runs(runs: cut(rows, e, above: limit), lowered: false) }
        // Each limit below: a change of the file or the noise floor; a run that holds each
        // frequency once at one limit does so at every lower one (more cuts), so the largest is
        // found by bisection.
        let lower = [noise] + Set(e.filter { $0 > noise && $0 < limit }).sorted()
        guard holdsEachOnce(rows, e, cluster, above: lower[0]) else { return nil }
        var good = 0, bad = lower.count   // lower[good] holds, lower[bad] (or the limit) does not
        while bad - good > 1 {
            let mid = (good + bad) / 2
            if holdsEachOnce(rows, e, cluster, above: lower[mid]) { good = mid } else { bad = mid }
        }
        return Runs(runs: cut(rows, e, above: lower[good]), lowered: true)
    }

    /// `rows` cut where the change `e` to the next row exceeds `limit`.
    static func cut(_ rows: [Int], _ e: [Double], above limit: Double) -> [[Int]] {
        var runs: [[Int]] = [[rows[0]]]
        for k in 1..<rows.count {
            if e[k - 1] > limit { runs.append([rows[k]]) } else { runs[runs.count - 1].append(rows[k]) }
        }
        return runs
    }

    /// Whether every run of `rows` cut above `limit` holds each frequency at most once.
    static func holdsEachOnce(_ rows: [Int], _ e: [Double], _ cluster: [Int], above limit: Double) -> Bool {
        var runOf = [Int](repeating: -1, count: (cluster.max() ?? 0) + 1)   // the last run each frequency was in
        var run = 0
        for (k, i) in rows.enumerated() {
            if k > 0, e[k - 1] > limit { run += 1 }
            if runOf[cluster[i]] == run { return false }
            runOf[cluster[i]] = run
        }
        return true
    }

    /// Whether a cycle through the frequencies holds rows of two of `groups` (the runs between
    /// jumps, read as steps): the cycles are then out of step with the temperature (a step lacks a
    /// frequency, and each cycle after it takes the next step's first row), and a cycle's mean
    /// lies between two steps.
    static func crosses(_ cycles: [[Int]], _ groups: [[Int]]) -> Bool {
        var groupOf: [Int: Int] = [:]
        for (g, rows) in groups.enumerated() { for i in rows { groupOf[i] = g } }
        return cycles.contains { cycle in Set(cycle.compactMap { groupOf[$0] }).count > 1 }
    }
}
