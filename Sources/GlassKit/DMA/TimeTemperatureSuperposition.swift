import GlassPlatform

/// One isotherm's horizontal shift (SPEC §4.3).
public struct TTSShift: Sendable, Equatable {
    /// Isotherm temperature, K.
    public var temperatureK: Double
    /// log10 a_T; nil when it could not be found (too little overlap here or nearer T_ref).
    public var log10AT: Double?
    /// log10 b_T (vertical shift, SPEC §4.3): 0 without one; nil where log10 a_T is nil.
    public var log10BT: Double? = nil
    /// Points of the candidate inside its neighbour's range at the chosen shift (nil at T_ref
    /// and where the shift is nil).
    public var overlapPoints: Int? = nil
    /// Points of this isotherm that take part in the comparison.
    public var comparedPoints: Int = 0
    /// The isotherm's dataset: its path relative to the study, with `#set3` (the sweep's part)
    /// where the file holds several sweeps (``Dataset/path``). Two isotherms at one
    /// temperature are told apart by it.
    public var source: String = ""
}

/// One point of a master curve (SPEC §4.3): at reduced frequency f·a_T, moduli times b_T.
public struct MasterPoint: Sendable, Equatable {
    /// Reduced frequency f·a_T, Hz.
    public var reducedFrequencyHz: Double
    /// b_T·E' (or G'), MPa.
    public var storageMPa: Double
    /// b_T·E'' (or G''), MPa.
    public var lossMPa: Double
    /// The isotherm's temperature, K.
    public var temperatureK: Double
    /// Measured frequency f, Hz.
    public var frequencyHz: Double = 0
    /// The isotherm's log10 a_T.
    public var log10AT: Double = 0
    /// The isotherm's log10 b_T.
    public var log10BT: Double = 0
    /// tan δ (its column, else E''/E'); nil where neither is a finite number.
    public var tanDelta: Double? = nil
    /// The isotherm's dataset (``TTSShift/source``).
    public var source: String = ""
}

/// Master curves of E' and E'' at T_ref and the temperature dependence of a_T (SPEC §4.3).
public struct MasterCurve: Sendable, Equatable {
    /// Temperature of the reference isotherm (the one nearest the T_ref asked for), K.
    public var referenceTemperatureK: Double
    /// Shifts in isotherm (temperature) order.
    public var shifts: [TTSShift]
    /// The shifted points of every isotherm with a shift, by reduced frequency.
    public var points: [MasterPoint]
    /// Arrhenius reading of a_T(T): ln a_T = E/(k_B T) + const (≥ 2 shifts; `f0Hz` is 1/a_T at T → ∞).
    public var arrhenius: ArrheniusFit?
    /// VFT reading of a_T(T): ln a_T = B/(T − T_0) + const (≥ 3 shifts; `lnFAlpha` is −ln a_T at T → ∞).
    public var vft: VFTFit?
    /// WLF reading of a_T(T) at T_ref (≥ 3 shifts, a finite C2 above the pole bound).
    public var wlf: WLFFit? = nil
    /// What the horizontal shift compared.
    public var criterion: TTSCriterion = .moduli
    /// The vertical shift applied.
    public var verticalShift: TTSVerticalShift = .none
}

/// Time–temperature superposition of a state's isotherms (SPEC §4.3).
public struct TimeTemperatureSuperposition: Sendable {
    /// Grid step of the global search, decades (SPEC §4.3).
    public static let gridStepDecades = 0.005
    /// Minimum number of overlapping points for a shift (SPEC §4.3).
    public static let minimumOverlap = 3
    /// Isotherms whose temperatures differ by at most this much are at one temperature, K.
    public static let sameTemperatureK = 0.001
    /// Shifts of isotherms at one temperature that differ by more than this are named, decades.
    public static let sameTemperatureShiftDecades = 0.01
    /// A rise of log10 a_T with T up to this is not named `not monotonic`, decades: ten times the
    /// 1e-7 decade to which the golden section refines a shift (a flat cost valley, a plateau
    /// the data do not shape, leaves shifts that differ by a few 1e-8 decade with no meaning).
    public static let monotonicToleranceDecades = 1e-6

