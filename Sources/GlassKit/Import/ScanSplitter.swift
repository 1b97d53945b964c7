import GlassPlatform

/// Splits a DMA table whose frequency column cycles through several frequencies — a
/// multi-frequency run written as one file, as a Q800 (multi-frequency mode), a DMA 242, an
/// Eplexor or TRIOS write one — into the datasets it holds (docs/reading-rules.md, "Several
/// frequencies in one file"). The rows are cut into cycles (a cycle ends where a frequency comes
/// again; frequencies within 1 % of the next are one):
///
/// - **isotherms**, one per cycle, when the cycles are temperature steps: a TTS run, or a
///   step-and-hold scan. The cycles (of at least 2 rows) are steps when every change of mean
///   temperature from one to the next is more than 5 times the larger standard deviation of
///   temperature within the two (and at least 0.5 K), or a repeat at the same step
///   (``areSteps(_:_:glitch:repeats:)``); failing that, or when a cycle spans a jump, the runs
///   of rows between jumps of temperature are tried (``jumps(_:_:glitch:)``: a stray row, an
///   overshoot or a step that lacks a frequency puts the cycles out of step), unless they are a
///   ramp (``isRamp(_:_:glitch:)``, ``CoarseRamp``, and ``SteadyRamp`` by the time column). Part
///   `isotherm<k>`, k from 1 in file order (after the part it splits:
///   `step3-isotherm1`); each a `dma-fsweep` at its measured temperature. Rows that belong to no
///   sweep are left out, named in the warning that says how the file was read.
/// - **temperature scans**, one per frequency, when the temperature ramps through the cycles and
///   runs more than ``DatasetBuilder/scanSpanK``. Part `<f>Hz` (`scan.txt#10Hz`), in ascending
///   frequency; each a `dma-tscan` at the median of its rows.
///
/// A stated `kind` decides instead (`dma-tscan`: scans, `dma-fsweep`: isotherms). A stated
/// `frequency` or `temperature` says the file is one dataset, so the file is not split (and the
/// reading reports the contradiction). Tables this does not apply to, or that it cannot read
/// (the reading then reports why), come back as they are. A warning on the first part says how
/// the file was read.
public enum ScanSplitter {
    /// The datasets of a recognised table: its parts (or itself), each built with `overrides`.
    /// The one way a file's tables become datasets (the study loader's, and the tests').
    public static func datasets(_ table: RawTable, overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try inLineOrder(try split(table, overrides: overrides)) { try DatasetBuilder.build($0, overrides: overrides) }
    }

    /// The datasets of all the tables of one file (``datasets(_:overrides:)`` of each, in order).
    public static func datasets(_ tables: [RawTable], overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try inLineOrder(tables) { try datasets($0, overrides: overrides) }.flatMap { $0 }
    }

    /// `body` of each part of one file; when parts fail, the error at the file's earliest line. A
    /// part's rows are every n-th row of the file (one frequency's, one sweep's), so the first
    /// part's error may lie below another's: the file's first bad line is reported, as it is
    /// for a file of one part. Parts after a failure are read only to find that line.
    static func inLineOrder<T>(_ parts: [RawTable], _ body: (RawTable) throws -> T) throws -> [T] {
        var out: [T] = []
        out.reserveCapacity(parts.count)
        var first: GlassError?
        for p in parts {
            do {
                let v = try body(p)
                if first == nil { out.append(v) }
            } catch let e as GlassError {
                guard let f = first else { first = e; continue }
                if let l = e.line, l < f.line ?? .max { first = e }
            }
        }
        if let first { throw first }
        return out
    }

