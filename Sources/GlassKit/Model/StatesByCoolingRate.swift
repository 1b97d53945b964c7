/// The states of runs that state no label (SPEC §2.4): one per cooling rate, `cooled-RATE`. Rates
/// that are one by the rule of one rate (``CoolingRates``: within 1 %) are one state, so runs
/// stated at 10 and 10.05 K/min are one state, as they are one rate to S_r and to the state check.
/// The state is named as most of its measurements state the rate (docs/analysis-choices.md, "One
/// rate"), a DMA series counting as one measurement.
public enum StatesByCoolingRate {
    /// The state of a run cooled at `q` K/min that states no label: `cooled-10`.
    public static func label(_ q: Double) -> String { "cooled-" + Format.shortNumber(q) }

    /// `files` (each file's datasets, in path order) with the states made from cooling rates named
    /// once per rate: the runs whose rates are one (grouped as the state order groups them,
    /// ``CoolingRates/orderKeys(_:)``) take the label of the rate most of their measurements give
    /// as ``label(_:)`` writes it. A DSC file is one measurement; the DMA files of the group of one
    /// kind (its isotherms, its temperature scans) are one series, which counts once, for the rate
    /// most of its files give — so dozens of isotherm files, one per temperature, weigh as much as
    /// one DSC run, not dozens. Of rates given as often, the one written shortest (the nominal `10`,
    /// not a measured `10.05`), then the slowest. A study whose unlabelled rates are all distinct
    /// keeps every label. O(n log n) in the runs.
    public static func group(_ files: inout [[Dataset]]) {
        var rates: [Double] = []
        for file in files { for d in file where d.stateFromCoolingRate { if let q = d.coolingRateKPerMin { rates.append(q) } } }
        let key = CoolingRates.orderKeys(rates)
        // Per group: the DSC files' tally, and each DMA series' (by kind).
        var dsc: [Double: RateTally] = [:]
        var series: [Series: RateTally] = [:]
        var spellings: [Double: Set<String>] = [:]
        for file in files {
            // A file counts once for each rate it writes (a multi-sweep file is one file).
            var counted = Set<Vote>()
            for d in file where d.stateFromCoolingRate {
                guard let q = d.coolingRateKPerMin, let k = key[q] else { continue }
                let written = label(q)
                spellings[k, default: []].insert(written)
                let box = Series(group: k, kind: d.kind)
                let once = counted.insert(Vote(series: box, written: written)).inserted ? 1 : 0
                if d.kind == .dsc {
                    dsc[k, default: RateTally()].add(written, q, votes: once)
                } else {
                    series[box, default: RateTally()].add(written, q, votes: once)
                }
            }
        }
        var votes = dsc
        for (s, tally) in series {
            guard let written = tally.winner else { continue }
            votes[s.group, default: RateTally()].add(written, tally.slowest(written) ?? .infinity, votes: 1)
        }
        var named: [Double: String] = [:]
        for (k, tally) in votes where (spellings[k]?.count ?? 0) > 1 { named[k] = tally.winner }
        guard !named.isEmpty else { return }
        for f in files.indices {
            for k in files[f].indices where files[f][k].stateFromCoolingRate {
                guard let q = files[f][k].coolingRateKPerMin, let g = key[q], let name = named[g] else { continue }
                files[f][k].state = name
            }
        }
    }

    /// The runs of one kind in one group of rates that are one: for DMA, a series.
    private struct Series: Hashable {
        var group: Double
        var kind: DatasetKind
    }

    /// A file's vote in a series for the rate as written.
    private struct Vote: Hashable {
        var series: Series
        var written: String
    }

    /// Whether `d`'s cooling rate is its state's: a run with a rate, of a labelled state, or
    /// whose rate is written as its state is named (of `cooled-10`, the run at 10, not at 10.05).
    /// A state's rate is its first such run's (path order), else its first run's.
    public static func givesStateRate(_ d: Dataset) -> Bool {
        guard let q = d.coolingRateKPerMin else { return false }
        return !d.stateFromCoolingRate || label(q) == d.state
    }
}

/// The votes of one ballot box: each rate as written, with its votes and its slowest value.
private struct RateTally {
    private var entries: [String: (votes: Int, slowest: Double)] = [:]

    /// Adds `votes` for the rate written `written`, whose value is `q`.
    mutating func add(_ written: String, _ q: Double, votes: Int) {
        let known = entries[written]
        entries[written] = ((known?.votes ?? 0) + votes, min(known?.slowest ?? q, q))
    }

    /// The slowest value written `written`.
    func slowest(_ written: String) -> Double? { entries[written]?.slowest }

    /// The rate given most often; of equals, the one written shortest, then the slowest.
    var winner: String? {
        entries.min { a, b in
            if a.value.votes != b.value.votes { return a.value.votes > b.value.votes }
            if a.key.count != b.key.count { return a.key.count < b.key.count }
            return a.value.slowest < b.value.slowest
        }?.key
    }
}
