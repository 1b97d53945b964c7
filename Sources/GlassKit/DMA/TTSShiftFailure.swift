import GlassPlatform

/// Why the search of one isotherm against its neighbour found no shift (SPEC §4.3; §2.5: a null
/// has its reason among the warnings).
enum TTSShiftFailure: Sendable, Equatable {
    /// b_T = T_ref/T is not defined (a temperature at or below 0 K).
    case verticalUndefined
    /// No shift puts 3 of the candidate's compared points inside the neighbour's log f range.
    case tooLittleOverlap
    /// The lowest cost lies beyond ± the neighbour's span at the edge of the 3-point overlap, at
    /// this shift (decades): the rule, not the data, stopped it.
    case beyondSpan(Double)
    /// The cost is the same at every searched shift (featureless isotherms).
    case flatCost
    /// The candidate and its neighbour have no compared value in common (each compared quantity's
    /// ranges this many decades apart, in track channel order) and the lowest cost lies at the
    /// edge of the 3-point overlap, at this shift (decades): no shift lays one on the other.
    case noCommonValues(Double, gapsDecades: [Double])
}

extension TimeTemperatureSuperposition {
    /// The warning of a null shift: isotherm `k` against `nb` failed with `failure`; `farther`
    /// are the isotherms beyond it on its side, null with it because their chain to T_ref passes
    /// through it (SPEC §4.3).
    func nullShiftWarning(_ k: Int, _ nb: Int, _ failure: TTSShiftFailure, criterion: TTSCriterion, farther: [Double],
                          context: String) -> String {
        let why = failureReason(k, nb, failure, criterion: criterion)
        let names = farther.map { Format.shortNumber($0) }.joined(separator: ", ")
        return "\(context): " + why + (farther.isEmpty ? "; its shift is null"
            : "; its shift is null, and so are those farther from T_ref, whose chain to T_ref passes through it: \(names) K")
    }

    /// Why isotherm `k` has no shift against `nb` (the start of its null warning, and the
    /// explorer's answer to a refinement that found none). `searched` names the shifts the flat
    /// cost was found over.
    func failureReason(_ k: Int, _ nb: Int, _ failure: TTSShiftFailure, criterion: TTSCriterion,
                       searched: String = "every shift searched") -> String {
        let t = Format.shortNumber(curves[k].temperatureK), tn = Format.shortNumber(curves[nb].temperatureK)
        // A pair that lost points (a compared quantity not positive) may fail for that: said.
        let dropped = droppedCause(k, nb, criterion: criterion) ?? ""
        switch failure {
        case .verticalUndefined:
            return "isotherm at \(t) K: b_T = T_ref/T needs temperatures above 0 K"
        case .beyondSpan(let w):
            return "isotherm at \(t) K: its best match to \(tn) K lies beyond ± that sweep's span, at the edge of the "
                + "\(Self.minimumOverlap)-point overlap (\(CFormat.printf("%.3g", w)) decade, the cost still falling as the overlap "
                + "shrinks): the data do not fix it" + dropped
        case .flatCost:
            return "isotherm at \(t) K: its overlap cost against \(tn) K is the same at \(searched) (no shift matches "
                + "better than another: the compared quantities have no shape there, e.g. constant E' and E''): the data do not fix it" + dropped
        case .noCommonValues(let w, let gaps):
            // Named as the criterion names them (E' before E''; the moduli track holds E'' first).
            let names = criterion == .moduli ? ["E'", "E''"] : [criterion.quantityName]
            let apart = criterion == .moduli && gaps.count == 2 ? [gaps[1], gaps[0]] : gaps
            let decades = apart.map { CFormat.printf("%.2g", $0) }.joined(separator: " and ")
            return "isotherm at \(t) K has no value of \(names.joined(separator: " or ")) in common with its neighbour at \(tn) K "
                + "(their ranges lie \(decades) decade apart): no shift lays one on the other, and the search stopped at the edge of the "
                + "\(Self.minimumOverlap)-point overlap (\(CFormat.printf("%.3g", w)) decade), where their nearest ends meet: the data do not fix it" + dropped
        case .tooLittleOverlap:
            return nonPositiveReason(k, nb, criterion: criterion)
                ?? "isotherm at \(t) K overlaps its neighbour at \(tn) K in fewer than \(Self.minimumOverlap) points"
        }
    }

    /// The reason when too few points overlap because points were dropped for a compared quantity
    /// that is not positive (its logarithm is not defined) in the candidate `k` or its neighbour
    /// `nb`, while their frequencies alone would overlap in 3 points; nil otherwise. With the
    /// remedy: the other modulus, where it is positive at 3 points of both isotherms.
    func nonPositiveReason(_ k: Int, _ nb: Int, criterion: TTSCriterion) -> String? {
        let c = curves[k], n = curves[nb]
        guard let p = droppedInPair(k, nb, criterion: criterion) else { return nil }
        let cx = c.f.map { log10($0) }.sorted(), nx = n.f.map { log10($0) }.sorted()
        guard nx.count >= 2, Self.gridRange(TTSTrack(x: cx, a: [], b: []), TTSTrack(x: nx, a: [], b: [])) != nil else { return nil }
        return "isotherm at \(Format.shortNumber(c.temperatureK)) K: \(p.names) is not positive " + p.at.joined(separator: " and ")
            + " (a logarithm needs a value above 0; those points are dropped), which leaves fewer than \(Self.minimumOverlap) points "
            + "overlapping \(Format.shortNumber(n.temperatureK)) K, though their frequencies overlap" + p.remedy
    }
}

extension TimeTemperatureSuperposition.Curve {
    /// Points (of those with f > 0 and finite moduli) where the quantity compared by `criterion`
    /// is not positive (tan δ: or not a number), of how many.
    func nonPositive(_ criterion: TTSCriterion) -> (count: Int, of: Int) {
        let n = f.indices.reduce(0) { sum, i in
            let bad: Bool
            switch criterion {
            case .moduli: bad = !(rawStorage[i] > 0) || !(rawLoss[i] > 0)
            case .storage: bad = !(rawStorage[i] > 0)
            case .loss: bad = !(rawLoss[i] > 0)
            case .tanDelta: bad = !((rawTanDelta[i] ?? -1) > 0)
            }
            return sum + (bad ? 1 : 0)
        }
        return (n, f.count)
    }
}

extension TTSCriterion {
    /// The quantity compared, as the warnings name it.
    var quantityName: String {
        switch self {
        case .moduli: return "E' and E''"
        case .storage: return "E'"
        case .loss: return "E''"
        case .tanDelta: return "tan δ"
        }
    }
}
