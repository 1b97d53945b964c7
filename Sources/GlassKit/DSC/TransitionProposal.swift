/// Why windows could not be proposed: what was (or was not) found in the data, and the windows it
/// leaves without a proposal. The analysis names only those of them that were not given.
public struct ProposalReason: Sendable, Equatable {
    /// What was found, in the user's words ("no crystallization exotherm found in the data").
    public var cause: String
    /// The windows it leaves unproposed.
    public var kinds: [TransitionWindowKind]
    /// What else than giving the windows would let them be proposed, said after "give it/them"
    /// (", or data at most 2 K apart"); nil: nothing is said after the keys.
    public var remedy: String?

    /// A reason.
    public init(_ cause: String, _ kinds: [TransitionWindowKind], remedy: String? = nil) {
        self.cause = cause; self.kinds = kinds; self.remedy = remedy
    }
}

/// Windows proposed from the data when none is given, with the reason for any that is missing.
public struct TransitionProposal: Sendable, Equatable {
    /// The proposed windows.
    public var windows: TransitionWindows
    /// Why windows could not be proposed.
    public var reasons: [ProposalReason]

    /// Windows and reasons.
    public init(windows: TransitionWindows, reasons: [ProposalReason]) {
        self.windows = windows; self.reasons = reasons
    }

    /// A dip of W at least this fraction of the deepest exotherm's depth is an exotherm: noise and
    /// small wiggles are far smaller, the first of two crystallization steps is not.
    static let largeExothermFraction = 0.1
    /// A dip whose recovery climbs above the top it fell from by more than this fraction of its fall
    /// ends in an endothermic step (the glass transition): a relaxation exotherm below T_g, not
    /// crystallization. Crystallization recovers to its top or below (measured: at most 4 % above
    /// on sloped synthetic curves; relaxation dips 30 % and more even 5 times deeper than the step).
    static let stepEndedFraction = 0.25
    /// The step's edges: where W′ falls to this fraction of the step's height above the glass's slope.
    static let stepEdgeFraction = 0.1
    /// A glass slope smaller than this fraction of the step's largest W′ counts as flat: it moves
    /// the edges by a fraction of a kelvin, and the windows of such traces stay as they were
    /// proposed before the glass's slope was read.
    static let flatGlassFraction = 0.02
    /// A baseline slope (the median W′ of the whole curve) smaller than this fraction of the
    /// curve's steepest W′ counts as flat for the exotherm search (the same reasoning).
    static let flatBaselineFraction = 0.02
    /// A proposed liquid line spans at least this many kelvin (half the 10 K it is given at least):
    /// a narrower stretch between the step's end and what lies above it is not proposed. Measured
    /// traces leave 10 K and more (real files 10–124 K, the bundled samples 30–35 K); the windows
    /// of 1–5 K proposed before were read off the step's tail and the exotherm's start.
    static let minLiquidK = 5.0
    /// At most this many rises steeper than the step are passed over as recoveries from exotherms
    /// (a noisy curve without a step would be searched point by point).
    static let maxPassedOver = 8
    /// The medians of W′ are taken over at most this many points (evenly spaced in index): a
    /// median needs no more, and a curve of 10^6 points is not read twice more.
    static let medianPoints = 2048

