/// The states of runs that state no label (SPEC §2.4): one per cooling rate, `cooled-RATE`. Rates
/// that are one by the rule of one rate (``CoolingRates``: within 1 %) are one state, so runs
/// stated at 10 and 10.05 K/min are one state, as they are one rate to S_r and to the state check.
/// The state is named as most of its files state the rate (docs/analysis-choices.md, "One rate").
public enum StatesByCoolingRate {
    /// The state of a run cooled at `q` K/min that states no label: `cooled-10`.
    public static func label(_ q: Double) -> String { "cooled-" + Format.shortNumber(q) }

    /// `files` (each file's datasets, in path order) with the states made from cooling rates named
    /// once per rate: the runs whose rates are one (grouped as the state order groups them,
    /// ``CoolingRates/orderKeys(_:)``) take the label of the rate most of their files give as
    /// ``label(_:)`` writes it; of rates given by as many files, the one written shortest (the
    /// nominal `10`, not a measured `10.05`), then the slowest. A study whose unlabelled rates are
    /// all distinct keeps every label. O(n log n) in the runs.
    public static func group(_ files: inout [[Dataset]]) {
        var rates: [Double] = []
        for file in files { for d in file where d.stateFromCoolingRate { if let q = d.coolingRateKPerMin { rates.append(q) } } }
        let key = CoolingRates.orderKeys(rates)
        // Per group: each written rate, the files that give it and its slowest value.
        var votes: [Double: [String: (files: Int, slowest: Double)]] = [:]
        for file in files {
            var counted = Set<String>()
            for d in file where d.stateFromCoolingRate {
                guard let q = d.coolingRateKPerMin, let k = key[q] else { continue }
                let written = label(q)
                var group = votes[k, default: [:]]
                let known = group[written]
                group[written] = ((known?.files ?? 0) + (counted.insert(written).inserted ? 1 : 0), min(known?.slowest ?? q, q))
                votes[k] = group
            }
        }
        var named: [Double: String] = [:]
        for (k, written) in votes {
            guard written.count > 1 else { continue }
            named[k] = written.min { a, b in
                if a.value.files != b.value.files { return a.value.files > b.value.files }
                if a.key.count != b.key.count { return a.key.count < b.key.count }
                return a.value.slowest < b.value.slowest
            }?.key
        }
        guard !named.isEmpty else { return }
        for f in files.indices {
            for k in files[f].indices where files[f][k].stateFromCoolingRate {
                guard let q = files[f][k].coolingRateKPerMin, let g = key[q], let name = named[g] else { continue }
                files[f][k].state = name
            }
        }
    }

    /// Whether `d`'s cooling rate is its state's: a run with a rate, of a labelled state, or
    /// whose rate is written as its state is named (of `cooled-10`, the run at 10, not at 10.05).
    /// A state's rate is its first such run's (path order), else its first run's.
    public static func givesStateRate(_ d: Dataset) -> Bool {
        guard let q = d.coolingRateKPerMin else { return false }
        return !d.stateFromCoolingRate || label(q) == d.state
    }
}
