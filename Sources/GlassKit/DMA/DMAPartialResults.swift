/// The costly parts of one state's DMA analysis (peak search in the β and α windows, the master
/// curve), each with the setting it was computed for. ``DMAAnalysis/evaluate(_:settings:cache:)``
/// reuses a part whose setting did not change, so moving one window (or T_ref) recomputes only
/// what depends on it; the result is the same as without a cache.
public struct DMAPartialResults: Sendable {
    struct Peaks: Sendable {
        let windowK: ClosedRange<Double>
        let pairs: [PeakPair]
        let warnings: [String]
        let nearEdge: [PeakNearEdge]
    }

    struct Master: Sendable {
        let trefK: Double
        let criterion: TTSCriterion
        let vertical: TTSVerticalShift
        let curve: MasterCurve?
        let warnings: [String]

        /// Whether this curve was computed with `settings`' T_ref, compared quantity and vertical shift.
        func matches(_ settings: DMAStateSettings) -> Bool {
            trefK == settings.trefK && criterion == settings.ttsOn && vertical == settings.verticalShift
        }
    }

    var beta: Peaks?
    var alpha: Peaks?
    var master: Master?

    /// An empty cache (everything is computed on first use).
    public init() {}

    /// The peak pairs in `windowK` and their warnings, from `cached` when its window is the same.
    static func peaks(_ cached: inout Peaks?, _ s: DMAPreparedState, windowK: ClosedRange<Double>, context: String) -> ([PeakPair], [String]) {
        let r = diagnosedPeaks(&cached, s, windowK: windowK, context: context)
        return (r.pairs, r.warnings)
    }

    /// ``peaks(_:_:windowK:context:)`` with the peaks near the window's edge (docs/diagnostics.md).
    static func diagnosedPeaks(_ cached: inout Peaks?, _ s: DMAPreparedState, windowK: ClosedRange<Double>,
                               context: String) -> (pairs: [PeakPair], warnings: [String], nearEdge: [PeakNearEdge]) {
        if let c = cached, c.windowK == windowK { return (c.pairs, c.warnings, c.nearEdge) }
        let r = PeakPair.collectDiagnosed(s.curves, windowK: windowK, context: context)
        cached = Peaks(windowK: windowK, pairs: r.pairs, warnings: r.warnings, nearEdge: r.nearEdge)
        return r
    }

    /// The master curve of `settings` (T_ref, the compared quantity, the vertical shift) and its
    /// warnings, from the cache when those are the same.
    mutating func masterCurve(_ s: DMAPreparedState, settings: DMAStateSettings) -> (MasterCurve?, [String]) {
        if let c = master, c.matches(settings) { return (c.curve, c.warnings) }
        let (m, w) = s.tts.masterCurve(trefK: settings.trefK, context: Self.masterContext(s),
                                       criterion: settings.ttsOn, vertical: settings.verticalShift)
        master = Master(trefK: settings.trefK, criterion: settings.ttsOn, vertical: settings.verticalShift, curve: m, warnings: w)
        return (m, w)
    }

    /// The prefix of a master curve's warnings.
    static func masterContext(_ s: DMAPreparedState) -> String { "dma \(s.data.state) master curve" }

    /// Computes into `caches` the master curves of `states` (with their `settings`) that are not
    /// cached yet, every pair search of every state in one parallel map (then each state's curve
    /// from its searches, also in parallel). The curves are those ``masterCurve(_:settings:)``
    /// computes.
    static func prepareMasterCurves(_ states: [DMAPreparedState], settings: [DMAStateSettings], caches: inout [DMAPartialResults]) {
        let searches: [(state: Int, pairs: TTSPairSearches)] = states.indices.compactMap { i in
            let st = settings[i]
            guard !states[i].data.isotherms.isEmpty, !(caches[i].master?.matches(st) ?? false),
                  let p = states[i].tts.pairSearches(trefK: st.trefK, criterion: st.ttsOn, vertical: st.verticalShift) else { return nil }
            return (i, p)
        }
        guard !searches.isEmpty else { return }
        let work = searches.indices.flatMap { s in (0..<searches[s].pairs.count).map { (s, $0) } }
        let results = ParallelMap.map(work) { searches[$0.0].pairs.search($0.1) }
        let offsets = searches.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.pairs.count) }
        let curves = ParallelMap.map(Array(searches.indices)) { s -> Master in
            let (i, pairs) = searches[s]
            let (m, w) = states[i].tts.masterCurve(pairs, results: Array(results[offsets[s]..<offsets[s + 1]]), context: masterContext(states[i]))
            return Master(trefK: settings[i].trefK, criterion: settings[i].ttsOn, vertical: settings[i].verticalShift, curve: m, warnings: w)
        }
        for (s, m) in curves.enumerated() { caches[searches[s].state].master = m }
    }
}
