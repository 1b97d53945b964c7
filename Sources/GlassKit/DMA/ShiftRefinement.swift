import Foundation

/// Hand adjustment of one isotherm's shift (the explorer's view 9): the SPEC §4.3 overlap cost
/// at a chosen shift, and a local refinement of one shift near a start value.
extension TimeTemperatureSuperposition {
    /// Temperatures of the prepared isotherms, ascending (the order of `MasterCurve.shifts`).
    public var temperaturesK: [Double] { curves.map { $0.temperatureK } }

    /// The SPEC §4.3 cost (mean squared difference of log10 E'' and log10 E' over the overlap)
    /// of isotherm `k` at absolute shift `log10AT` against isotherm `neighbour` at `neighbourLog10AT`;
    /// infinity with fewer than 3 overlapping points, nil for an index out of range.
    public func overlapCost(isotherm k: Int, log10AT: Double, neighbour: Int, neighbourLog10AT: Double) -> Double? {
        guard curves.indices.contains(k), curves.indices.contains(neighbour), k != neighbour else { return nil }
        return TimeTemperatureSuperposition.cost(curves[k], curves[neighbour], delta: log10AT - neighbourLog10AT)
    }

    /// The shift of isotherm `k` that minimises ``overlapCost(isotherm:log10AT:neighbour:neighbourLog10AT:)``
    /// within `start ± halfWidthDecades`: the SPEC §4.3 search (0.005-decade grid, then golden
    /// section inside the best cell) restricted to that interval. Nil when no shift in it gives
    /// 3 overlapping points or an index is out of range.
    public func refineShift(isotherm k: Int, near start: Double, neighbour: Int, neighbourLog10AT: Double,
                            halfWidthDecades: Double = 0.25) -> Double? {
        guard curves.indices.contains(k), curves.indices.contains(neighbour), k != neighbour,
              start.isFinite, neighbourLog10AT.isFinite, halfWidthDecades > 0 else { return nil }
        let c = curves[k], nb = curves[neighbour]
        func cost(_ shift: Double) -> Double { TimeTemperatureSuperposition.cost(c, nb, delta: shift - neighbourLog10AT) }
        let step = TimeTemperatureSuperposition.gridStepDecades
        let steps = Int((halfWidthDecades / step).rounded(.up))
        var best = cost(start), bestX = start
        for i in -steps...steps {
            let x = start + Double(i) * step
            let v = cost(x)
            if v < best { best = v; bestX = x }
        }
        guard best.isFinite else { return nil }
        var lo = bestX - step, hi = bestX + step
        let g = (sqrt(5.0) - 1) / 2
        var p = hi - g * (hi - lo), q = lo + g * (hi - lo)
        var fp = cost(p), fq = cost(q)
        while hi - lo > 1e-7 {
            if fp <= fq { hi = q; q = p; fq = fp; p = hi - g * (hi - lo); fp = cost(p) } else {
                lo = p; p = q; fp = fq; q = lo + g * (hi - lo); fq = cost(q)
            }
        }
        let mid = (lo + hi) / 2
        return cost(mid) <= best ? mid : bestX
    }
}
