import GlassPlatform

/// Hand adjustment of one isotherm's shift (the explorer's view 9): the SPEC §4.3 overlap cost
/// at a chosen shift, and a local refinement of one shift near a start value, for every
/// criterion and vertical-shift mode.
extension TimeTemperatureSuperposition {
    /// The half-width of the hand refinement's search around the shift it starts from, decades.
    public static let refineHalfWidthDecades = 0.25

    /// Whether a shift `x` refined from `start` (``refineShift(isotherm:near:neighbour:neighbourLog10AT:halfWidthDecades:criterion:vertical:referenceK:)``
    /// with `halfWidthDecades`) lies within a grid step of the edge of its search: the cost may
    /// still fall beyond, and the explorer says so.
    public static func isAtRefineEdge(_ x: Double, start: Double, halfWidthDecades: Double = refineHalfWidthDecades) -> Bool {
        abs(x - start) >= halfWidthDecades - gridStepDecades
    }

    /// Temperatures of the prepared isotherms, ascending (the order of `MasterCurve.shifts`).
    public var temperaturesK: [Double] { curves.map { $0.temperatureK } }

    /// The compared tracks of `k` and `neighbour`, the vertical offset between them and whether
    /// b_T is fitted; nil for an index out of range or an undefined b_T.
    func pair(_ k: Int, _ neighbour: Int, criterion: TTSCriterion, vertical: TTSVerticalShift,
              referenceK: Double?) -> (c: TTSTrack, nb: TTSTrack, offset: Double, fit: Bool)? {
        guard curves.indices.contains(k), curves.indices.contains(neighbour), k != neighbour else { return nil }
        let ref = referenceK ?? curves[neighbour].temperatureK
        guard let offset = TimeTemperatureSuperposition.searchOffset(k, neighbour, curves: curves, referenceK: ref,
                                                                     criterion: criterion, vertical: vertical) else { return nil }
        return (curves[k].track(criterion), curves[neighbour].track(criterion), offset, vertical == .fit && criterion != .tanDelta)
    }

    /// The SPEC §4.3 cost (the mean squared difference of the compared log quantities over the
    /// overlap, after the vertical shift of `vertical`) of isotherm `k` at absolute shift
    /// `log10AT` against isotherm `neighbour` at `neighbourLog10AT`; infinity with fewer than 3
    /// overlapping points, nil for an index out of range. `referenceK`: the reference isotherm's
    /// temperature (only the `temperature` mode uses it).
    public func overlapCost(isotherm k: Int, log10AT: Double, neighbour: Int, neighbourLog10AT: Double,
                            criterion: TTSCriterion = .moduli, vertical: TTSVerticalShift = .none, referenceK: Double? = nil) -> Double? {
        guard let p = pair(k, neighbour, criterion: criterion, vertical: vertical, referenceK: referenceK) else { return nil }
        return TimeTemperatureSuperposition.overlap(p.c, p.nb, delta: log10AT - neighbourLog10AT, offset: p.offset, fit: p.fit).cost
    }

    /// log10 b_T of isotherm `k` at absolute shift `log10AT` against `neighbour` (at
    /// `neighbourLog10AT`, `neighbourLog10BT`), by the rules of the master curve: 0 (`none`),
    /// log10(T_ref/T) (`temperature`), the neighbour's plus the closed-form mean difference
    /// (`fit`; E' and E'' pooled for `tan-delta`). Nil without 3 overlapping points (`fit`).
    public func verticalShift(isotherm k: Int, log10AT: Double, neighbour: Int, neighbourLog10AT: Double, neighbourLog10BT: Double,
                              criterion: TTSCriterion, vertical: TTSVerticalShift, referenceK: Double) -> Double? {
        guard curves.indices.contains(k), curves.indices.contains(neighbour), k != neighbour else { return nil }
        switch vertical {
        case .none: return 0
        case .temperature: return TimeTemperatureSuperposition.temperatureLog10BT(curves[k].temperatureK, referenceK: referenceK)
        case .fit:
            let tc = criterion == .tanDelta ? curves[k].moduli : curves[k].track(criterion)
            let tn = criterion == .tanDelta ? curves[neighbour].moduli : curves[neighbour].track(criterion)
            let ov = TimeTemperatureSuperposition.overlap(tc, tn, delta: log10AT - neighbourLog10AT, fit: true)
            return ov.cost.isFinite ? neighbourLog10BT + ov.meanDifference : nil
        }
    }

