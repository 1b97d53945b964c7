import GlassPlatform

/// What the horizontal shift compares (SPEC §4.3 `tts_on`).
public enum TTSCriterion: String, Sendable, Equatable, CaseIterable {
    /// log10 E' and log10 E'' together (the default).
    case moduli
    /// log10 E' only.
    case storage
    /// log10 E'' only.
    case loss
    /// log10 tan δ only (no vertical shift changes it).
    case tanDelta = "tan-delta"

    /// The spellings accepted by `--tts-on` and study.toml `tts_on`.
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
    /// The value a word names, in any case and with spaces around it (as `--baseline` reads its words).
    public init?(word: String) { self.init(rawValue: word.trimmedSpaces.lowercased()) }
}

/// The vertical shift b_T applied with the horizontal one (SPEC §4.3 `vertical_shift`).
public enum TTSVerticalShift: String, Sendable, Equatable, CaseIterable {
    /// No vertical shift (the default): log10 b_T = 0.
    case none
    /// b_T = T_ref/T (constant density ρ·T correction).
    case temperature
    /// log10 b_T fitted with log10 a_T (closed form for each horizontal candidate).
    case fit

    /// The spellings accepted by `--vertical-shift` and study.toml `vertical_shift`.
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
    /// The value a word names, in any case and with spaces around it (as `--baseline` reads its words).
    public init?(word: String) { self.init(rawValue: word.trimmedSpaces.lowercased()) }
}

/// The compared quantity of one isotherm: log10 f and one or two log10 channels (points where
/// every compared quantity is > 0, SPEC §4.3 exact rules).
struct TTSTrack: Sendable {
    let x: [Double]
    let a: [Double]
    /// Second channel (E' of `moduli`); empty for one-channel criteria.
    let b: [Double]
    var channels: Int { b.isEmpty ? 1 : 2 }
    var span: Double { (x.last ?? 0) - (x.first ?? 0) }

    /// `body(xn, la, sa, xc, lc, sc)` on unchecked buffers of the neighbour's columns (x, a, b)
    /// and the candidate's: the inner loops of the searches.
    @inline(__always)
    static func withBuffers<R>(_ c: TTSTrack, _ nb: TTSTrack, _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                                                   UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                                                   UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> R) -> R {
        nb.x.withUnsafeBufferPointer { xn in
            nb.a.withUnsafeBufferPointer { la in
                nb.b.withUnsafeBufferPointer { sa in
                    c.x.withUnsafeBufferPointer { xc in
                        c.a.withUnsafeBufferPointer { lc in
                            c.b.withUnsafeBufferPointer { sc in body(xn, la, sa, xc, lc, sc) }
                        }
                    }
                }
            }
        }
    }
}

/// The overlap of a candidate at one horizontal shift against its neighbour.
struct TTSOverlap: Sendable {
    /// The mean cost (infinity with fewer than 3 overlapping points).
    var cost: Double
    /// Overlapping points.
    var n: Int
    /// Mean over the overlap and the channels of (neighbour − candidate) log values: the
    /// closed-form vertical shift of the candidate relative to the neighbour (`fit`).
    var meanDifference: Double
}

