/// One state has one cooling rate (method reference §2): the files of a state must not disagree,
/// or the state's place in S_r and in the state order would depend on which file is read first.
public enum StateCoolingRates {
    /// Throws the one-line data error naming the first file whose cooling rate differs from an
    /// earlier file's of the same state. DSC sample runs must all give the same rate or all none;
    /// DMA runs may leave it out (their state takes the rate its other files give), but two rates
    /// that differ are an error as in DSC.
    public static func check(_ datasets: [Dataset]) throws {
        var dsc: [String: Double?] = [:]
        var dma: [String: Double] = [:]
        for d in datasets {
            switch d.kind {
            case .dsc where d.role == .sample:
                if let known = dsc[d.state] {
                    if known != d.coolingRateKPerMin { throw conflict(d, known) }
                } else {
                    dsc[d.state] = d.coolingRateKPerMin
                }
            case .dmaTScan, .dmaFSweep:
                guard let rate = d.coolingRateKPerMin else { continue }
                if let known = dma[d.state] {
                    if known != rate { throw conflict(d, known) }
                } else {
                    dma[d.state] = rate
                }
            default:
                continue
            }
        }
    }

    private static func conflict(_ d: Dataset, _ known: Double?) -> GlassError {
        GlassError(file: d.path, "state '\(d.state)' has cooling rates \(known.map(Format.shortNumber) ?? "none") and \(d.coolingRateKPerMin.map(Format.shortNumber) ?? "none"); expected one cooling rate per state")
    }
}