    /// The proposal rule (docs/transitions.md, "Proposed windows"), on the state's first curve.
    /// O(log n) on a trace without drift (the trees of W), plus the walks over the step's width and
    /// the medians of W′ over at most 2048 points; O(n) with a drifting baseline, once per given edges.
    ///
    /// 1. Crystallization: the deepest exotherm is the point of lowest W (endo-up) when it lies above
    ///    the first 5 % of the data span and more than 2 K below the last point, and the rises from
    ///    it to the highest point before and after it differ by at most a factor 2 (W comes back to
    ///    about where it fell from); its depth D is the smaller rise. The exotherm proposed is the
    ///    first dip (walking up in T: W falls by 0.1·D below its highest value so far, then comes
    ///    back up by 0.1·D from its lowest value since; bottom above the first 5 % of the span), at
    ///    worst the deepest itself; a dip whose recovery climbs above the top it fell from by more than
    ///    a quarter of its fall ends in the glass transition (a relaxation exotherm below T_g) and is
    ///    passed over. The fall starts where W′ (walking down in T from the steepest
    ///    descent between the highest point before the dip and its bottom; for the deepest, from
    ///    the data's start) is no longer below 2 % of that steepest W′; the recovery ends where W′
    ///    (walking up from the steepest rise between the bottom and the highest point before W goes
    ///    lower again; for the deepest, to the data's end) is no longer above 2 % of it. A dip counts
    ///    only when W less the median W′ from its top to its recovery's peak still falls by 0.1·D.
    ///    Window = [fall start − a quarter of (recovery end − fall start), recovery end]. A baseline
    ///    whose median W′ exceeds 2 % of the steepest |W′| is subtracted first (W and W′ alike).
    /// 2. Transition: the largest W′ at least 5 % of the data span above the first point and below
    ///    the crystallization window (else below the last 5 % of the span). The glass's slope b is the
    ///    median W′ from there up to that point (0 when within 2 % of that W′); the step's height is
    ///    h = W′ − b. Its step runs down
    ///    while W′ > b + 0.1·h (the start T_a′), and up while W′ > b + 0.1·h; if W′ then falls below
    ///    b − 0.1·h within 5 K (an overshoot), on through that fall; then on until W′ has settled
    ///    (W′ 5 K further on differs by at most 0.01·h): the end T_b′; w = T_b′ − T_a′. A rise that is
    ///    the recovery from an exotherm (``steepestStep(_:_:)``) is passed over, and the walks stop
    ///    where its fall begins.
    /// 3. Glass line = [T_0 + 0.05·L, T_0 + 0.4·L], L = T_a′ − T_0 (T_0 the first data point): well
    ///    below any sub-T_g relaxation. Liquid line = [T_b′ + 2 K, T_b′ + 2 K + max(10 K, w)], cut
    ///    2 K below the crystallization window or an exotherm passed over (or at the last 5 % of the
    ///    span); not proposed when that leaves less than 5 K.
    /// Ends are rounded inwards to 0.5 K; a window with fewer than 3 points is not proposed.
    ///
    /// With `given` windows (those that stay when a first proposal was out of order with the user's):
    /// a given crystallization window stands for rule 1's (the transition is sought below it), the
    /// exotherm is sought only in the data above a given liquid (else glass) window, and the
    /// transition only above a given glass window and below a given liquid window.
    ///
    /// The proposal reads the given windows only through ``GivenEdges`` (the points where they end,
    /// and a given crystallization window's low end), and is kept per curve by them: the explorer
    /// proposes again on each keystroke while windows conflict, and a move that leaves those points
    /// as they were costs a look-up.
    public static func propose(_ c: TransitionCurve, given: TransitionWindows = TransitionWindows()) -> TransitionProposal {
        let edges = GivenEdges(c, given)
        return c.proposals.value(for: edges) { propose(c, edges) }
    }

    /// What the proposal reads of the given windows.
    struct GivenEdges: Hashable, Sendable {
        /// A given crystallization window's low end (its bits: it is said in a reason, and the
        /// liquid line is cut 2 K below it).
        var crystalLowBits: UInt64?
        /// Without one: the first point above a given liquid (else glass) window, where the
        /// exotherm is sought from.
        var exothermFrom: Int?
        /// The first point above a given glass window.
        var glassEnd: Int?
        /// The first point of a given liquid window.
        var liquidStart: Int?

        init(_ c: TransitionCurve, _ given: TransitionWindows) {
            let x = c.x
            crystalLowBits = given.crystallizationK?.lowerBound.bitPattern
            if crystalLowBits == nil, let floor = given.liquidLineK?.upperBound ?? given.glassLineK?.upperBound {
                exothermFrom = Interpolation.upperBound(x, floor)
            }
            glassEnd = given.glassLineK.map { Interpolation.upperBound(x, $0.upperBound) }
            liquidStart = given.liquidLineK.map { Interpolation.lowerBound(x, $0.lowerBound) }
        }
    }

