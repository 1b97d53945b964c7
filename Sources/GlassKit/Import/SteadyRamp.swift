/// Whether the sweeps of a multi-frequency DMA file that pass for isotherms are the cycles of a
/// ramp, told by its time column (docs/reading-rules.md, "Several frequencies in one file"). A
/// stepped protocol holds at each temperature while it sweeps and then moves to the next step,
/// soaking there before it writes again; a ramp heats all along while it writes. So, with the
/// temperature and time of consecutive rows:
///
/// - a column read finely shows the rate: the temperature rises within the sweeps at the rate it
///   rises between them (a ramp), or stands there while it moves between them (steps). A ramp
///   whose frequencies take unequal times (1 Hz in 8 s, 10 Hz in 2 s) jumps between its sweeps
///   and passed for steps; its rate within the sweeps is the rate between them.
/// - a column written at a coarse resolution (``CoarseRamp/Written``) shows no rate within a
///   plateau, and a ramp whose plateaus are one sweep long looks like steps held one unit apart.
///   A ramp writes rows all along: no move from one plateau to the next takes longer than the
///   rows within them (a stepped protocol soaks between its steps: no rows for a while).
///
/// Time must rise from row to row (a time column that restarts at each step tells nothing).
enum SteadyRamp {
    /// A ramp's rate within its sweeps is its rate between them; a stepped protocol's is the
    /// creep of a hold (a tenth or less). Half of it separates them.
    static let withinRateFraction = 0.5
    /// A move between plateaus at most this many times the longest time between two rows within
    /// them is no soak (the time stamps of a ramp's points jitter).
    static let moveFactor = 1.5

    /// Whether `groups` (row indices, file order; each a cycle that passed for an isotherm) are the
    /// sweeps of a ramp: temperatures `t` and times `time` of every row, `coarse` when the column
    /// is written at a coarse resolution. Row pairs with a glitch row or a row of no group do not
    /// count.
    static func holds(_ groups: [[Int]], _ t: [Double], time: [Double], coarse: Bool, glitch: Set<Int>) -> Bool {
        guard groups.count >= 2, time.count == t.count, zip(time, time.dropFirst()).allSatisfy({ $1 > $0 }),
              let first = t.first, let last = t.last, last != first else { return false }
        var groupOf = [Int?](repeating: nil, count: t.count)
        for (g, rows) in groups.enumerated() { for i in rows where !glitch.contains(i) { groupOf[i] = g } }
        let sign: Double = last > first ? 1 : -1
        var within = (rise: 0.0, time: 0.0, longest: 0.0), between = (rise: 0.0, time: 0.0, longest: 0.0)
        for i in 0..<(t.count - 1) {
            guard let a = groupOf[i], let b = groupOf[i + 1] else { continue }
            let rise = sign * (t[i + 1] - t[i]), dt = time[i + 1] - time[i]
            if a == b {
                within.rise += rise; within.time += dt; within.longest = max(within.longest, dt)
            } else if b == a + 1 {
                between.rise += rise; between.time += dt; between.longest = max(between.longest, dt)
            }
        }
        guard within.time > 0, between.time > 0, between.rise > 0 else { return false }
        if coarse { return between.longest <= moveFactor * within.longest }
        return within.rise / within.time >= withinRateFraction * (between.rise / between.time)
    }
}
