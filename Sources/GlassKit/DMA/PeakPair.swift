import GlassPlatform

/// One (f, T_peak) pair of a relaxation process (SPEC §4.1).
public struct PeakPair: Sendable, Equatable {
    /// Driving frequency, Hz.
    public var frequencyHz: Double
    /// Refined peak temperature, K.
    public var temperatureK: Double
    /// The curve it came from (file path or `isotherms`).
    public var source: String

    /// The peaks of every curve in the window `windowK` (SPEC §4.1), in curve order, with one
    /// warning per curve that has no peak (prefixed by `context`, e.g. "as-cast β").
    public static func collect(_ curves: [FrequencyCurve], windowK: ClosedRange<Double>,
                               context: String) -> (pairs: [PeakPair], warnings: [String]) {
        let r = collectDiagnosed(curves, windowK: windowK, context: context)
        return (r.pairs, r.warnings)
    }

    /// ``collect(_:windowK:context:)`` that also returns the found peaks whose vertex lies within
    /// one step of the window's edge (``PeakNearEdge/check(x:lo:hi:vertex:)``), in curve order.
    public static func collectDiagnosed(_ curves: [FrequencyCurve], windowK: ClosedRange<Double>,
                                        context: String) -> (pairs: [PeakPair], warnings: [String], nearEdge: [PeakNearEdge]) {
        var pairs: [PeakPair] = [], warnings: [String] = [], near: [PeakNearEdge] = []
        for c in curves {
            switch PeakFinder.find(x: c.temperatureK, y: c.lossMPa, lo: windowK.lowerBound, hi: windowK.upperBound,
                                   halfWidth: PeakFinder.halfWidthK, kelvin: true) {
            case .success(let p):
                pairs.append(PeakPair(frequencyHz: c.frequencyHz, temperatureK: p.x, source: c.source))
                if let h = PeakNearEdge.check(x: c.temperatureK, lo: windowK.lowerBound, hi: windowK.upperBound, vertex: p.x) {
                    var n = PeakNearEdge(frequencyHz: c.frequencyHz, source: c.source, vertexK: p.x, stepK: h)
                    n.dataEndK = PeakNearEdge.dataEnd(x: c.temperatureK, lo: windowK.lowerBound, hi: windowK.upperBound, vertex: p.x, step: h)
                    near.append(n)
                }
            case .failure(let e):
                warnings.append("\(context): no peak at \(Format.shortNumber(c.frequencyHz)) Hz (\(c.source)) in "
                    + "\(Format.shortNumber(windowK.lowerBound))–\(Format.shortNumber(windowK.upperBound)) K: \(e.reason)")
            }
        }
        return (pairs, warnings, near)
    }
}