    /// The proposal from the given windows' edges.
    private static func propose(_ c: TransitionCurve, _ given: GivenEdges) -> TransitionProposal {
        let x = c.x, n = x.count
        var w = TransitionWindows()
        var reasons: [ProposalReason] = []
        let all = TransitionWindowKind.allCases
        guard n >= 10, let x0 = x.first, let xn = x.last, xn > x0 else {
            return TransitionProposal(windows: w, reasons: [ProposalReason("\(n) data point\(n == 1 ? "" : "s") in W (fewer than 10)", all, remedy: "")])
        }
        let span = xn - x0
        // W′ is the slope over ±2 K with at least 3 points: with points more than 2 K apart it is
        // nowhere defined, and the searches below found "no exotherm" and "no rise" in data that
        // has both. Said as what it is.
        let spacing = span / Double(n - 1)
        if spacing > 2 {
            let apart = Format.shortNumber((spacing * 100).rounded() / 100)
            return TransitionProposal(windows: w, reasons: [ProposalReason("points \(apart) K apart on average: W′ (the slope over ±2 K, at least 3 points) is not defined", all,
                                                                           remedy: ", or data at most 2 K apart")])
        }
        func round(_ r: ClosedRange<Double>) -> ClosedRange<Double>? {
            let lo = (r.lowerBound * 2).rounded(.up) / 2, hi = (r.upperBound * 2).rounded(.down) / 2
            guard lo < hi, lo >= x0, hi <= xn, c.indices(lo...hi).count >= 3 else { return nil }
            return lo...hi
        }
        // 1. Crystallization.
        var crystalLow: Double?
        if let bits = given.crystalLowBits {
            crystalLow = Double(bitPattern: bits)
        } else if let k = given.exothermFrom {
            // Only the points above the given window, read on this curve's trees and W′ (no new curve).
            if n - k >= 10, let (ks, ke) = firstExotherm(c, from: k, x0: x[k], span: xn - x[k]) {
                let width = x[ke] - x[ks]
                if let r = round(max(x[k], x[ks] - 0.25 * width)...x[ke]) {
                    w.crystallizationK = r
                    crystalLow = r.lowerBound
                }
            }
        } else if let (ks, ke) = firstExotherm(c, x0: x0, span: span) {
            let width = x[ke] - x[ks]
            if let r = round(max(x0, x[ks] - 0.25 * width)...x[ke]) {
                w.crystallizationK = r
                crystalLow = r.lowerBound
            }
        }
        if w.crystallizationK == nil && given.crystalLowBits == nil { reasons.append(ProposalReason("no crystallization exotherm found in the data", [.crystallization])) }
        // 2. Transition: the steepest rise that is a step, not the recovery of an exotherm; above a
        // given glass window and below a given liquid window too (the glass line below the step,
        // the liquid line above it).
        let regionLow = max(Interpolation.lowerBound(x, x0 + 0.05 * span), given.glassEnd ?? 0)
        let crystalHigh = crystalLow.map { Interpolation.lowerBound(x, $0) } ?? Interpolation.upperBound(x, xn - 0.05 * span)
        let regionHigh = min(crystalHigh, given.liquidStart ?? n)
        guard regionLow < regionHigh, let rise = steepestStep(c, regionLow..<regionHigh) else {
            reasons.append(ProposalReason("no rise of W \(given.glassEnd == nil ? "" : "above the glass window and ")below the \(regionHigh < crystalHigh ? "liquid" : "crystallization") window", [.glassLine, .liquidLine]))
            return TransitionProposal(windows: w, reasons: reasons)
        }
        if rise.passedOver >= maxPassedOver {
            reasons.append(ProposalReason("no step of W below the crystallization window (its \(maxPassedOver) steepest rises are recoveries from exotherms)", [.glassLine, .liquidLine]))
            return TransitionProposal(windows: w, reasons: reasons)
        }
        let ki = rise.index, si = rise.slope, b = rise.glassSlope, height = si - b
        guard height > 0 else {
            reasons.append(ProposalReason("no rise of W above the glass's slope below the crystallization window", [.glassLine, .liquidLine]))
            return TransitionProposal(windows: w, reasons: reasons)
        }
        // The step's walks stop where the fall of an exotherm passed over begins: its liquid lies
        // below that exotherm.
        let ceiling = rise.exothermsAbove.first?.lowerBound ?? regionHigh
        let below = b - stepEdgeFraction * height
        let kl = rise.start
        var kr = rise.end
        // An overshoot: W′ falls below the glass's slope by a tenth of the step within 5 K of the end
        // of the rise; follow the fall.
        let peakSearchEnd = min(ceiling, Interpolation.upperBound(x, x[kr] + 5))
        if kr + 1 < peakSearchEnd, let j = ((kr + 1)..<peakSearchEnd).first(where: { c.slope(at: $0, isBelow: below) }) {
            kr = j
            while kr < ceiling - 1, c.slope(at: kr + 1, isBelow: below) { kr += 1 }
        }
        // 3. Lines.
        let length = x[kl] - x0
        w.glassLineK = round((x0 + 0.05 * length)...(x0 + 0.4 * length))
        if w.glassLineK == nil { reasons.append(ProposalReason("fewer than 3 points below the transition", [.glassLine])) }
        // The liquid: after the step, else after each exotherm passed over above it in turn (an
        // endotherm below T_g, then the step, reads as a rise that only recovers a fall: the liquid
        // then lies above that "exotherm"); the first place it settles with room for a line.
        var firstReason: ProposalReason?
        for (attempt, start) in ([kr] + rise.exothermsAbove.map(\.upperBound)).enumerated() {
            let next = rise.exothermsAbove.dropFirst(attempt).first?.lowerBound
            let top = next ?? regionHigh
            var kr = start
            // The liquid starts where W′ has settled: W′ 5 K further on differs by at most 1 % of the step.
            var settled = false
            while kr < top - 1 {
                let ahead = Interpolation.lowerBound(x, x[kr] + 5)
                guard ahead < top else { break }
                if c.slopes(kr, ahead, differByAtMost: 0.01 * height) { settled = true; break }
                kr += 1
            }
            let stepWidth = x[kr] - x[kl]
            let liquidLow = x[kr] + 2
            let cap = next.map { x[$0] - 2 } ?? crystalLow.map { $0 - 2 } ?? (xn - 0.05 * span)
            let liquidHigh = min(liquidLow + max(10, stepWidth), cap)
            // A line over a few kelvin squeezed between the step and what lies above is read off the
            // step's tail and the exotherm's start (a 1 K window put T_g,mid 50 K off): not fitted.
            let narrow = liquidHigh - liquidLow < minLiquidK
            if settled, !narrow, let r = round(liquidLow...liquidHigh) { w.liquidLineK = r; break }
            guard firstReason == nil else { continue }
            let limit = next.map { "the exotherm from \(Format.shortNumber((x[$0] * 100).rounded() / 100)) K" }
                ?? crystalLow.map { "the crystallization window (from \(Format.shortNumber($0)) K)" }
                ?? "the last 5 % of the data (from \(Format.shortNumber((cap * 100).rounded() / 100)) K)"
            let steepest = Format.shortNumber((x[ki] * 100).rounded() / 100)
            let room = Format.shortNumber(((liquidHigh - liquidLow) * 100).rounded() / 100)
            firstReason = ProposalReason(!settled ? "W′ does not settle after the step (steepest at \(steepest) K) before \(limit)"
                                         : liquidLow < liquidHigh && narrow ? "only \(room) K of supercooled liquid between the transition's end (\(Format.shortNumber(((liquidLow - 2) * 100).rounded() / 100)) K) and \(limit), less than the \(Format.shortNumber(minLiquidK)) K a liquid line needs"
                                         : "fewer than 3 points between the transition's end and \(limit)",
                                         [.liquidLine])
        }
        if w.liquidLineK == nil, let r = firstReason { reasons.append(r) }
        return TransitionProposal(windows: w, reasons: reasons)
    }