    /// An isotherm prepared for shifting: log10 f, log10 E'', log10 E' where both moduli are > 0
    /// (the `moduli` comparison), the one-quantity comparisons, and every point for the export.
    struct Curve: Sendable {
        let temperatureK: Double
        /// The dataset's path (``TTSShift/source``).
        let source: String
        let x: [Double], loss: [Double], storage: [Double]
        /// log10 E' where E' > 0; log10 E'' where E'' > 0; log10 tan δ where tan δ > 0.
        let storageOnly: TTSTrack, lossOnly: TTSTrack, tanDelta: TTSTrack
        /// Every point with f > 0 and finite moduli: f, E', E'', tan δ (nil when not a number).
        let f: [Double], rawStorage: [Double], rawLoss: [Double], rawTanDelta: [Double?]
        var span: Double { (x.last ?? 0) - (x.first ?? 0) }
        var moduli: TTSTrack { TTSTrack(x: x, a: loss, b: storage) }

        func track(_ c: TTSCriterion) -> TTSTrack {
            switch c {
            case .moduli: return moduli
            case .storage: return storageOnly
            case .loss: return lossOnly
            case .tanDelta: return tanDelta
            }
        }
    }

    let curves: [Curve]

    /// Prepares `dma-fsweep` datasets (any order; those without a temperature are skipped).
    public init(isotherms: [Dataset]) {
        var cs: [Curve] = []
        for d in isotherms {
            guard let t = d.temperatureK else { continue }
            var x: [Double] = [], a: [Double] = [], b: [Double] = []
            var xs: [Double] = [], ys: [Double] = [], xl: [Double] = [], yl: [Double] = [], xt: [Double] = [], yt: [Double] = []
            var f: [Double] = [], rs: [Double] = [], rl: [Double] = [], rt: [Double?] = []
            let n = d.frequencyHzValues.count  // every array holds at most one value a point
            x.reserveCapacity(n); a.reserveCapacity(n); b.reserveCapacity(n)
            xs.reserveCapacity(n); ys.reserveCapacity(n); xl.reserveCapacity(n); yl.reserveCapacity(n)
            xt.reserveCapacity(n); yt.reserveCapacity(n)
            f.reserveCapacity(n); rs.reserveCapacity(n); rl.reserveCapacity(n); rt.reserveCapacity(n)
            for i in d.frequencyHzValues.indices where i < d.lossMPa.count && i < d.storageMPa.count {
                let fq = d.frequencyHzValues[i], l = d.lossMPa[i], s = d.storageMPa[i]
                guard fq > 0, fq.isFinite else { continue }
                let lx = log10(fq)
                // tan δ from its column, else E''/E' (SPEC §4.3 exact rules).
                var tan: Double? = i < d.tanDelta.count && d.tanDelta[i].isFinite ? d.tanDelta[i] : nil
                if tan == nil, l.isFinite, s.isFinite, s != 0 { let r = l / s; tan = r.isFinite ? r : nil }
                if let td = tan, td > 0 { xt.append(lx); yt.append(log10(td)) }
                // Each logarithm once, for every track that takes it.
                let ls = s > 0 && s.isFinite ? log10(s) : nil, ll = l > 0 && l.isFinite ? log10(l) : nil
                if let ls { xs.append(lx); ys.append(ls) }
                if let ll { xl.append(lx); yl.append(ll) }
                if l.isFinite, s.isFinite { f.append(fq); rs.append(s); rl.append(l); rt.append(tan) }
                guard let ll, let ls else { continue }
                x.append(lx); a.append(ll); b.append(ls)
            }
            cs.append(Curve(temperatureK: t, source: d.path, x: x, loss: a, storage: b,
                            storageOnly: TTSTrack(x: xs, a: ys, b: []), lossOnly: TTSTrack(x: xl, a: yl, b: []),
                            tanDelta: TTSTrack(x: xt, a: yt, b: []), f: f, rawStorage: rs, rawLoss: rl, rawTanDelta: rt))
        }
        curves = cs.enumerated().sorted { $0.element.temperatureK != $1.element.temperatureK ? $0.element.temperatureK < $1.element.temperatureK : $0.offset < $1.offset }.map { $0.element }
    }

    /// Mean over the candidate's points that fall inside the neighbour's log10 f range (after
    /// shifting the candidate by `delta` decades relative to it) of the squared differences of
    /// log10 E'' and of log10 E' (SPEC §4.3; the neighbour interpolated linearly in log10 f).
    /// Infinity with fewer than 3 such points.
    static func cost(_ c: Curve, _ nb: Curve, delta: Double) -> Double {
        overlap(c.moduli, nb.moduli, delta: delta).cost
    }