extension TimeTemperatureSuperposition {
    /// The SPEC §4.3 overlap of `c` shifted by `delta` decades (and by `offset` decades
    /// vertically) against `nb`: the mean over the candidate's points inside the neighbour's
    /// log10 f range of the squared channel differences (the neighbour interpolated linearly in
    /// log10 f); with `fit`, after the vertical shift that minimises it (the mean difference).
    @inline(__always)
    static func overlap(_ c: TTSTrack, _ nb: TTSTrack, delta: Double, offset: Double = 0, fit: Bool = false) -> TTSOverlap {
        guard nb.x.count >= 2, c.channels == nb.channels else { return TTSOverlap(cost: .infinity, n: 0, meanDifference: 0) }
        let two = c.channels == 2
        // Unchecked buffers: this is the inner loop of the grid search.
        return TTSTrack.withBuffers(c, nb) { xn, la, sa, xc, lc, sc in
            let lo = xn[0], hi = xn[xn.count - 1]
            var j = 0, n = 0, sum = 0.0, s1 = 0.0
            for i in 0..<xc.count {
                let q = xc[i] + delta
                if q < lo { continue }
                if q > hi { break }
                while j + 2 < xn.count, xn[j + 1] < q { j += 1 }
                let w = xn[j + 1] - xn[j]
                let t = w > 0 ? (q - xn[j]) / w : 0
                let da = (lc[i] + offset) - (la[j] + t * (la[j + 1] - la[j]))
                if two {
                    let db = (sc[i] + offset) - (sa[j] + t * (sa[j + 1] - sa[j]))
                    sum += da * da + db * db
                    s1 += da + db
                } else {
                    sum += da * da
                    s1 += da
                }
                n += 1
            }
            guard n >= minimumOverlap else { return TTSOverlap(cost: .infinity, n: n, meanDifference: 0) }
            let values = Double(n * (two ? 2 : 1))
            let mean = -s1 / values
            let cost = fit ? max(0, sum - s1 * s1 / values) / Double(n) : sum / Double(n)
            return TTSOverlap(cost: cost, n: n, meanDifference: mean)
        }
    }

    /// The grid indices k (shift k·0.005 decade) of the global search: every shift that can put
    /// 3 candidate points inside the neighbour's range (the others cannot score), a step beyond
    /// on each side for rounding. Nil when no shift can score. ``relativeShift(_:_:offset:fit:)``
    /// narrows it to ± the neighbour's span where what lies beyond decides nothing.
    static func gridRange(_ c: TTSTrack, _ nb: TTSTrack) -> ClosedRange<Int>? {
        guard c.x.count >= minimumOverlap, let xLo = nb.x.first, let xHi = nb.x.last else { return nil }
        // The third largest and third least log f (sorted only when not ascending already).
        let xs = Interpolation.isAscending(c.x) ? c.x : c.x.sorted()
        let dMin = xLo - xs[xs.count - minimumOverlap], dMax = xHi - xs[minimumOverlap - 1]
        guard dMin.isFinite, dMax.isFinite, abs(dMin) < 1e6, abs(dMax) < 1e6 else { return nil }
        let kLo = Int((dMin / gridStepDecades).rounded(.down)) - 1
        let kHi = Int((dMax / gridStepDecades).rounded(.up)) + 1
        return kLo <= kHi ? kLo...kHi : nil
    }

    /// The refinement of the grid minimum within one grid step on either side (SPEC §4.3 "then
    /// refine"): golden section over that interval. The cost jumps where a candidate point enters
    /// or leaves the neighbour's range (shift = an end of that range − the point's log f), so
    /// where such `jumps` fall inside the interval it is not one smooth valley, and golden section
    /// can settle on the grid point beside a jump: the pieces between the jumps are then refined
    /// each, and the lowest is taken when it is lower by more than a millionth. Without a jump
    /// inside, the result is the plain golden section's, to the bit. A golden section that finds
    /// no lower cost than the grid point's keeps the grid point: identical isotherms (cost 0 at
    /// the shift 0 and, rounded, at a hair from it) took shifts of ±1e-19 and read as shifted.
    static func refineInCell(_ bestD: Double, _ best: Double, step: Double, jumps: [Double] = [], cost: (Double) -> Double) -> Double {
        let lo = bestD - step, hi = bestD + step
        let first = goldenSection(lo, hi, cost: cost)
        var result = first.f < best ? first.x : bestD
        let resultCost = min(first.f, best)
        let inside = jumps.filter { $0 > lo && $0 < hi }.sorted()
        guard !inside.isEmpty else { return result }
        let ends = [lo] + inside + [hi]
        var lowest = resultCost
        for k in 0..<(ends.count - 1) where ends[k + 1] - ends[k] > 1e-9 {
            // Inside each piece, away from its jumps by a hair: the piece's own side of each.
            let piece = goldenSection(ends[k] + 1e-12, ends[k + 1] - 1e-12, cost: cost)
            if piece.f < lowest { lowest = piece.f; if piece.f < resultCost * (1 - 1e-6) { result = piece.x } }
        }
        return result
    }