    /// The rise rule 2 takes for the glass transition's step: the point of largest W′, the glass's
    /// slope b read below it, the stretch start…end where W′ > b + 0.1·(W′ − b) around it, how many
    /// steeper rises were passed over, and where the fall of the lowest of them above the step starts.
    struct StepRise {
        var index: Int, slope: Double, glassSlope: Double, start: Int, end: Int
        var passedOver: Int
        /// The exotherms passed over above the step, lowest first (each from its fall's start to its recovery's end).
        var exothermsAbove: [ClosedRange<Int>]
    }

    /// The steepest rise in `region` that is a step (rule 2), nil when W′ rises nowhere (after
    /// ``maxPassedOver`` passed over, the next one unread). A rise that starts within 5 K of a fall (W′ below
    /// b − 0.1·h) and carries W (less the glass's slope) no more than a quarter of that fall above
    /// where the fall began is the recovery from an exotherm, not a step: W comes back to where it
    /// was instead of settling on a higher liquid line (the rule 1 reads on dips). It is passed
    /// over with its exotherm, and the steepest rise in the rest of the region is read. A curve
    /// without such an exotherm reads exactly as before: one search, one median.
    static func steepestStep(_ c: TransitionCurve, _ region: Range<Int>) -> StepRise? {
        let x = c.x
        var stretches = [region]
        var exotherms: [ClosedRange<Int>] = []
        while true {
            // The first largest W′ over the stretches (in order: the first of equals wins).
            var best: (Int, Double)?
            for r in stretches {
                if let k = c.extremeSlopeIndex(in: r, largest: true), let s = c.slope(at: k), best.map({ s > $0.1 }) ?? true { best = (k, s) }
            }
            guard let (ki, si) = best, si > 0 else { return nil }
            // The step's edges are read against the glass's own slope: a sloped baseline or an
            // instrument's drift steeper than a tenth of the step's W′ kept the walks going to the
            // data's start or into the crystallization window.
            let glass = medianSlope(c, region.lowerBound..<ki)
            let b = abs(glass) > flatGlassFraction * si ? glass : 0
            let height = si - b
            var rise = StepRise(index: ki, slope: si, glassSlope: b, start: ki, end: ki, passedOver: exotherms.count,
                                exothermsAbove: exotherms.filter { $0.lowerBound > ki }.sorted { $0.lowerBound < $1.lowerBound })
            guard height > 0, exotherms.count < maxPassedOver else { return rise }
            let above = b + stepEdgeFraction * height, below = b - stepEdgeFraction * height
            while rise.start > region.lowerBound, c.slope(at: rise.start - 1, isAbove: above) { rise.start -= 1 }
            while rise.end < region.upperBound - 1, c.slope(at: rise.end + 1, isAbove: above) { rise.end += 1 }
            // A fall within 5 K below the rise: from where it begins to the lowest W before the rise.
            let reach = max(region.lowerBound, Interpolation.lowerBound(x, x[rise.start] - 5))
            guard var fall = (reach..<rise.start).last(where: { c.slope(at: $0, isBelow: below) }) else { return rise }
            while fall > region.lowerBound, c.slope(at: fall - 1, isBelow: below) { fall -= 1 }
            let level = { (k: Int) in c.y[k] - b * (x[k] - x[fall]) }
            let bottom = (fall...rise.start).min { level($0) < level($1) } ?? fall
            let fallDepth = level(fall) - level(bottom), climb = level(rise.end) - level(bottom)
            guard fallDepth > 0, climb - fallDepth <= stepEndedFraction * fallDepth else { return rise }
            // Passed over: the searches go on without the exotherm and its recovery.
            exotherms.append(fall...rise.end)
            stretches = stretches.flatMap { r -> [Range<Int>] in
                guard r.lowerBound <= rise.end, fall < r.upperBound else { return [r] }
                return [r.lowerBound..<max(r.lowerBound, fall), min(r.upperBound, rise.end + 1)..<r.upperBound].filter { !$0.isEmpty }
            }
        }
    }

