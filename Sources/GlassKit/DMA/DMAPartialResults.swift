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

    /// The master curve at `trefK` (comparing `criterion`, with `vertical` shifts) and its
    /// warnings, from the cache when those are the same.
    mutating func masterCurve(_ s: DMAPreparedState, trefK: Double, criterion: TTSCriterion = .moduli,
                              vertical: TTSVerticalShift = .none, context: String) -> (MasterCurve?, [String]) {
        if let c = master, c.trefK == trefK, c.criterion == criterion, c.vertical == vertical { return (c.curve, c.warnings) }
        let (m, w) = s.tts.masterCurve(trefK: trefK, context: context, criterion: criterion, vertical: vertical)
        master = Master(trefK: trefK, criterion: criterion, vertical: vertical, curve: m, warnings: w)
        return (m, w)
    }
}
