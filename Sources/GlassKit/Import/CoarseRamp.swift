/// Whether a multi-frequency DMA file's temperature is a ramp written at a coarse resolution
/// (docs/reading-rules.md, "Several frequencies in one file"): an export that rounds the column
/// to whole kelvin or 0.5 K shows plateaus of several rows (300, 300, 300, 301, 301, …) while the
/// frequencies cycle, and the cycles inside a plateau (σ 0, a step of 1 K to the next) passed for
/// isotherms: a 3 K/min ramp through 2 frequencies read as 333 isotherms.
///
/// A coarse ramp moves by whole resolution units: every change from one row to the next is 0 or
/// a whole number of the unit q (the smallest change), at most ``largestChangeK``, and some rows
/// repeat the one before (plateaus). It moves one way: no row falls back more than q from the
/// farthest reading so far (a reading that flickers back one unit as the true temperature
/// crosses a rounding boundary stays in its plateau). A plateau starts where that farthest
/// reading moves on.
/// Step-and-hold isotherms written so (held temperatures one resolution unit apart, no jitter)
/// differ in what a plateau holds: a hold is a sweep — every frequency of the file once — or a
/// sweep and its repeat (every frequency twice). A ramp's plateaus last the time the ramp takes
/// to move one resolution unit, whatever the frequencies: fewer rows than a sweep at a fast
/// rate, or a sweep and some rows of the next. The first and last plateaus are cut by the file's
/// ends and are not judged. A ramp whose plateaus happen to last exactly one sweep (or two) looks
/// the same as held steps here; its time column tells them apart (``SteadyRamp``).
/// A held temperature read to 0.01 K with jitter steps by many units between isotherms, and an
/// overshoot moves both ways by more than a unit: neither is a coarse ramp, and the tests of
/// steps decide.
enum CoarseRamp {
    /// The largest resolution unit of a coarse ramp (K): a column rounded to whole kelvin moves
    /// 1 K at a time; steps between isotherms that move more are steps.
    static let largestChangeK = 1.0

    /// Whether temperatures `t` (K, in row order), their rows' frequencies numbered `cluster`
    /// (0 … F − 1, ``ScanSplitter/clusters(_:)``), are a ramp at a coarse resolution.
    static func holds(_ t: [Double], _ cluster: [Int]) -> Bool {
        guard let written = Written(t, largestChange: largestChangeK) else { return false }
        let interior = written.plateaus.dropFirst().dropLast()
        guard !interior.isEmpty else { return false }
        let frequencies = (cluster.max() ?? 0) + 1
        return !interior.allSatisfy { isHold(cluster[$0], frequencies: frequencies) }
    }

    /// A column written at a resolution: its unit and its plateaus (ranges of rows, in order; a
    /// plateau starts where the farthest reading so far moves on).
    struct Written {
        /// The smallest change from one row to the next (K).
        var unit: Double
        var plateaus: [Range<Int>]

        /// `t` read as a column that moves one way by whole units of its smallest change (at
        /// most ``largestChangeK``), no change above `largestChange`, some rows repeating the one
        /// before, no row more than a unit behind the farthest reading so far; nil when it is not.
        init?(_ t: [Double], largestChange: Double) {
            guard t.count >= 3, let first = t.first, let last = t.last, last != first else { return nil }
            // Without a list of the changes: every scan is put to this test, 10^6 rows some.
            var unit = Double.infinity, repeats = false, largest = 0.0
            for i in 1..<t.count {
                let change = abs(t[i] - t[i - 1])
                if change == 0 { repeats = true } else { unit = min(unit, change); largest = max(largest, change) }
            }
            guard repeats, unit <= largestChangeK * (1 + 1e-9), largest <= largestChange * (1 + 1e-9) else { return nil }
            // Whole units, as written (a column in °C read in kelvin differs in its last bits).
            let slack = unit * 1e-6
            for i in 1..<t.count {
                let change = abs(t[i] - t[i - 1]), units = (change / unit).rounded()
                guard abs(change - unit * units) <= slack * units else { return nil }
            }
            // In the direction of the run: distance from the first row.
            let sign: Double = last > first ? 1 : -1
            var farthest = 0.0
            var plateaus: [Range<Int>] = []
            var start = 0
            for i in 1..<t.count {
                let x = sign * (t[i] - first)
                if x > farthest + slack {
                    plateaus.append(start..<i)
                    start = i
                    farthest = x
                } else if x < farthest - unit - slack {
                    return nil
                }
            }
            plateaus.append(start..<t.count)
            self.unit = unit
            self.plateaus = plateaus
        }
    }

    /// Whether the frequencies of a plateau's rows are a sweep or a sweep and its repeat: each of
    /// the file's `frequencies` once, or each twice.
    static func isHold(_ rows: ArraySlice<Int>, frequencies: Int) -> Bool {
        guard rows.count == frequencies || rows.count == 2 * frequencies else { return false }
        var seen = [Int](repeating: 0, count: frequencies)
        for c in rows { seen[c] += 1 }
        return seen.allSatisfy { $0 == rows.count / frequencies }
    }
}
