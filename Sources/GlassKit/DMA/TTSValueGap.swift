import GlassPlatform

extension TimeTemperatureSuperposition {
    /// The gaps (decades, in track channel order) between the ranges of the compared values of
    /// `c` (the vertical `offset` added) and of `nb`, when every compared quantity's ranges lie
    /// apart and the shift `d` is at the edge of the 3-point overlap; nil otherwise, and always
    /// with `fit` (the fitted vertical shift closes a gap in level).
    ///
    /// Two sweeps with no value in common (the colder in the glassy plateau, the warmer decades
    /// below it, as isotherms far apart in T give) cannot be laid on one another at any shift:
    /// the cost falls as the overlap shrinks toward their nearest ends, and the search stops at
    /// the edge of the 3-point overlap, a bound the rule set (within ± the neighbour's span, so
    /// ``isUndetermined(_:_:_:offset:fit:)`` does not see it). A shift in the overlap's interior,
    /// or ranges that meet in one quantity, keep their shift.
    static func noCommonValues(_ c: TTSTrack, _ nb: TTSTrack, _ d: Double, offset: Double = 0, fit: Bool = false) -> [Double]? {
        guard !fit, c.channels == nb.channels else { return nil }
        var gaps: [Double] = []
        for (u, v) in c.channels == 2 ? [(c.a, nb.a), (c.b, nb.b)] : [(c.a, nb.a)] {
            guard let uLo = u.min(), let uHi = u.max(), let vLo = v.min(), let vHi = v.max() else { return nil }
            let gap = max(vLo - (uHi + offset), (uLo + offset) - vHi)
            guard gap > 0 else { return nil }
            gaps.append(gap)
        }
        return isAtOverlapEdge(c, nb, d, offset: offset, fit: fit) ? gaps : nil
    }
}
