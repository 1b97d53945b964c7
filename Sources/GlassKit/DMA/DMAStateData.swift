/// The DMA runs of one thermal state: temperature scans and isothermal sweeps.
public struct DMAStateData: Sendable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min; nil for as-cast.
    public var coolingRateKPerMin: Double?
    /// `dma-tscan` runs in path order.
    public var scans: [Dataset]
    /// `dma-fsweep` runs sorted by temperature (stable, path order among equals).
    public var isotherms: [Dataset]

    /// Groups the DMA datasets of a study by state: as-cast (no cooling rate) first, then by
    /// cooling rate (rates that are one by ``CoolingRates`` alike), then by label (the order of
    /// SPEC §3 for DSC states).
    public static func group(_ datasets: [Dataset]) -> [DMAStateData] {
        var order: [String] = []
        var byState: [String: DMAStateData] = [:]
        // States whose rate is the one they are named by (StatesByCoolingRate.givesStateRate).
        var rated = Set<String>()
        for d in datasets where d.kind == .dmaTScan || d.kind == .dmaFSweep {
            if byState[d.state] == nil {
                order.append(d.state)
                byState[d.state] = DMAStateData(state: d.state, coolingRateKPerMin: d.coolingRateKPerMin, scans: [], isotherms: [])
            }
            if let q = d.coolingRateKPerMin, byState[d.state]?.coolingRateKPerMin == nil || (!rated.contains(d.state) && StatesByCoolingRate.givesStateRate(d)) {
                byState[d.state]?.coolingRateKPerMin = q
            }
            if StatesByCoolingRate.givesStateRate(d) { rated.insert(d.state) }
            if d.kind == .dmaTScan { byState[d.state]?.scans.append(d) } else { byState[d.state]?.isotherms.append(d) }
        }
        var states = order.compactMap { byState[$0] }
        for k in states.indices {
            states[k].isotherms = states[k].isotherms.enumerated().sorted { a, b in
                let ta = a.element.temperatureK ?? 0, tb = b.element.temperatureK ?? 0
                return ta != tb ? ta < tb : a.offset < b.offset
            }.map { $0.element }
        }
        // Rates that are one (CoolingRates) tie, and go by label.
        let key = CoolingRates.orderKeys(states.compactMap(\.coolingRateKPerMin))
        return states.enumerated().sorted { a, b in
            switch (a.element.coolingRateKPerMin.flatMap { key[$0] }, b.element.coolingRateKPerMin.flatMap { key[$0] }) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x != y ? x < y : a.element.state < b.element.state
            }
        }.map { $0.element }
    }
}
