import GlassPlatform

/// Splits a DMA table whose frequency column holds several frequencies while its temperature runs
/// more than ``DatasetBuilder/scanSpanK`` — a multi-frequency run written as one file, as a Q800
/// (multi-frequency mode), a DMA 242 or an Eplexor write one — into the datasets it holds
/// (docs/reading-rules.md, "Several frequencies in one file"):
///
/// - **isotherms**, one per cycle through the frequencies, when the cycles are temperature steps: a
///   TTS run, or a step-and-hold scan. A cycle ends where a frequency comes again; the cycles are
///   steps when the smallest change of temperature from one cycle to the next is more than 4 times
///   the largest spread within a cycle (a ramp changes as much within a cycle as between cycles).
///   Part `isotherm<k>`, k from 1 in file order (after the part it splits: `step3-isotherm1`);
///   each is a `dma-fsweep` at its measured temperature.
/// - **temperature scans**, one per frequency (frequencies within 1 % are one, as
///   ``DatasetBuilder/isOneFrequency(_:)`` has it), when the temperature ramps through the cycles.
///   Part `<f>Hz` (`scan.txt#10Hz`), in ascending frequency; each a `dma-tscan` at the median of
///   its rows.
///
/// A stated `kind` decides instead (`dma-tscan`: scans, `dma-fsweep`: isotherms). A stated
/// `frequency` or `temperature` says the file is one dataset, so the file is not split (and the
/// reading reports the contradiction). Tables this does not apply to, or that it cannot read
/// (the reading then reports why), come back as they are.
public enum ScanSplitter {
    /// The datasets of a recognised table: its parts (or itself), each built with `overrides`.
    /// The one way a file's tables become datasets (the study loader's, and the tests').
    public static func datasets(_ table: RawTable, overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try split(table, overrides: overrides).map { try DatasetBuilder.build($0, overrides: overrides) }
    }

    /// The tables `table` holds: its parts, or `[table]`.
    public static func split(_ table: RawTable, overrides: [String: MetadataEntry]) -> [RawTable] {
        guard table.streamed == nil, table.dataLines.count >= 4 else { return [table] }
        var meta = table.metadata
        for (k, v) in overrides { meta[MetadataKeys.normalise(k)] = v }
        guard meta["frequency"] == nil, meta["temperature"] == nil else { return [table] }
        let stated = meta["kind"].map { $0.value.lowercased() }
        guard stated == nil || stated == DatasetKind.dmaTScan.rawValue || stated == DatasetKind.dmaFSweep.rawValue else { return [table] }
        let columns = ColumnMatcher.match(table.headers)
        guard columns[.heatFlow] == nil, DMAModuli.find(columns) != nil,
              let tCol = columns[.temperature], let fCol = columns[.frequency],
              let tConv = try? DatasetBuilder.temperatureConversion(tCol, table),
              let read = try? TableReader.columns(table, [tCol.index, fCol.index]) else { return [table] }
        let t = read.values[0].map(tConv), f = read.values[1]
        guard let lo = t.min(), let hi = t.max(), hi - lo > DatasetBuilder.scanSpanK,
              f.allSatisfy({ $0 > 0 && $0.isFinite }) else { return [table] }
        let cluster = clusters(f)
        let count = (cluster.max() ?? 0) + 1
        guard count >= 2 else { return [table] }

        let cycles = self.cycles(cluster)
        let isotherms: Bool
        switch stated {
        case DatasetKind.dmaTScan.rawValue: isotherms = false
        case DatasetKind.dmaFSweep.rawValue: isotherms = true
        default: isotherms = areSteps(cycles, t)
        }
        var parts: [RawTable] = []
        if isotherms {
            guard cycles.count >= 2 else { return [table] }
            for (k, rows) in cycles.enumerated() {
                parts.append(part(of: table, "isotherm\(k + 1)", rows, kind: .dmaFSweep))
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
        }
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
    /// than 1 % above the one below it starts the next.
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

    /// Whether the cycles are temperature steps: at least 2 cycles, every one of at least 2 rows,
    /// and the smallest change of mean temperature between neighbouring cycles more than 4 times
    /// the largest spread of temperature within one.
    static func areSteps(_ cycles: [[Int]], _ t: [Double]) -> Bool {
        guard cycles.count >= 2, cycles.allSatisfy({ $0.count >= 2 }) else { return false }
        var spread = 0.0
        var means: [Double] = []
        for rows in cycles {
            let temps = rows.map { t[$0] }
            spread = max(spread, (temps.max() ?? 0) - (temps.min() ?? 0))
            means.append(temps.reduce(0, +) / Double(temps.count))
        }
        let gap = zip(means, means.dropFirst()).map { abs($1 - $0) }.min() ?? 0
        return gap > 4 * spread
    }
}
