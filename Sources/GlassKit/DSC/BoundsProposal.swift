import GlassPlatform

/// T_s/T_e proposed when a study gives none (README "Explorer"): where the states' heat-flow
/// curves diverge and merge again, else the paper's 420–500 K, else the same fractions of the
/// data range.
public enum BoundsProposal {
    /// A proposal and how it was found.
    public struct Proposal: Equatable, Sendable {
        /// Integration start, K.
        public var tsK: Double
        /// Integration end, K.
        public var teK: Double
        /// One phrase saying which rule gave it.
        public var rule: String
        /// Makes a proposal.
        public init(tsK: Double, teK: Double, rule: String) { self.tsK = tsK; self.teK = teK; self.rule = rule }
    }

    /// The temperature range every curve covers, or nil when they share none.
    public static func commonDomain(_ p: DSCPrepared) -> ClosedRange<Double>? {
        var lo = -Double.infinity, hi = Double.infinity
        var any = false
        for s in p.states {
            for c in s.curves {
                guard let d = c.curve.domain else { return nil }
                lo = max(lo, d.lowerBound); hi = min(hi, d.upperBound); any = true
            }
        }
        return any && lo < hi ? lo...hi : nil
    }

    /// Proposes bounds for `p`; nil when the curves share no temperature range.
    ///
    /// Rule 1 (two states or more): on 200 temperatures across the common range, the spread
    /// (largest minus smallest state-mean W, over the cooled states when there are two or more:
    /// the paper's "region of difference between DSC curves" after cooling) less its minimum,
    /// smoothed over 5 points; from its maximum, outwards to where it falls below 10 % of that
    /// maximum. Used when the band is at
    /// least 5 K wide and does not touch the ends of the range. Rule 2: 420–500 K (the paper's
    /// bounds) when inside the range. Rule 3: 40 % and 67 % of the range (where 420 and 500 K lie
    /// in a 300–600 K scan). Values are rounded to 0.5 K inside the range.
    public static func propose(_ p: DSCPrepared) -> Proposal? {
        guard let dom = commonDomain(p) else { return nil }
        if p.states.count >= 2 {
            // Below the crystallization exotherm: states whose exotherms lie a few kelvin apart
            // (as real ones do) differ most there, and the band landed on crystallization.
            if let band = divergence(p, dom, below: crystallizationStart(p, dom)) {
                return Proposal(tsK: band.0, teK: band.1, rule: "where the state curves diverge and merge")
            }
        }
        if dom.contains(420), dom.contains(500) { return Proposal(tsK: 420, teK: 500, rule: "the paper's 420–500 K") }
        let span = dom.upperBound - dom.lowerBound
        var ts = snap(dom.lowerBound + 0.4 * span, dom), te = snap(dom.lowerBound + 2.0 / 3.0 * span, dom)
        if ts >= te { ts = dom.lowerBound + 0.4 * span; te = dom.lowerBound + 2.0 / 3.0 * span }
        return Proposal(tsK: ts, teK: te, rule: "420–500 K scaled to the data range")
    }

    /// The bounds to start from when one or both are not given: the given ones kept as they
    /// are, only a missing one proposed (``propose(_:)``). A proposed bound on the wrong side of
    /// the given one (the given T_s above the band proposed) is replaced by the end of `domain`
    /// (where both bounds may lie) on its side, and left nil when that end is the given bound
    /// itself. A given bound outside `domain` gets no partner: the analysis refuses it (status 64).
    public static func complete(_ p: DSCPrepared, tsK: Double?, teK: Double?,
                                domain: ClosedRange<Double>?) -> (tsK: Double?, teK: Double?, rule: String?) {
        guard tsK == nil || teK == nil else { return (tsK, teK, nil) }
        let dom = domain ?? commonDomain(p)
        if let given = tsK ?? teK, let d = dom, !d.contains(given) { return (tsK, teK, nil) }
        guard let proposal = propose(p) else { return (tsK, teK, nil) }
        switch (tsK, teK) {
        case (let ts?, nil):
            if proposal.teK > ts { return (ts, proposal.teK, proposal.rule) }
            guard let end = dom?.upperBound, end > ts else { return (ts, nil, nil) }
            return (ts, end, "the data's end (the proposed T_e \(Format.shortNumber(proposal.teK)) K is not above the given T_s)")
        case (nil, let te?):
            if proposal.tsK < te { return (proposal.tsK, te, proposal.rule) }
            guard let start = dom?.lowerBound, start < te else { return (nil, te, nil) }
            return (start, te, "the data's start (the proposed T_s \(Format.shortNumber(proposal.tsK)) K is not below the given T_e)")
        default:
            return (proposal.tsK, proposal.teK, proposal.rule)
        }
    }

