import Foundation

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
        var pairs: [PeakPair] = [], warnings: [String] = []
        for c in curves {
            switch PeakFinder.find(x: c.temperatureK, y: c.lossMPa, lo: windowK.lowerBound, hi: windowK.upperBound,
                                   halfWidth: PeakFinder.halfWidthK) {
            case .success(let p):
                pairs.append(PeakPair(frequencyHz: c.frequencyHz, temperatureK: p.x, source: c.source))
            case .failure(let e):
                warnings.append("\(context): no peak at \(Format.shortNumber(c.frequencyHz)) Hz (\(c.source)) in "
                    + "\(Format.shortNumber(windowK.lowerBound))–\(Format.shortNumber(windowK.upperBound)) K: \(e.reason)")
            }
        }
        return (pairs, warnings)
    }
}