    /// The shift of isotherm `k` that minimises ``overlapCost(isotherm:log10AT:neighbour:neighbourLog10AT:criterion:vertical:referenceK:)``
    /// within `start ± halfWidthDecades`: the SPEC §4.3 search (0.005-decade grid, then golden
    /// section inside the best cell) restricted to that interval. Nil when no shift in it gives
    /// 3 overlapping points, when the master curve would have no shift for the pair on what it
    /// sees (``refineShiftOutcome(isotherm:near:neighbour:neighbourLog10AT:halfWidthDecades:criterion:vertical:referenceK:)``),
    /// or when an index is out of range.
    public func refineShift(isotherm k: Int, near start: Double, neighbour: Int, neighbourLog10AT: Double,
                            halfWidthDecades: Double = TimeTemperatureSuperposition.refineHalfWidthDecades, criterion: TTSCriterion = .moduli,
                            vertical: TTSVerticalShift = .none, referenceK: Double? = nil) -> Double? {
        refineShiftOutcome(isotherm: k, near: start, neighbour: neighbour, neighbourLog10AT: neighbourLog10AT, halfWidthDecades: halfWidthDecades,
                           criterion: criterion, vertical: vertical, referenceK: referenceK).log10AT
    }

    /// ``refineShift(isotherm:near:neighbour:neighbourLog10AT:halfWidthDecades:criterion:vertical:referenceK:)``
    /// with the reason when it finds no shift, in the words of the master curve's null shifts: the
    /// same rules, over the shifts the hand refinement searches. A cost the same at every shift of
    /// the interval fixes none there (the grid's first shift, the start, was kept in silence), and
    /// a best shift at the edge of the 3-point overlap of two isotherms with no compared value in
    /// common is where their nearest ends meet, not a match. `reason` is nil for a refined shift
    /// and for an index out of range.
    public func refineShiftOutcome(isotherm k: Int, near start: Double, neighbour: Int, neighbourLog10AT: Double,
                                   halfWidthDecades: Double = TimeTemperatureSuperposition.refineHalfWidthDecades,
                                   criterion: TTSCriterion = .moduli, vertical: TTSVerticalShift = .none,
                                   referenceK: Double? = nil) -> (log10AT: Double?, reason: String?) {
        guard let pr = pair(k, neighbour, criterion: criterion, vertical: vertical, referenceK: referenceK),
              start.isFinite, neighbourLog10AT.isFinite, halfWidthDecades > 0, halfWidthDecades < 1e3 else { return (nil, nil) }
        func cost(_ shift: Double) -> Double {
            TimeTemperatureSuperposition.overlap(pr.c, pr.nb, delta: shift - neighbourLog10AT, offset: pr.offset, fit: pr.fit).cost
        }
        let step = TimeTemperatureSuperposition.gridStepDecades
        let steps = Int((halfWidthDecades / step).rounded(.up))
        var best = cost(start), bestX = start
        // The least and largest scored cost, for the flat test.
        var least = best.isFinite ? best : .infinity, most = best.isFinite ? best : -.infinity, scored = best.isFinite ? 1 : 0
        for i in -steps...steps {
            let x = start + Double(i) * step
            let v = cost(x)
            if v < best { best = v; bestX = x }
            if v.isFinite { scored += 1; least = min(least, v); most = max(most, v) }
        }
        guard best.isFinite else {
            return (nil, "fewer than \(Self.minimumOverlap) points overlap near this shift: not refined")
        }
        let width = Format.shortNumber(halfWidthDecades)
        if scored >= 2, most - least <= Self.flatCostTolerance(pr.c, pr.nb, offset: pr.offset) {
            return (nil, failureReason(k, neighbour, .flatCost, criterion: criterion, searched: "every shift within ±\(width) decade of this one")
                + "; not refined")
        }
        // The jumps in absolute shifts: the relative ones moved by the neighbour's shift.
        let jumps = TimeTemperatureSuperposition.overlapJumps(pr.c, pr.nb).map { $0 + neighbourLog10AT }
        let x = TimeTemperatureSuperposition.refineInCell(bestX, best, step: step, jumps: jumps, cost: cost)
        let d = x - neighbourLog10AT
        if let gaps = Self.noCommonValues(pr.c, pr.nb, d, offset: pr.offset, fit: pr.fit) {
            return (nil, failureReason(k, neighbour, .noCommonValues(d, gapsDecades: gaps), criterion: criterion) + "; not refined")
        }
        return (x, nil)
    }
}