    /// Where the first crystallization exotherm starts, when the data hold one: on the mean of
    /// the states' mean W (200 temperatures, smoothed over 5), the deepest minimum (endo-up:
    /// the exotherm), inside the range (past its first tenth, before its last 3 points), and
    /// from it down in T to where W is back within a tenth of the dip of the top before the fall.
    /// Nil without such a minimum, or when the start leaves less than a fifth of the range below it.
    public static func crystallizationStart(_ p: DSCPrepared, _ dom: ClosedRange<Double>) -> Double? {
        let n = 200, span = dom.upperBound - dom.lowerBound
        let grid = (0..<n).map { dom.lowerBound + span * Double($0) / Double(n - 1) }
        let mean = grid.map { t -> Double in
            let states = p.states.compactMap { s -> Double? in
                let vals = s.curves.compactMap { $0.curve.value(at: t) }
                return vals.isEmpty ? nil : vals.reduce(0, +) / Double(vals.count)
            }
            return states.isEmpty ? .nan : states.reduce(0, +) / Double(states.count)
        }
        guard mean.allSatisfy(\.isFinite) else { return nil }
        let smooth = (0..<n).map { k -> Double in
            let window = max(0, k - 2)...min(n - 1, k + 2)
            return window.reduce(0.0) { $0 + mean[$1] } / Double(window.count)
        }
        guard let kx = smooth.indices.min(by: { smooth[$0] < smooth[$1] }), kx >= n / 10, kx < n - 3 else { return nil }
        var top = kx
        while top > 0, smooth[top - 1] >= smooth[top] { top -= 1 }
        guard top > 0, smooth[top] > smooth[kx] else { return nil }
        // The fall starts where W is back within a tenth of the dip of the top before it (the
        // top itself may be the T_g overshoot, with the supercooled liquid sloping down after it).
        var j = kx
        while j > top, smooth[j] < smooth[kx] + 0.9 * (smooth[top] - smooth[kx]) { j -= 1 }
        guard grid[j] - dom.lowerBound >= 0.2 * span else { return nil }
        return grid[j]
    }

    static func snap(_ t: Double, _ dom: ClosedRange<Double>) -> Double {
        let r = (t * 2).rounded() / 2
        return min(max(r, dom.lowerBound), dom.upperBound)
    }

    /// The band of rule 1 on 200 temperatures across `dom`, its maximum and its end below `limit`
    /// when given (the crystallization start).
    static func divergence(_ p: DSCPrepared, _ dom: ClosedRange<Double>, below limit: Double? = nil) -> (Double, Double)? {
        let n = 200
        let grid = (0..<n).map { dom.lowerBound + (dom.upperBound - dom.lowerBound) * Double($0) / Double(n - 1) }
        var spread = [Double](repeating: 0, count: n)
        // The paper's region is where the curves of the cooled states differ (its Fig. 1b): an
        // as-cast state's relaxation exotherm starts far below it, so with two cooled states or
        // more the as-cast one is left out.
        let cooled = p.states.filter { $0.coolingRateKPerMin != nil }
        let compared = cooled.count >= 2 ? cooled : p.states
        for (k, t) in grid.enumerated() {
            var lo = Double.infinity, hi = -Double.infinity
            for s in compared {
                let vals = s.curves.compactMap { $0.curve.value(at: t) }
                guard !vals.isEmpty else { continue }
                let m = vals.reduce(0, +) / Double(vals.count)
                lo = min(lo, m); hi = max(hi, m)
            }
            spread[k] = hi >= lo ? hi - lo : 0
        }
        let floor = spread.min() ?? 0
        let smooth = (0..<n).map { k -> Double in
            let window = max(0, k - 2)...min(n - 1, k + 2)
            return window.reduce(0.0) { $0 + spread[$1] - floor } / Double(window.count)
        }
        let end = limit.map { l in grid.firstIndex { $0 >= l } ?? n } ?? n
        guard let peakIndex = smooth.indices.prefix(end).max(by: { smooth[$0] < smooth[$1] }), smooth[peakIndex] > 0 else { return nil }
        let threshold = 0.1 * smooth[peakIndex]
        var a = peakIndex, b = peakIndex
        while a > 0, smooth[a - 1] >= threshold { a -= 1 }
        while b < n - 1, smooth[b + 1] >= threshold { b += 1 }
        guard a > 0, b < min(n - 1, end) else { return nil }
        let ts = snap(grid[a], dom), te = snap(grid[b], dom)
        guard te - ts >= 5 else { return nil }
        return (ts, te)
    }
}