    /// The tables `table` holds: its parts, or `[table]`.
    public static func split(_ table: RawTable, overrides: [String: MetadataEntry]) throws -> [RawTable] {
        var table = table
        try DecimalMark.apply(overrides, to: &table)
        guard table.streamed == nil, table.dataLines.count >= 4 else { return [table] }
        let meta = DatasetBuilder.metadata(table, overrides)
        guard meta["frequency"] == nil, meta["temperature"] == nil else { return [table] }
        let stated = meta["kind"].map { $0.value.lowercased() }
        guard stated == nil || stated == DatasetKind.dmaTScan.rawValue || stated == DatasetKind.dmaFSweep.rawValue else { return [table] }
        let columns = ColumnMatcher.match(table.headers)
        guard columns[.heatFlow] == nil, DMAModuli.find(columns) != nil,
              let tCol = columns[.temperature], let fCol = columns[.frequency],
              let tConv = try? DatasetBuilder.temperatureConversion(tCol, table),
              let read = try? TableReader.columns(table, [tCol.index, fCol.index]) else { return [table] }
        let t = read.values[0].map(tConv), f = read.values[1]
        // A frequency ≤ 0 is a broken row, named at its line (the file would else read as one
        // sweep whose temperature runs too far, which names neither).
        if let k = f.firstIndex(where: { $0 <= 0 }) {
            throw GlassError(file: table.path, line: read.lines[k], "field \(fCol.index + 1) (\(fCol.header.text)) frequency \(Format.shortNumber(f[k])) ≤ 0; expected a positive frequency")
        }
        guard let lo = t.min(), let hi = t.max(), f.allSatisfy({ $0.isFinite }) else { return [table] }
        let cluster = clusters(f)
        let count = (cluster.max() ?? 0) + 1
        guard count >= 2 else { return [table] }

        // A ramp through the cycles (its frequencies taking unequal times, or its column written
        // at a coarse resolution) may pass for steps: it is none. Its time column, when it has
        // one, tells a steady ramp from held steps (``SteadyRamp``).
        // The glitch rows, found once: every test of steps and ramps below leaves them out.
        let glitch = glitchRows(t)
        func timedRamp(_ groups: [[Int]]) -> Bool {
            guard let c = columns[.time], DatasetBuilder.timeFactorToMin(c.header.unit) != nil,
                  let time = try? TableReader.columns(table, [c.index]), time.lines == read.lines else { return false }
            let coarse = CoarseRamp.Written(t, largestChange: CoarseRamp.largestChangeK) != nil
            return SteadyRamp.holds(groups, t, time: time.values[0], coarse: coarse, glitch: glitch)
        }
        let steps = self.steps(cluster, t, glitch: glitch).flatMap {
            isRamp($0.groups, t, glitch: glitch) || CoarseRamp.holds(t, cluster) || timedRamp($0.groups) ? nil : $0
        }
        let isotherms: Bool
        switch stated {
        case DatasetKind.dmaTScan.rawValue: isotherms = false
        case DatasetKind.dmaFSweep.rawValue: isotherms = true
        default:
            if steps != nil { isotherms = true }
            else if hi - lo > DatasetBuilder.scanSpanK { isotherms = false }
            else { return [table] }   // one isotherm whose frequencies repeat: the reading says so
        }
        var parts: [RawTable] = []
        var note: String
        if isotherms {
            let grouping = steps ?? Grouping(cycles(cluster))
            guard grouping.groups.count >= 2 else { return [table] }
            for (k, rows) in grouping.groups.enumerated() {
                var p = part(of: table, "isotherm\(k + 1)", rows, kind: .dmaFSweep)
                // The rows its level leaves out are not counted in its temperature either.
                p.glitchLines = Set(level(rows, t, glitch: glitch).outliers.map { table.dataLines[rows[$0]] + 1 })
                parts.append(p)
            }
            let why = stated == nil ? "the frequencies cycle while the temperature steps" : "stated dma-fsweep"
            note = "\(table.datasetPath): \(why): read as \(parts.count) isotherms (\(parts[0].datasetPath) … #\(parts[parts.count - 1].part ?? "")); kind = \"dma-tscan\" reads one scan per frequency"
            if !grouping.left.isEmpty {
                let left = grouping.left
                let shown = left.prefix(5).map { "\(table.dataLines[$0] + 1)" }.joined(separator: ", ") + (left.count > 5 ? ", …" : "")
                note += "; \(left.count) row(s) that belong to no sweep (a stray row, an aborted step) left out: line(s) \(shown)"
            }
        } else {
            // Hz for the part's name (a column in rad/s names its parts in Hz too).
            var scratch = Dataset(path: table.path, kind: .dmaTScan)
            guard let toHz = try? DatasetBuilder.frequencyFactor(fCol, table, into: &scratch) else { return [table] }
            var rowsOf = [[Int]](repeating: [], count: count)
            for (i, c) in cluster.enumerated() { rowsOf[c].append(i) }
            // A frequency on one row is no scan (a sweep run while the temperature drifts).
            guard rowsOf.allSatisfy({ $0.count >= 2 }) else { return [table] }
            for rows in rowsOf {
                let hz = rows.map { f[$0] * toHz }.sorted()[rows.count / 2]
                parts.append(part(of: table, Format.shortNumber(hz) + "Hz", rows, kind: .dmaTScan))
            }
            let why = stated == nil ? "\(count) frequencies cycle while the temperature ramps" : "stated dma-tscan"
            note = "\(table.datasetPath): \(why): read as \(count) temperature scans (\(parts[0].datasetPath) … #\(parts[parts.count - 1].part ?? "")); kind = \"dma-fsweep\" reads one isotherm per cycle"
        }
        parts[0].warnings.append(note)
        return parts
    }