    /// The shifts (decades, as `delta` of ``overlap(_:_:delta:offset:fit:)``) at which a point of
    /// `c` enters or leaves `nb`'s log f range.
    static func overlapJumps(_ c: TTSTrack, _ nb: TTSTrack) -> [Double] {
        guard let lo = nb.x.first, let hi = nb.x.last else { return [] }
        return c.x.flatMap { [lo - $0, hi - $0] }
    }

    /// Golden section on [lo, hi] to 1e-7 decade: the midpoint of the last bracket and its cost.
    static func goldenSection(_ lo: Double, _ hi: Double, cost: (Double) -> Double) -> (x: Double, f: Double) {
        var lo = lo, hi = hi
        let g = (sqrt(5.0) - 1) / 2
        var p = hi - g * (hi - lo), q = lo + g * (hi - lo)
        var fp = cost(p), fq = cost(q)
        while hi - lo > 1e-7 {
            if fp <= fq { hi = q; q = p; fq = fp; p = hi - g * (hi - lo); fp = cost(p) } else {
                lo = p; p = q; fp = fq; q = lo + g * (hi - lo); fq = cost(q)
            }
        }
        let mid = (lo + hi) / 2
        return (mid, cost(mid))
    }

    /// The shift of `c` relative to `nb` (decades) by the full SPEC §4.3 search: every point of
    /// the 0.005-decade grid, then golden section inside the best cell. The reference the faster
    /// ``relativeShift(_:_:offset:fit:)`` is tested (and benchmarked) against.
    static func fullGridShift(_ c: TTSTrack, _ nb: TTSTrack, range: ClosedRange<Int>? = nil, offset: Double = 0, fit: Bool = false) -> Double? {
        guard let range = range ?? gridRange(c, nb) else { return nil }
        var best = Double.infinity, bestD = 0.0
        for k in range {
            let d = Double(k) * gridStepDecades
            let v = overlap(c, nb, delta: d, offset: offset, fit: fit).cost
            if v < best { best = v; bestD = d }
        }
        guard best.isFinite else { return nil }
        return refineInCell(bestD, best, step: gridStepDecades, jumps: overlapJumps(c, nb)) { overlap(c, nb, delta: $0, offset: offset, fit: fit).cost }
    }

    /// The shift of ``fullGridShift(_:_:offset:fit:)``, by branch and bound
    /// (``boundedShift(_:_:offset:fit:)``) on tracks in increasing log f (every imported sweep),
    /// else by the full scan itself.
    ///
    /// The search covers every shift with 3 points overlapping, not only ± the neighbour's span
    /// (SPEC §4.3's example): a neighbour narrower than the candidate (1–10 Hz beside 0.01–100 Hz)
    /// can have its best match, well inside the overlap, farther than its span. But a minimum
    /// beyond the span at the edge of the 3-point overlap, the cost still falling as the overlap
    /// shrinks, is where the rule, not the data, stopped it (``isUndetermined(_:_:_:offset:fit:)``):
    /// sweeps that do not overlap at their true shift got wrong-signed shifts decades off there,
    /// and the span's own edge, the clip's answer, was no nearer. Such a shift is null.
    /// `exhaustive`: every grid point scanned (the reference the branch and bound is tested against).
    /// A cost the same at every searched shift (``isFlatCost(_:_:range:offset:fit:)``) fixes no
    /// shift either: the tie rule took the lowest, decades off, on featureless isotherms. Nor does
    /// a best shift at the edge of the 3-point overlap between isotherms with no compared value in
    /// common (``noCommonValues(_:_:_:offset:fit:)``), within the span as it is.
    static func relativeShift(_ c: TTSTrack, _ nb: TTSTrack, offset: Double = 0, fit: Bool = false, exhaustive: Bool = false) -> Double? {
        shiftSearch(c, nb, offset: offset, fit: fit, exhaustive: exhaustive).d
    }