    /// The `moduli` shift of `c` relative to `nb` (decades), SPEC §4.3.
    static func relativeShift(_ c: Curve, _ nb: Curve) -> Double? {
        relativeShift(c.moduli, nb.moduli)
    }

    /// log10 b_T = log10(T_ref/T) of the `temperature` vertical shift; nil unless both are > 0.
    static func temperatureLog10BT(_ t: Double, referenceK: Double) -> Double? {
        guard t > 0, referenceK > 0, t.isFinite, referenceK.isFinite else { return nil }
        return log10(referenceK / t)
    }

    /// Vertical offset (decades) added to the candidate's compared log values against its
    /// neighbour's before the horizontal search: the difference of their `temperature` b_T (none
    /// for tan δ, which no vertical shift changes, and for the other modes). Nil when a b_T is
    /// not defined (a temperature ≤ 0 K).
    static func searchOffset(_ k: Int, _ nb: Int, curves: [Curve], referenceK: Double, criterion: TTSCriterion,
                             vertical: TTSVerticalShift) -> Double? {
        guard vertical == .temperature, criterion != .tanDelta else { return 0 }
        guard let a = temperatureLog10BT(curves[k].temperatureK, referenceK: referenceK),
              let b = temperatureLog10BT(curves[nb].temperatureK, referenceK: referenceK) else { return nil }
        return a - b
    }

    /// Shifts outward from the isotherm nearest `trefK` (ties: the lower T), each against its
    /// already-shifted neighbour, comparing `criterion` with `vertical` shifts (SPEC §4.3); where
    /// fewer than 3 points overlap, that shift and all farther ones on that side are nil with one
    /// warning (prefixed by `context`). Also warns where log10 a_T rises with T (`not monotonic`),
    /// where a step overlaps in fewer than half of the candidate's points (weakly constrained),
    /// and where the WLF reading has no finite C2. Nil without isotherms. `exhaustiveSearch`
    /// scans the full 0.005-decade grid at every step instead of searching it faster (the same
    /// shifts, slower: for benchmarks and checks).
    public func masterCurve(trefK: Double, context: String, criterion: TTSCriterion = .moduli,
                            vertical: TTSVerticalShift = .none, exhaustiveSearch: Bool = false, trefGiven: Bool = true) -> (MasterCurve?, [String]) {
        guard let searches = pairSearches(trefK: trefK, criterion: criterion, vertical: vertical, exhaustiveSearch: exhaustiveSearch,
                                          trefGiven: trefGiven) else {
            return (nil, [])
        }
        // A shift relative to the neighbour depends on that pair alone: every pair is searched
        // concurrently first (exactly as in turn), then the shifts are chained outward from T_ref.
        return masterCurve(searches, results: ParallelMap.map(Array(curves.indices)) { searches.search($0) }, context: context)
    }

    /// Whether `a` is nearer to `t` than `b` is, a tie going to the lower temperature. Decided by
    /// the side of their midpoint `t` lies on, not by |a − t| < |b − t|: for a T_ref far from every
    /// isotherm (1e20 K) those differences round to one number and the first isotherm won. A T_ref
    /// at the midpoint (``TemperatureOrder``: within an ulp of it, a T_ref in °C) is a tie.
    static func isNearer(_ a: Double, than b: Double, to t: Double) -> Bool {
        if a == b { return false }
        let side = TemperatureOrder.of(t, against: 0.5 * a + 0.5 * b)
        return a < b ? side != .above : side == .above
    }

    /// The pair searches of the master curve at `trefK` (nil without isotherms): one per isotherm,
    /// independent of each other, so that several states' searches can share the cores.
    func pairSearches(trefK: Double, criterion: TTSCriterion = .moduli, vertical: TTSVerticalShift = .none,
                      exhaustiveSearch: Bool = false, trefGiven: Bool = true) -> TTSPairSearches? {
        guard !curves.isEmpty else { return nil }
        var ref = 0
        for k in curves.indices where TimeTemperatureSuperposition.isNearer(curves[k].temperatureK, than: curves[ref].temperatureK, to: trefK) { ref = k }
        return TTSPairSearches(curves: curves, tracks: curves.map { $0.track(criterion) }, origin: ref, criterion: criterion,
                               vertical: vertical, exhaustive: exhaustiveSearch, requestedK: trefK, requestedGiven: trefGiven)
    }

