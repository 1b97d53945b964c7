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
        if p.states.count >= 2, let band = divergence(p, dom) {
            return Proposal(tsK: band.0, teK: band.1, rule: "where the state curves diverge and merge")
        }
        if dom.contains(420), dom.contains(500) { return Proposal(tsK: 420, teK: 500, rule: "the paper's 420–500 K") }
        let span = dom.upperBound - dom.lowerBound
        var ts = snap(dom.lowerBound + 0.4 * span, dom), te = snap(dom.lowerBound + 2.0 / 3.0 * span, dom)
        if ts >= te { ts = dom.lowerBound + 0.4 * span; te = dom.lowerBound + 2.0 / 3.0 * span }
        return Proposal(tsK: ts, teK: te, rule: "420–500 K scaled to the data range")
    }

    static func snap(_ t: Double, _ dom: ClosedRange<Double>) -> Double {
        let r = (t * 2).rounded() / 2
        return min(max(r, dom.lowerBound), dom.upperBound)
    }

    static func divergence(_ p: DSCPrepared, _ dom: ClosedRange<Double>) -> (Double, Double)? {
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
        guard let peakIndex = smooth.indices.max(by: { smooth[$0] < smooth[$1] }), smooth[peakIndex] > 0 else { return nil }
        let threshold = 0.1 * smooth[peakIndex]
        var a = peakIndex, b = peakIndex
        while a > 0, smooth[a - 1] >= threshold { a -= 1 }
        while b < n - 1, smooth[b + 1] >= threshold { b += 1 }
        guard a > 0, b < n - 1 else { return nil }
        let ts = snap(grid[a], dom), te = snap(grid[b], dom)
        guard te - ts >= 5 else { return nil }
        return (ts, te)
    }
}
