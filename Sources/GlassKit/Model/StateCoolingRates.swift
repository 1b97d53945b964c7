/// One state has one cooling rate (method reference §2): the files of a state must not disagree,
/// or the state's place in S_r and in the state order would depend on which file is read first.
/// Rates that are one by ``CoolingRates/same(_:_:)`` agree (`10 K/min` and `0.16666667 K/s`).
public enum StateCoolingRates {
    /// Throws the one-line data error naming the first file whose cooling rate differs from an
    /// earlier file's of the same state. DSC sample runs must all give the same rate or all none;
    /// DMA runs may leave it out (their state takes the rate its other files give), but two rates
    /// that differ are an error as in DSC.
    public static func check(_ datasets: [Dataset]) throws {
        // Each state's first file that gives its rate (both files are named).
        var dsc: [String: Dataset] = [:]
        var dma: [String: Dataset] = [:]
        for d in datasets {
            switch d.kind {
            case .dsc where d.role == .sample:
                if let known = dsc[d.state] {
                    switch (known.coolingRateKPerMin, d.coolingRateKPerMin) {
                    case (nil, nil): continue
                    case let (a?, b?) where CoolingRates.same(a, b): continue
                    default: throw conflict(d, known)
                    }
                } else {
                    dsc[d.state] = d
                }
            case .dmaTScan, .dmaFSweep:
                guard let rate = d.coolingRateKPerMin else { continue }
                if let known = dma[d.state], let q = known.coolingRateKPerMin {
                    if !CoolingRates.same(q, rate) { throw conflict(d, known) }
                } else {
                    dma[d.state] = d
                }
            default:
                continue
            }
        }
    }

    /// The error for `d`, whose rate differs from `first`'s: each rate as typed (with its value
    /// in K/min where typed otherwise, in digits that tell the two apart) and where each file
    /// states it: `d`'s line leads the message, `first`'s is named with it.
    private static func conflict(_ d: Dataset, _ first: Dataset) -> GlassError {
        let values = [d.coolingRateKPerMin, first.coolingRateKPerMin].compactMap { $0 }
        let shown = Format.shortNumbers(values)
        func rate(_ x: Dataset) -> String? {
            guard let q = x.coolingRateKPerMin, let k = values.firstIndex(of: q) else { return nil }
            let perMin = shown[k] + " K/min"
            guard let typed = (x.coolingRateStated.map { ($0.source ?? $0.value).trimmingWhitespace }) else { return perMin }
            return typed == perMin || typed == shown[k] ? perMin : "'\(typed)' (\(perMin))"
        }
        func place(_ x: Dataset) -> String {
            guard let e = x.coolingRateStated else { return "its header, or study.toml's [files] table for it" }
            return e.line > 0 ? "line \(e.line)" : "study.toml's files.\"\(e.table ?? x.path)\".\(e.name("cooling_rate"))"
        }
        let here = rate(d).map { "cooling rate \($0)" + (d.coolingRateStated.map { $0.line > 0 ? "" : " (\(place(d)))" } ?? "") } ?? "no cooling rate"
        let there = rate(first).map { "\($0) in \(first.path) (\(place(first)))" } ?? "none in \(first.path)"
        let line = d.coolingRateStated.flatMap { $0.line > 0 ? $0.line : nil }
        // A file put into a state by study.toml's `[files]` table without its rate: say how to give it.
        let missing = [d, first].first { $0.coolingRateKPerMin == nil }
        let give = missing.map { "; give \($0.path) its cooling_rate (its header, or study.toml's [files.\"\($0.path)\"] table), or another state" } ?? ""
        return GlassError(file: d.path, line: line, "state '\(d.state)' has \(here) here and \(there); expected one cooling rate per state (rates within 1 % are one)\(give)")
    }
}