    /// The first large exotherm (rule 1) among the points from `start` on (x0 = x[start], `span` =
    /// the last point − x0): the indices where its fall starts and its recovery ends; nil when
    /// there is none. The points below `start` are left to a given window: only W′, the curve's
    /// own slope over ±2 K, reads them. A trace without drift is read from the trees of W: the
    /// deepest, the first large dip and its recovery in O(log n) each (plus the medians of W′ over
    /// at most 2048 points). A drifting one is copied less its baseline and its trees built, O(n):
    /// ``propose(_:given:)`` keeps its answer per curve and given edges.
    static func firstExotherm(_ c: TransitionCurve, from start: Int = 0, x0: Double, span: Double) -> (Int, Int)? {
        let x = c.x, n = x.count
        guard start < n else { return nil }
        // A baseline that drifts by more than 2 % of the curve's steepest W′ is taken off before
        // the dips are read: else the lowest point is the drift's low end, and an exotherm's rises
        // differ by the drift across the run. (Only the points from `start` on are shifted.)
        let b = baselineSlope(c, from: start)
        var y = c.y, bounds = c.bounds
        if b != 0 {
            for j in start..<n { y[j] = c.y[j] - b * (x[j] - x0) }
            bounds = RangeBounds(y)
        }
        let inside = { (k: Int) in x[k] - x0 > 2 && x[k] - x0 > 0.05 * span && x[n - 1] - x[k] > 2 }
        guard let kx = bounds.firstMinimumIndex(in: start..<n, of: y), inside(kx) else { return nil }
        let before = bounds.maximum(in: start..<kx, of: y)
        let after = bounds.maximum(in: (kx + 1)..<n, of: y)
        let leftRise = (before ?? y[kx]) - y[kx], rightRise = (after ?? y[kx]) - y[kx]
        guard leftRise > 0, min(leftRise, rightRise) >= 0.5 * max(leftRise, rightRise) else { return nil }
        // The first dip at least a tenth as deep as the deepest (which is one), with the stretches
        // where its steepest descent and rise are sought: the deepest's reach to the data's ends.
        // A dip whose recovery carries W above where it fell from by more than a quarter of its
        // fall ends in the glass transition's step (the liquid's heat capacity above the glass's):
        // it is the relaxation exotherm of a rejuvenated glass below T_g, and crystallization lies
        // above the glass transition (SPEC §3.1). A crystallization exotherm recovers to about
        // where it fell from, or below it (the crystal's heat capacity, the T_g overshoot before it).
        // A dip is also an exotherm only against the local trend: W less the median W′ from its top
        // to its recovery's peak must still fall by the depth. An instrument's drift, too shallow
        // beside an exotherm's W′ to be taken off above, falls by the depth over 100 K and more,
        // and the glass transition's step "recovers" it (a window of 150 K ending at T_g).
        var descent = start..<kx, rise = (kx + 1)..<n
        let depth = largeExothermFraction * min(leftRise, rightRise)
        let crystallization = { (bottom: Int, top: Int) in
            guard inside(bottom) else { return false }
            let peak = recoveryPeak(y, bounds, from: bottom)
            guard y[peak] - y[top] <= stepEndedFraction * (y[top] - y[bottom]) else { return false }
            let trend = medianSlope(c, top..<(peak + 1)) - b
            return y[top] - y[bottom] + trend * (x[bottom] - x[top]) >= depth
        }
        if let (bottom, top) = firstDip(y, bounds, from: start, through: kx, deeper: depth, where: crystallization) {
            (descent, rise) = (top..<bottom, (bottom + 1)..<(recoveryPeak(y, bounds, from: bottom) + 1))
        }
        // W′ read against the baseline's slope, as W is.
        guard let kd = c.extremeSlopeIndex(in: descent, largest: false), let sd = c.slope(at: kd), sd < b,
              let ku = c.extremeSlopeIndex(in: rise, largest: true), let su = c.slope(at: ku), su > b
        else { return nil }
        let falling = b + 0.02 * (sd - b), rising = b + 0.02 * (su - b)
        var ks = kd
        while ks > start, c.slope(at: ks - 1, isBelow: falling) { ks -= 1 }
        var ke = ku
        while ke < n - 1, c.slope(at: ke + 1, isAbove: rising) { ke += 1 }
        return (ks, ke)
    }

