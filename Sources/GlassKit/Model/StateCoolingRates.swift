/// One state has one cooling rate (method reference §2): the files of a state must not disagree,
/// or the state's place in S_r and in the state order would depend on which file is read first.
public enum StateCoolingRates {
    /// Throws the one-line data error naming the first file whose cooling rate differs from an
    /// earlier file's of the same state. DSC sample runs must all give the same rate or all none;
    /// DMA runs may leave it out (their state takes the rate its other files give), but two rates
    /// that differ are an error as in DSC.
    public static func check(_ datasets: [Dataset]) throws {
        // Each state's rate and the file that gave it first (both files are named).
        var dsc: [String: (rate: Double?, path: String)] = [:]
        var dma: [String: (rate: Double, path: String)] = [:]
        for d in datasets {
            switch d.kind {
            case .dsc where d.role == .sample:
                if let known = dsc[d.state] {
                    if known.rate != d.coolingRateKPerMin { throw conflict(d, known.rate, known.path) }
                } else {
                    dsc[d.state] = (d.coolingRateKPerMin, d.path)
                }
            case .dmaTScan, .dmaFSweep:
                guard let rate = d.coolingRateKPerMin else { continue }
                if let known = dma[d.state] {
                    if known.rate != rate { throw conflict(d, known.rate, known.path) }
                } else {
                    dma[d.state] = (rate, d.path)
                }
            default:
                continue
            }
        }
    }

    private static func conflict(_ d: Dataset, _ known: Double?, _ knownPath: String) -> GlassError {
        let a = known.map { Format.shortNumber($0) + " K/min" } ?? "none", here = d.coolingRateKPerMin.map { "cooling rate " + Format.shortNumber($0) + " K/min" } ?? "no cooling rate"
        return GlassError(file: d.path, "state '\(d.state)' has \(here) here and \(a) in \(knownPath) (its header, or study.toml's [files] table for it); expected one cooling rate per state")
    }
}
