/// How tightly each group of rows of a multi-frequency DMA file holds its temperature, for the
/// test of steps (``ScanSplitter/areSteps(_:_:glitch:repeats:)``; docs/reading-rules.md, "Several
/// frequencies in one file"): the standard deviation of its level (``CycleLevel``), or, when its
/// first row overshoots, that of the rows after it. A controller that overshoots a new step by
/// 1 K on the first of 5 rows gives the step a σ of 0.4 K, so steps of 2 K no longer stood out
/// by 5σ and a stepped run was read as temperature scans.
///
/// The first row overshoots when it lies beyond every other row of its group, away from the group
/// before (the first group: towards the group after, the way the run goes). A ramp's cycle starts
/// on the row nearest the cycle before, never beyond the others, so a ramp keeps its σ. A group
/// of 2 rows keeps it too (one row left has no spread to measure), as does a group whose first
/// row is a glitch (its level already leaves a far-off glitch out).
enum HeldDeviation {
    /// The deviation of each group (K), `levels` their levels (``ScanSplitter/level(_:_:glitch:)``).
    static func of(_ groups: [[Int]], levels: [CycleLevel], _ t: [Double], glitch: Set<Int>) -> [Double] {
        groups.indices.map { k in
            let rows = groups[k], plain = levels[k].deviation
            guard rows.count >= 3, groups.count >= 2, !glitch.contains(rows[0]) else { return plain }
            let away = k > 0 ? levels[k].mean - levels[k - 1].mean : levels[1].mean - levels[0].mean
            let first = t[rows[0]], others = rows.dropFirst().map { t[$0] }
            let beyond = away > 0 ? others.allSatisfy { first > $0 } : away < 0 && others.allSatisfy { first < $0 }
            guard beyond else { return plain }
            return min(plain, ScanSplitter.level(Array(rows.dropFirst()), t, glitch: glitch).deviation)
        }
    }
}