    /// The highest point of `y` after `bottom` before y goes lower than at `bottom` again (or the
    /// data end): where the recovery from a dip ends. `bounds`: the trees of `y`. O(log n + 32):
    /// where y first goes lower, then the first highest point before it (none higher than the
    /// bottom: the bottom itself).
    static func recoveryPeak(_ y: [Double], _ bounds: RangeBounds, from bottom: Int) -> Int {
        let end = bounds.firstIndex(in: (bottom + 1)..<y.count, of: y, below: y[bottom]) ?? y.count
        guard let peak = bounds.firstMaximumIndex(in: (bottom + 1)..<end, of: y), y[peak] > y[bottom] else { return bottom }
        return peak
    }

    /// The first dip of `y` from index `start` up to `last` at least `depth` deep (walking up: y falls by `depth`
    /// below its highest value so far, then comes back up by `depth` from its lowest value since),
    /// that `accept(bottom, top)` accepts: (its bottom, the highest point before its fall — the
    /// last of equals); nil when none is complete before `last` (the deepest, at `last`,
    /// completes only after it). A dip not accepted (its bottom in the data's first 5 %, or its
    /// recovery ending in the glass transition's step) is passed over, and the search starts
    /// again where it recovered. `bounds`: the trees of `y`. O(log n + 32) per dip read, plus what
    /// `accept` reads: each fall and rise is found by descending the trees (``RangeBounds/
    /// firstDeparture(from:through:by:rising:of:)``), every difference rounded as the walk
    /// rounds it, so the answer is the walk's (`TransitionDipSearchTests` keeps the walk).
    static func firstDip(_ y: [Double], _ bounds: RangeBounds, from start: Int = 0, through last: Int, deeper depth: Double,
                         where accept: (Int, Int) -> Bool) -> (Int, Int)? {
        // A depth that underflowed to 0 (W within 10⁻³²² of flat): a "rise" of 0 is then one, which
        // the trees do not tell from a new lowest point. Point by point.
        // (A NaN depth: the walk never falls.)
        guard depth > 0 else { return depth <= 0 ? zeroDepthDip(y, from: start, through: last, where: accept) : nil }
        var from = start
        while let fall = bounds.firstDeparture(from: from, through: last, by: depth, rising: false, of: y),
              let recovery = bounds.firstDeparture(from: fall, through: last, by: depth, rising: true, of: y) {
            // The walk's top moves on to every point as high; its bottom only to a lower one.
            let top = bounds.lastMaximumIndex(in: from..<fall, of: y) ?? from
            let bottom = bounds.firstMinimumIndex(in: fall..<recovery, of: y) ?? fall
            if accept(bottom, top) { return (bottom, top) }
            from = recovery
        }
        return nil
    }