    /// ``relativeShift(_:_:offset:fit:exhaustive:)`` with the reason when there is no shift.
    static func shiftSearch(_ c: TTSTrack, _ nb: TTSTrack, offset: Double = 0, fit: Bool = false,
                            exhaustive: Bool = false) -> (d: Double?, failure: TTSShiftFailure?) {
        guard let range = gridRange(c, nb), let d = widestShift(c, nb, range: range, offset: offset, fit: fit, exhaustive: exhaustive) else {
            return (nil, .tooLittleOverlap)
        }
        if isFlatCost(c, nb, range: range, offset: offset, fit: fit) { return (nil, .flatCost) }
        if isUndetermined(c, nb, d, offset: offset, fit: fit) { return (nil, .beyondSpan(d)) }
        if let gaps = noCommonValues(c, nb, d, offset: offset, fit: fit) { return (nil, .noCommonValues(d, gapsDecades: gaps)) }
        return (d, nil)
    }

    /// The lowest-cost shift over every shift with 3 points overlapping (``gridRange(_:_:)``).
    static func widestShift(_ c: TTSTrack, _ nb: TTSTrack, range: ClosedRange<Int>? = nil, offset: Double = 0, fit: Bool = false,
                            exhaustive: Bool = false) -> Double? {
        guard let range = range ?? gridRange(c, nb) else { return nil }
        return !exhaustive && boundedSearchApplies(c, nb)
            ? boundedShift(c, nb, range: range, offset: offset, fit: fit)
            : fullGridShift(c, nb, range: range, offset: offset, fit: fit)
    }

    /// Whether a shift `d` lies beyond ± the neighbour's span at the edge of the 3-point overlap:
    /// a bound the rule set, not a shift the data fix.
    static func isUndetermined(_ c: TTSTrack, _ nb: TTSTrack, _ d: Double, offset: Double = 0, fit: Bool = false) -> Bool {
        abs(d) > max(nb.span, gridStepDecades) && isAtOverlapEdge(c, nb, d, offset: offset, fit: fit)
    }

    /// Whether the cost is the same at every shift of the grid `range` where 3 points overlap (at
    /// least two such shifts): its largest and least differ by no more than the rounding of the
    /// cost's sums, 16·n·2⁻⁵²·(1 + M)² decade², n the candidate's compared values and M the largest
    /// magnitude of a compared log value (the vertical offset added). No shift is then better than
    /// another (featureless isotherms: E', E'' constant over the overlap), and the data do not fix
    /// it. The scan stops at the first two costs that differ by more, so data with any shape cost
    /// a few evaluations more (the first scored shifts of the grid), and the shift they get is
    /// unchanged.
    static func isFlatCost(_ c: TTSTrack, _ nb: TTSTrack, range: ClosedRange<Int>, offset: Double = 0, fit: Bool = false) -> Bool {
        let tolerance = flatCostTolerance(c, nb, offset: offset)
        var least = Double.infinity, most = -Double.infinity, scored = 0
        func agrees(_ k: Int) -> Bool {
            let v = overlap(c, nb, delta: Double(k) * gridStepDecades, offset: offset, fit: fit).cost
            guard v.isFinite else { return true }
            scored += 1; least = min(least, v); most = max(most, v)
            return most - least <= tolerance
        }
        for k in range { guard agrees(k) else { return false } }
        return scored >= 2
    }

    /// The largest difference of two costs of the pair that is the rounding of the cost's sums,
    /// 16·n·2⁻⁵²·(1 + M)² decade² (``isFlatCost(_:_:range:offset:fit:)``).
    static func flatCostTolerance(_ c: TTSTrack, _ nb: TTSTrack, offset: Double) -> Double {
        let largest = [c.a, c.b, nb.a, nb.b].reduce(0.0) { m, v in v.reduce(m) { max($0, abs($1)) } } + abs(offset)
        return 16 * Double(c.x.count * c.channels) * Double.ulpOfOne * (1 + largest) * (1 + largest)
    }

    /// Whether a shift `d` lies a grid step from shifts where fewer than 3 points overlap: where
    /// the 3-point rule rather than the data may have stopped it.
    static func isAtOverlapEdge(_ c: TTSTrack, _ nb: TTSTrack, _ d: Double, offset: Double = 0, fit: Bool = false) -> Bool {
        let step = gridStepDecades
        return [d - step, d + step].contains { overlap(c, nb, delta: $0, offset: offset, fit: fit).n < minimumOverlap }
    }
}