    /// The master curve from its pair searches' `results` (in isotherm order): the shifts chained
    /// outward from T_ref, the warnings, the shifted points and the readings of a_T(T).
    func masterCurve(_ searches: TTSPairSearches, results pairs: [TTSPairSearches.Result], context: String) -> (MasterCurve?, [String]) {
        let ref = searches.origin, refT = curves[ref].temperatureK, tracks = searches.tracks
        let criterion = searches.criterion, vertical = searches.vertical, fit = searches.fit
        var shifts = [Double?](repeating: nil, count: curves.count)
        var bts = [Double?](repeating: nil, count: curves.count)
        var overlaps = [Int?](repeating: nil, count: curves.count)
        shifts[ref] = 0
        bts[ref] = vertical == .temperature ? TimeTemperatureSuperposition.temperatureLog10BT(refT, referenceK: refT) : 0
        var warnings: [String] = []
        // A T_ref beyond the isotherms (a typo, `4500` for 450, or a reference they do not reach)
        // or between two of them: said, with the isotherm taken.
        let temps = curves.map(\.temperatureK)
        // (The default T_ref, 450 K, is nobody's typo: a study whose isotherms end lower takes
        // its nearest without a remark. A 450 K the user gave is said as any other value.)
        if temps.count > 1, searches.requestedGiven, let lo = temps.min(), let hi = temps.max() {
            let beyond = searches.requestedK < lo ? lo - searches.requestedK : searches.requestedK - hi
            if beyond > 0.5 {
                warnings.append("\(context): T_ref \(Format.shortNumber(searches.requestedK)) K is outside the isotherms "
                                + "(\(Format.shortNumber(lo))–\(Format.shortNumber(hi)) K): the nearest, \(Format.shortNumber(refT)) K, is the reference")
            } else if abs(searches.requestedK - refT) > 0.5 {
                // Between two isotherms: the curve is made at the nearest (said; it was silent).
                warnings.append("\(context): T_ref \(Format.shortNumber(searches.requestedK)) K lies between isotherms: "
                                + "the nearest, \(Format.shortNumber((refT * 100).rounded() / 100)) K, is the reference")
            }
        }
        // Points a compared quantity leaves out (not positive), whatever the shifts come to.
        if let w = droppedPointsWarning(criterion: criterion, context: context) { warnings.append(w) }
        var weak: [String] = []
        var edge: [String] = []
        // The isotherms of `weak` and `edge`, in the order named: the readings of a_T use them.
        var flagged: [Int] = []
        var verticalLost = false
        for dir in [1, -1] {
            var k = ref + dir
            while k >= 0, k < curves.count {
                let nb = k - dir
                guard let offset = pairs[k].offset, let base = shifts[nb], let d = pairs[k].d else {
                    // Those beyond it are null with it: their chain to T_ref passes through it.
                    let farther = stride(from: k + dir, to: dir > 0 ? curves.count : -1, by: dir).map { curves[$0].temperatureK }
                    warnings.append(nullShiftWarning(k, nb, pairs[k].failure ?? .tooLittleOverlap, criterion: criterion, farther: farther,
                                                     context: context))
                    break
                }
                // The candidate at x + d matches the neighbour's own frame, which sits at + base.
                shifts[k] = base + d
                let ov = TimeTemperatureSuperposition.overlap(tracks[k], tracks[nb], delta: d, offset: offset, fit: fit)
                overlaps[k] = ov.n
                if 2 * ov.n < tracks[k].x.count {
                    flagged.append(k)
                    weak.append("\(Format.shortNumber(curves[k].temperatureK)) K (\(ov.n) of \(tracks[k].x.count) points overlap "
                        + "\(Format.shortNumber(curves[nb].temperatureK)) K)")
                }
                // A shift one grid step from where fewer than 3 points would overlap may be where the
                // 3-point rule stopped the search, not where the data put it (3 frequencies per
                // isotherm allow the shift 0 only): named, as a bound rather than a fit.
                if TimeTemperatureSuperposition.isAtOverlapEdge(tracks[k], tracks[nb], d, offset: offset, fit: fit) {
                    if flagged.last != k { flagged.append(k) }
                    edge.append("\(Format.shortNumber(curves[k].temperatureK)) K (\(ov.n) points overlap \(Format.shortNumber(curves[nb].temperatureK)) K)")
                }
                switch vertical {
                case .none: bts[k] = 0
                case .temperature: bts[k] = TimeTemperatureSuperposition.temperatureLog10BT(curves[k].temperatureK, referenceK: refT)
                case .fit:
                    if criterion == .tanDelta {
                        // a_T from tan δ alone; then the mean log-modulus difference (E', E'' pooled) at that shift.
                        let m = TimeTemperatureSuperposition.overlap(curves[k].moduli, curves[nb].moduli, delta: d, fit: true)
                        if let b = bts[nb], m.cost.isFinite { bts[k] = b + m.meanDifference } else { verticalLost = true }
                    } else if let b = bts[nb] {
                        bts[k] = b + ov.meanDifference
                    }
                }
                k += dir
            }
        }
        if verticalLost {
            warnings.append("\(context): log10 b_T null where fewer than \(TimeTemperatureSuperposition.minimumOverlap) points with positive E' and E'' overlap (and farther from T_ref)")
        }
        if !weak.isEmpty {
            warnings.append("\(context): weakly constrained shift(s), overlap below half of the isotherm's points: " + weak.joined(separator: ", "))
        }
        if !edge.isEmpty {
            warnings.append("\(context): shift(s) at the edge of the \(TimeTemperatureSuperposition.minimumOverlap)-point overlap, "
                + "where the rule rather than the data may have stopped them: " + edge.joined(separator: ", "))
        }
        // log10 a_T should fall as T rises; name the isotherms where it rises.
        // Two isotherms at one temperature (a heating and a cooling series) should need one shift.
        var rising: [String] = [], apart: [String] = []
        var last: (t: Double, s: Double)?
        for (k, c) in curves.enumerated() {
            guard let s = shifts[k] else { continue }
            if let l = last, abs(c.temperatureK - l.t) <= TimeTemperatureSuperposition.sameTemperatureK {
                if abs(s - l.s) > TimeTemperatureSuperposition.sameTemperatureShiftDecades {
                    apart.append("\(Format.shortNumber(c.temperatureK)) K (\(CFormat.printf("%.3g", l.s)) and \(CFormat.printf("%.3g", s)))")
                }
            } else if let l = last, c.temperatureK > l.t, s - l.s > TimeTemperatureSuperposition.monotonicToleranceDecades {
                rising.append("\(Format.shortNumber(c.temperatureK)) K (above \(Format.shortNumber(l.t)) K)")
            }
            last = (c.temperatureK, s)
        }
        if !rising.isEmpty {
            warnings.append("\(context): log10 a_T not monotonic: it rises with T at " + rising.joined(separator: ", "))
        }
        if !apart.isEmpty {
            warnings.append("\(context): isotherms at one temperature need different shifts (log10 a_T), so the data are not one curve there "
                + "(a heating and a cooling series of a glass that changed between them?): " + apart.joined(separator: ", "))
        }
        var ts: [Double] = [], lnAT: [Double] = [], log10ATs: [Double] = []
        // Each shifted isotherm's factors, and every point's reduced frequency (its sort key) with
        // the isotherm and index it comes from.
        var factors: [(factor: Double, vfactor: Double)] = Array(repeating: (0, 0), count: curves.count)
        var keys: [Double] = [], from: [(curve: Int32, index: Int32)] = []
        let count = curves.indices.reduce(0) { $0 + (shifts[$1] == nil ? 0 : curves[$1].f.count) }
        keys.reserveCapacity(count); from.reserveCapacity(count)
        for (k, c) in curves.enumerated() {
            guard let s = shifts[k] else { continue }
            ts.append(c.temperatureK); lnAT.append(s * log(10.0)); log10ATs.append(s)
            let factor = pow(10.0, s)
            factors[k] = (factor, bts[k].map { pow(10.0, $0) } ?? .nan)
            for i in c.f.indices {
                keys.append(c.f[i] * factor)
                from.append((Int32(k), Int32(i)))
            }
        }
        // By reduced frequency, ties in isotherm order (a stable sort): the keys sorted as indices,
        // then each point built once in its place (building them first and gathering them after
        // touched twice the memory).
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        let points = order.map { j -> MasterPoint in
            let k = Int(from[j].curve), i = Int(from[j].index), c = curves[k]
            let (factor, vfactor) = factors[k]
            return MasterPoint(reducedFrequencyHz: c.f[i] * factor, storageMPa: c.rawStorage[i] * vfactor,
                               lossMPa: c.rawLoss[i] * vfactor, temperatureK: c.temperatureK, frequencyHz: c.f[i],
                               log10AT: shifts[k] ?? .nan, log10BT: bts[k] ?? .nan, tanDelta: c.rawTanDelta[i], source: c.source)
        }
        let arr = Set(ts).count >= 2 ? ArrheniusFit.fit(temperatureK: ts, frequencyHz: lnAT.map { exp(-$0) }) : nil
        let vft = VFTFit.fit(temperatureK: ts, lnFrequency: lnAT.map { -$0 })
        let (wlf, wlfRemark) = WLFFit.fit(temperatureK: ts, log10AT: log10ATs, referenceK: refT)
        warnings += TimeTemperatureSuperposition.readingWarnings(temperaturesK: ts, lnAT: lnAT, arrhenius: arr, vft: vft, wlfRemark: wlfRemark,
                                                                 context: context)
        // Readings made from shifts the data fix poorly: said, their numbers as they are.
        let readings = [arr == nil ? nil : "Arrhenius (E_a)", vft == nil ? nil : "VFT (B, T_0)", wlf == nil ? nil : "WLF (C1, C2)"].compactMap { $0 }
        if let w = TimeTemperatureSuperposition.poorlyFixedReadingsWarning(
            readings: readings, flaggedK: flagged.map { curves[$0].temperatureK }, weak: !weak.isEmpty, edge: !edge.isEmpty,
            chained: TimeTemperatureSuperposition.chainedBeyond(flagged, shifts: shifts, origin: ref), context: context) {
            warnings.append(w)
        }
        var master = MasterCurve(referenceTemperatureK: refT,
                                 shifts: curves.indices.map {
                                     TTSShift(temperatureK: curves[$0].temperatureK, log10AT: shifts[$0],
                                              log10BT: shifts[$0] == nil ? nil : bts[$0], overlapPoints: overlaps[$0],
                                              comparedPoints: tracks[$0].x.count, source: curves[$0].source)
                                 },
                                 points: points, arrhenius: arr, vft: vft)
        master.wlf = wlf
        master.criterion = criterion
        master.verticalShift = vertical
        return (master, warnings)
    }
}