    /// ``firstDip(_:_:from:through:deeper:where:)`` for a depth of 0 or less: a fall is any step
    /// down, a recovery any step not down. O(last − start).
    private static func zeroDepthDip(_ y: [Double], from start: Int, through last: Int, where accept: (Int, Int) -> Bool) -> (Int, Int)? {
        var top = start, bottom = start, falling = false
        for j in start...last {
            if !falling {
                if y[j] >= y[top] { top = j } else { falling = true; bottom = j }
            } else if y[j] < y[bottom] {
                bottom = j
            } else {
                if accept(bottom, top) { return (bottom, top) }
                falling = false; top = j
            }
        }
        return nil
    }

    /// The baseline's slope for the exotherm search: the median W′ of the curve from `start` on, or
    /// 0 when that is within 2 % of the steepest |W′| there (flat enough: read as before).
    static func baselineSlope(_ c: TransitionCurve, from start: Int) -> Double {
        let n = c.x.count
        let trend = medianSlope(c, start..<n)
        let up = c.extremeSlopeIndex(in: start..<n, largest: true).flatMap { c.slope(at: $0) } ?? 0
        let down = c.extremeSlopeIndex(in: start..<n, largest: false).flatMap { c.slope(at: $0) } ?? 0
        return abs(trend) > flatBaselineFraction * max(abs(up), abs(down)) ? trend : 0
    }

    /// The median of the defined W′ at up to `medianPoints` points of `range` evenly spaced in
    /// index (every point of a curve that has fewer); 0 when none is defined. The W′ are the
    /// sweep's stored estimates (``SlopeEstimate``: within 2⁻²⁸ of the exact W′, relative, plus a
    /// bound's absolute term): a scale the rules take fractions of, not a value compared point by
    /// point, so exact ones — double-double sums over each window, a fifth of `plot`'s time on six
    /// 10⁵-point curves — would change nothing but the cost.
    static func medianSlope(_ c: TransitionCurve, _ range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        let every = (range.count + medianPoints - 1) / medianPoints
        var defined = stride(from: range.lowerBound, to: range.upperBound, by: every).map { c.slopeEstimates[$0] }.filter { !$0.isNaN }
        return Median.of(&defined) ?? 0
    }
}
