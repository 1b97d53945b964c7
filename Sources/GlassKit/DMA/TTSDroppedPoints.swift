import GlassPlatform

/// Points of an isotherm left out of the shift because a compared quantity is not positive (its
/// logarithm is not defined; tan δ: or not a number), SPEC §4.3's exact rules. Said for every
/// isotherm where it happens, whatever its shift, and named in the reason of a null shift of a
/// pair that lost points so (the drop, not the data, may be why).
extension TimeTemperatureSuperposition {
    /// `35 of 41 E'' points` (`moduli` with both: `2 of 41 E' and 35 of 41 E'' points, 36 in all`);
    /// nil when `c` keeps every point for `criterion`.
    static func droppedText(_ c: Curve, criterion: TTSCriterion) -> String? {
        let all = c.nonPositive(criterion)
        guard all.count > 0 else { return nil }
        guard criterion == .moduli else { return "\(all.count) of \(all.of) \(criterion.quantityName) points" }
        let each = [("E'", c.nonPositive(.storage).count), ("E''", c.nonPositive(.loss).count)].filter { $0.1 > 0 }
        let listed = each.map { "\($0.1) of \(all.of) \($0.0)" }.joined(separator: " and ") + " points"
        return each.count > 1 ? listed + ", \(all.count) in all" : listed
    }

    /// One warning for the isotherms that lose points for `criterion`
    /// (`… master curve: points left out of the shift, their E'' not positive (a logarithm needs a
    /// value above 0): 460 K (35 of 41 E'' points)`); nil when none does.
    func droppedPointsWarning(criterion: TTSCriterion, context: String) -> String? {
        let named = curves.compactMap { c in
            Self.droppedText(c, criterion: criterion).map { "\(Format.shortNumber(c.temperatureK)) K (\($0))" }
        }
        guard !named.isEmpty else { return nil }
        let quantity = criterion == .moduli ? "E' or E''" : criterion.quantityName
        let notANumber = criterion == .tanDelta ? " or not a number" : ""
        return "\(context): points left out of the shift, their \(quantity) not positive\(notANumber) (a logarithm needs a value above 0): "
            + named.joined(separator: ", ")
    }

    /// What isotherm `k` and its neighbour `nb` lose for `criterion`: the quantities not positive
    /// (`E' or E''`), where (`at 35 of its 41 points`, `at 3 of the 41 points of its neighbour at
    /// 455 K`) and the other modulus to compare instead, where it is positive at 3 points of
    /// both; nil when neither loses a point.
    func droppedInPair(_ k: Int, _ nb: Int, criterion: TTSCriterion) -> (names: String, at: [String], remedy: String)? {
        let c = curves[k], n = curves[nb]
        let dropped = [c, n].map { $0.nonPositive(criterion) }
        guard dropped.contains(where: { $0.count > 0 }) else { return nil }
        // Which compared quantities are not positive somewhere (moduli: E', E'' or both).
        let names = criterion == .moduli
            ? [("E'", [c, n].contains { $0.nonPositive(.storage).count > 0 }), ("E''", [c, n].contains { $0.nonPositive(.loss).count > 0 })]
                .filter(\.1).map(\.0).joined(separator: " or ")
            : criterion.quantityName
        var at: [String] = []
        if dropped[0].count > 0 { at.append("at \(dropped[0].count) of its \(dropped[0].of) points") }
        if dropped[1].count > 0 { at.append("at \(dropped[1].count) of the \(dropped[1].of) points of its neighbour at \(Format.shortNumber(n.temperatureK)) K") }
        // The other modulus, where it can be compared.
        let remedy = [TTSCriterion.storage, .loss].first { r in
            r != criterion && [c, n].allSatisfy { $0.f.count - $0.nonPositive(r).count >= Self.minimumOverlap }
        }
        let remedyText = remedy.map { " (to compare \($0.quantityName) alone: --tts-on \($0.rawValue), or tts_on = \"\($0.rawValue)\" in study.toml)" } ?? ""
        return (names, at, remedyText)
    }

    /// The end of a null shift's reason (other than too little overlap, which says it itself)
    /// when the pair lost points for `criterion`: what was dropped and how many points were left
    /// to compare; nil when no point was dropped.
    func droppedCause(_ k: Int, _ nb: Int, criterion: TTSCriterion) -> String? {
        guard let p = droppedInPair(k, nb, criterion: criterion) else { return nil }
        let left = curves[k].track(criterion).x.count, leftNeighbour = curves[nb].track(criterion).x.count
        return "; points left out may be why: \(p.names) is not positive " + p.at.joined(separator: " and ")
            + " (a logarithm needs a value above 0; those points are dropped), which leaves \(left) of its points and "
            + "\(leftNeighbour) of its neighbour's to compare" + p.remedy
    }
}