/// The pair searches of one master curve (``TimeTemperatureSuperposition/pairSearches(trefK:criterion:vertical:exhaustiveSearch:)``):
/// isotherm k against its neighbour one step nearer T_ref.
struct TTSPairSearches: Sendable {
    /// One search: the vertical offset compared (nil when b_T is not defined) and the shift
    /// relative to the neighbour (nil with too little overlap).
    typealias Result = (offset: Double?, d: Double?, failure: TTSShiftFailure?)

    let curves: [TimeTemperatureSuperposition.Curve]
    let tracks: [TTSTrack]
    /// The reference isotherm (nearest T_ref).
    let origin: Int
    let criterion: TTSCriterion
    let vertical: TTSVerticalShift
    /// The full grid at every step instead of the faster searches (the same shifts).
    let exhaustive: Bool
    /// The T_ref asked for (the reference isotherm is the one nearest it).
    let requestedK: Double
    /// Whether it was given, not the default.
    let requestedGiven: Bool
    var fit: Bool { vertical == .fit && criterion != .tanDelta }
    var count: Int { curves.count }

    /// The search of isotherm `k` (none at the origin).
    func search(_ k: Int) -> Result {
        guard k != origin else { return (nil, nil, nil) }
        let nb = k < origin ? k + 1 : k - 1
        guard let offset = TimeTemperatureSuperposition.searchOffset(k, nb, curves: curves, referenceK: curves[origin].temperatureK,
                                                                    criterion: criterion, vertical: vertical) else {
            return (nil, nil, .verticalUndefined)
        }
        let (d, failure) = TimeTemperatureSuperposition.shiftSearch(tracks[k], tracks[nb], offset: offset, fit: fit, exhaustive: exhaustive)
        return (offset, d, failure)
    }
}
