import Synchronization

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
        let trefGiven: Bool
        let criterion: TTSCriterion
        let vertical: TTSVerticalShift
        let curve: MasterCurve?
        let warnings: [String]

        /// Whether this curve was computed with `settings`' T_ref, compared quantity and vertical shift.
        func matches(_ settings: DMAStateSettings) -> Bool {
            trefK == settings.trefK && trefGiven == settings.trefGiven && criterion == settings.ttsOn && vertical == settings.verticalShift
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
                                       criterion: settings.ttsOn, vertical: settings.verticalShift, trefGiven: settings.trefGiven)
        master = Master(trefK: settings.trefK, trefGiven: settings.trefGiven, criterion: settings.ttsOn, vertical: settings.verticalShift,
                        curve: m, warnings: w)
        return (m, w)
    }

    /// The prefix of a master curve's warnings.
    static func masterContext(_ s: DMAPreparedState) -> String { "dma \(s.data.state) master curve" }

    /// The context of a state's warnings of one family (`dma as-cast β`).
    static func familyContext(_ s: DMAPreparedState, _ family: DMADiagnostic.Family) -> String {
        switch family {
        case .beta: return "dma \(s.data.state) β"
        case .alpha: return "dma \(s.data.state) α"
        case .qpd: return "dma \(s.data.state) QPD"
        }
    }

    /// Computes into `caches` the parts of `states` (with their `settings`) that are not cached
    /// yet: the master curves and the β and α peaks, all in one parallel map, so that the cores
    /// share every state's work instead of a state each (three states on two cores leave one idle
    /// for the last). The map's items are every pair search of every master curve, state after
    /// state, then the peak searches. The thread that finishes a state's last pair search builds
    /// that state's curve from them at once, while the other core goes on with the next state's
    /// searches or with the peaks. Each part is computed exactly as
    /// ``masterCurve(_:settings:)`` and ``diagnosedPeaks(_:_:windowK:context:)`` compute it.
    static func prepare(_ states: [DMAPreparedState], settings: [DMAStateSettings], caches: inout [DMAPartialResults]) {
        let searches: [(state: Int, pairs: TTSPairSearches)] = states.indices.compactMap { i in
            let st = settings[i]
            guard !states[i].data.isotherms.isEmpty, !(caches[i].master?.matches(st) ?? false),
                  let p = states[i].tts.pairSearches(trefK: st.trefK, criterion: st.ttsOn, vertical: st.verticalShift, trefGiven: st.trefGiven) else { return nil }
            return (i, p)
        }
        var items: [Part] = searches.indices.flatMap { s in (0..<searches[s].pairs.count).map { Part.pairSearch(s, $0) } }
        for i in states.indices {
            if caches[i].beta?.windowK != settings[i].betaWindowK { items.append(.peaks(i, .beta)) }
            if caches[i].alpha?.windowK != settings[i].alphaWindowK { items.append(.peaks(i, .alpha)) }
        }
        guard !items.isEmpty else { return }
        let board = PairSearchBoard(counts: searches.map { $0.pairs.count })
        let done = ParallelMap.map(items) { item -> Computed? in
            switch item {
            case let .pairSearch(s, k):
                guard let results = board.record(searches[s].pairs.search(k), search: s, index: k) else { return nil }
                let (i, pairs) = searches[s]
                let (m, w) = states[i].tts.masterCurve(pairs, results: results, context: masterContext(states[i]))
                return .master(i, Master(trefK: settings[i].trefK, trefGiven: settings[i].trefGiven, criterion: settings[i].ttsOn,
                                         vertical: settings[i].verticalShift, curve: m, warnings: w))
            case let .peaks(i, family):
                var cached: Peaks?
                _ = diagnosedPeaks(&cached, states[i], windowK: family == .beta ? settings[i].betaWindowK : settings[i].alphaWindowK,
                                   context: familyContext(states[i], family))
                return cached.map { .peaks(i, family, $0) }
            }
        }
        for case let c? in done {
            switch c {
            case let .master(i, m): caches[i].master = m
            case let .peaks(i, .beta, p): caches[i].beta = p
            case let .peaks(i, _, p): caches[i].alpha = p
            }
        }
    }

    /// One item of ``prepare(_:settings:caches:)``'s map: pair search k of the s-th pending
    /// master curve, or the peaks of a family in state i.
    private enum Part: Sendable {
        case pairSearch(Int, Int)
        case peaks(Int, DMADiagnostic.Family)
    }

    /// What an item computed: a state's master curve (from the item that ended its searches) or
    /// its peaks.
    private enum Computed: Sendable {
        case master(Int, Master)
        case peaks(Int, DMADiagnostic.Family, Peaks)
    }
}

/// The pair-search results of the pending master curves, filled concurrently: ``record(_:search:index:)``
/// hands all of a curve's results to the one call that completes them.
private final class PairSearchBoard: Sendable {
    private struct Slots {
        var results: [[TTSPairSearches.Result]]
        var remaining: [Int]
    }
    private let slots: Mutex<Slots>

    init(counts: [Int]) {
        slots = Mutex(Slots(results: counts.map { Array(repeating: (nil, nil, nil), count: $0) }, remaining: counts))
    }

    /// Stores result `index` of search `s`; returns all of its results when this was the last one.
    func record(_ r: TTSPairSearches.Result, search s: Int, index: Int) -> [TTSPairSearches.Result]? {
        slots.withLock { b in
            b.results[s][index] = r
            b.remaining[s] -= 1
            return b.remaining[s] == 0 ? b.results[s] : nil
        }
    }
}