    /// The part of `table` with the data rows `rows` (indices into its data lines), read as `kind`.
    static func part(of table: RawTable, _ name: String, _ rows: [Int], kind: DatasetKind) -> RawTable {
        var t = table
        t.part = table.part.map { $0 + "-" + name } ?? name   // a TRIOS step's: `step3-10Hz`
        t.dataLines = rows.map { table.dataLines[$0] }
        if t.metadata["kind"] == nil { t.metadata["kind"] = MetadataEntry(kind.rawValue, line: table.headerLine) }
        return t
    }

    /// Each row's frequency, numbered 0, 1, … in ascending frequency: sorted, a frequency more
    /// than 1 % above the one below it starts the next (the rule of one frequency, also
    /// `DatasetBuilder.isOneFrequency`'s).
    static func clusters(_ f: [Double]) -> [Int] {
        let order = f.indices.sorted { f[$0] < f[$1] }
        var out = [Int](repeating: 0, count: f.count)
        var c = 0
        for k in order.indices.dropFirst() {
            if f[order[k]] > f[order[k - 1]] * (1 + DatasetBuilder.oneFrequencyTolerance) { c += 1 }
            out[order[k]] = c
        }
        return out
    }

    /// The rows cut into cycles through the frequencies: a row whose frequency the current cycle
    /// already has starts the next.
    static func cycles(_ cluster: [Int]) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        var seen = Set<Int>()
        for (i, c) in cluster.enumerated() {
            if seen.contains(c) {
                out.append(current)
                current = []
                seen = []
            }
            current.append(i)
            seen.insert(c)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Rows grouped into sweeps: the groups (row indices, in file order) and the rows left out.
    struct Grouping {
        var groups: [[Int]]
        var left: [Int]

        /// The cycles of at least 2 rows; those of one row are left out.
        init(_ cycles: [[Int]]) {
            groups = cycles.filter { $0.count >= 2 }
            left = cycles.filter { $0.count < 2 }.flatMap { $0 }
        }

        init(groups: [[Int]], left: [Int]) { self.groups = groups; self.left = left }
    }

    /// The isotherms of rows whose temperature steps, nil when it does not: the cycles through the
    /// frequencies when they are steps (``areSteps(_:_:glitch:repeats:)``); else — a stray row, an
    /// overshoot or a step that lacks a frequency puts the cycles out of step with the temperature
    /// — the runs of rows between jumps of temperature (``jumps(_:_:glitch:)``), when they are
    /// steps. A cycle that holds rows of two such runs is out of step even when the cycles pass:
    /// it spans a jump, its σ is that of two steps, and the changes beside it passed for repeats
    /// (86 °C lacking its 0.1 Hz point put 100 °C's 0.1 Hz row into the 86 °C isotherm, read at
    /// 88.9 °C). Runs found below the usual limit (``JumpCut``) must be steps, none a repeat: the
    /// lower limit may cut inside a step, and its pieces are no sweeps.
    static func steps(_ cluster: [Int], _ t: [Double], glitch: Set<Int>) -> Grouping? {
        let byCycle = Grouping(cycles(cluster))
        let byJump = jumps(cluster, t, glitch: glitch).flatMap { j in
            areSteps(j.grouping.groups, t, glitch: glitch, repeats: !j.lowered) == nil ? nil : j.grouping
        }
        if areSteps(byCycle.groups, t, glitch: glitch) != nil,
           byJump.map({ !JumpCut.crosses(byCycle.groups, $0.groups) }) ?? true { return byCycle }
        return byJump
    }

    /// The runs of consecutive rows between jumps of temperature (``JumpCut``: a change from one
    /// row to the next of more than 3 times the median change and more than a quarter of the
    /// largest, or less than that quarter when runs would hold a frequency twice), among the rows
    /// that are not glitches (``glitches(_:above:)``); `lowered` when the limit came down. A glitch row then joins the
    /// run of its neighbours (at a step's edge, the one that lacks its frequency; else it is left out).
    /// A run of one row joins the next run when that run lacks its frequency (a controller's overshoot at the start of a step); else it
    /// is left out (a stray row, an aborted last step). Nil when a run repeats a frequency at
    /// every limit (no isotherm sweeps one frequency twice).
    static func jumps(_ cluster: [Int], _ t: [Double], glitch: Set<Int>) -> (grouping: Grouping, lowered: Bool)? {
        guard t.count >= 2 else { return nil }
        // The runs are cut on the other rows; each glitch row then goes back to its neighbours' run.
        let steady = t.indices.filter { !glitch.contains($0) }
        guard let cut = JumpCut.runs(steady, t, cluster) else { return nil }
        var runs = cut.runs
        var runOf: [Int: Int] = [:]
        for (r, rows) in runs.enumerated() { for i in rows { runOf[i] = r } }
        var stray: [Int] = []
        for g in glitch.sorted() {
            // Between two runs (a step's edge): the one that lacks its frequency; on the file's
            // first or last row, the one run beside it when that run lacks it.
            let sides = [(0..<g).reversed().lazy.compactMap({ runOf[$0] }).first,
                         ((g + 1)..<t.count).lazy.compactMap({ runOf[$0] }).first].compactMap { $0 }
            let edge = g == 0 || g == t.count - 1
            if edge || sides.count == 2, let r = sides.first(where: { r in !runs[r].contains { cluster[$0] == cluster[g] } }) {
                runs[r].append(g)
                runs[r].sort()
                runOf[g] = r
            } else {
                stray.append(g)
            }
        }
        var groups: [[Int]] = [], left: [Int] = []
        var pending: Int? = nil
        for run in runs {
            var rows = run
            if let p = pending {
                if rows.count >= 2, !rows.contains(where: { cluster[$0] == cluster[p] }) { rows.insert(p, at: 0) } else { left.append(p) }
                pending = nil
            }
            if rows.count == 1 { pending = rows[0]; continue }
            guard Set(rows.map { cluster[$0] }).count == rows.count else { return nil }
            groups.append(rows)
        }
        if let p = pending { left.append(p) }
        return (Grouping(groups: groups, left: (left + stray).sorted()), cut.lowered)
    }

    /// The glitch rows of the file (``glitches(_:above:)``): above 3 times its median change of
    /// temperature from one row to the next.
    static func glitchRows(_ t: [Double]) -> Set<Int> {
        let d = zip(t, t.dropFirst()).map { abs($1 - $0) }
        return d.isEmpty ? [] : glitches(t, above: 3 * d.sorted()[d.count / 2])
    }

    /// The level of the group of rows `rows`, its far-off glitch rows left out (``CycleLevel``).
    static func level(_ rows: [Int], _ t: [Double], glitch: Set<Int>) -> CycleLevel {
        CycleLevel(rows.map { t[$0] }, removable: rows.map { glitch.contains($0) })
    }

    /// The rows that leave the temperature and come back at the next (a thermocouple spike, an
    /// outlier): both their changes exceed `noise` and the rows on either side lie closer to each
    /// other than half the smaller change. A step's first row taken while the controller
    /// overshoots is none: the row after it stays at the new step. The file's first and last rows
    /// have one side only: one is a glitch when its change to the row beside it exceeds `noise`
    /// and that row and the next one in agree, within `noise` and half that change (the file
    /// starts or ends on a steady level the glitch is off). A real first or last step holds a
    /// sweep of two rows or more that agree, and a first sweep still settling drifts on from its
    /// first row: neither edge row is a glitch.
    static func glitches(_ t: [Double], above noise: Double) -> Set<Int> {
        guard t.count >= 3 else { return [] }
        let n = t.count
        var out = Set((1..<(n - 1)).filter { i in
            let out = abs(t[i] - t[i - 1]), back = abs(t[i + 1] - t[i])
            return min(out, back) > noise && abs(t[i + 1] - t[i - 1]) < min(out, back) / 2
        })
        // The edge row `e`, its neighbour `a` and the row `b` beyond it.
        for (e, a, b) in [(0, 1, 2), (n - 1, n - 2, n - 3)] {
            let change = abs(t[e] - t[a])
            if change > noise, abs(t[b] - t[a]) <= min(noise, change / 2), !out.contains(a) { out.insert(e) }
        }
        return out
    }

    /// Whether the groups (each of at least 2 rows) are temperature steps, and if so the smallest
    /// step (K). With σ the larger standard deviation of temperature within the two groups on
    /// either side of it, every change of mean temperature from one group to the next must be a
    /// step (more than 5σ, and at least ``minimumStepK``) or, when `repeats`, a repeat (at most
    /// 2σ: a second sweep at the same step), and at least one a step. For the step, σ is each
    /// group's without a first row that overshoots (``HeldDeviation``). On a ramp, a cycle of F rows δ apart has
    /// σ = δ·√((F² − 1)/12) and its mean moves F·δ to the next: 3.5σ to 4σ, neither. A
    /// controller's overshoot of a third of the step on the first of 7 rows gives steps of about
    /// 10σ. σ is each step's own, not the file's largest: a first isotherm still settling (an
    /// Eplexor TTS run: 3 K of drift, σ 0.9 K, where the others have 0.2–0.6 K) made every 5 K
    /// step of the run look like a ramp. Mean and σ are each group's without its far-off glitch
    /// rows (``CycleLevel``): one glitch row made its cycle's σ so large that the steps beside it
    /// were neither steps nor repeats.
    static func areSteps(_ groups: [[Int]], _ t: [Double], glitch: Set<Int>, repeats: Bool = true) -> Double? {
        guard groups.count >= 2 else { return nil }
        let levels = groups.map { level($0, t, glitch: glitch) }
        let means = levels.map(\.mean), deviations = levels.map(\.deviation)
        let held = HeldDeviation.of(groups, levels: levels, t, glitch: glitch)
        var smallest: Double?
        for k in 1..<means.count {
            let change = abs(means[k] - means[k - 1])
            if change > 5 * max(held[k], held[k - 1]), change >= minimumStepK {
                smallest = min(smallest ?? change, change)
            } else if !repeats || change > 2 * max(deviations[k], deviations[k - 1]) {
                return nil
            }
        }
        return smallest
    }

    /// Whether groups that pass for steps are cycles of a ramp: frequencies that take unequal
    /// times (a 1 Hz point of 8 s among 2 s ones, a Q800's 0.1 Hz point of 50 s) put a jump in
    /// the temperature at each cycle, and the cycles looked like isotherms (237 of them, every
    /// frequency at its cycle's mean temperature). A ramp's temperature moves one way on every
    /// row and a third of its run or more lies within the cycles; an isotherm that creeps (0.15 K
    /// over a sweep, 2 K steps) holds far less of it. (A time column's overall rate does not tell
    /// them apart: a soak between sweeps writes no rows, and a stepped run then looks like a slow
    /// ramp in time. Its rate within the sweeps against that between them does: ``SteadyRamp``.)
    static func isRamp(_ groups: [[Int]], _ t: [Double], glitch: Set<Int>) -> Bool {
        // Without the glitch rows: a spike on the first row of a stepped run made it rise on every row.
        let steady = glitch.isEmpty ? t : t.indices.filter { !glitch.contains($0) }.map { t[$0] }
        guard let first = steady.first, let last = steady.last, last != first else { return false }
        let rising = last > first
        guard zip(steady, steady.dropFirst()).allSatisfy({ rising ? $1 > $0 : $1 < $0 }) else { return false }
        let within = groups.reduce(0.0) { sum, g in
            let rows = g.filter { !glitch.contains($0) }
            guard let a = rows.first, let b = rows.last else { return sum }
            return sum + abs(t[b] - t[a])
        }
        return within >= abs(last - first) / 3
    }

    /// The smallest temperature step between isotherms (a ramp written with a coarse temperature
    /// resolution has cycles of one temperature, 0.1 K apart).
    static let minimumStepK = 0.5
}
