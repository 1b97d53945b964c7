import Foundation

/// One isotherm's horizontal shift (SPEC §4.3).
public struct TTSShift: Sendable, Equatable {
    /// Isotherm temperature, K.
    public var temperatureK: Double
    /// log10 a_T; nil when it could not be found (too little overlap here or nearer T_ref).
    public var log10AT: Double?
}

/// One point of a master curve (SPEC §4.3): at reduced frequency f·a_T.
public struct MasterPoint: Sendable, Equatable {
    /// Reduced frequency f·a_T, Hz.
    public var reducedFrequencyHz: Double
    /// E' (or G'), MPa.
    public var storageMPa: Double
    /// E'' (or G''), MPa.
    public var lossMPa: Double
    /// The isotherm's temperature, K.
    public var temperatureK: Double
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
}

/// Time–temperature superposition of a state's isotherms (SPEC §4.3).
public struct TimeTemperatureSuperposition: Sendable {
    /// Grid step of the global search, decades (SPEC §4.3).
    public static let gridStepDecades = 0.005
    /// Minimum number of overlapping points for a shift (SPEC §4.3).
    public static let minimumOverlap = 3

    /// An isotherm prepared for shifting: log10 f, log10 E'', log10 E' where both moduli are > 0.
    struct Curve: Sendable {
        let temperatureK: Double
        let x: [Double], loss: [Double], storage: [Double]
        let f: [Double], rawStorage: [Double], rawLoss: [Double]
        var span: Double { (x.last ?? 0) - (x.first ?? 0) }
    }

    let curves: [Curve]

    /// Prepares `dma-fsweep` datasets (any order; those without a temperature are skipped).
    public init(isotherms: [Dataset]) {
        var cs: [Curve] = []
        for d in isotherms {
            guard let t = d.temperatureK else { continue }
            var x: [Double] = [], a: [Double] = [], b: [Double] = [], f: [Double] = [], rs: [Double] = [], rl: [Double] = []
            for i in d.frequencyHzValues.indices where i < d.lossMPa.count && i < d.storageMPa.count {
                let fq = d.frequencyHzValues[i], l = d.lossMPa[i], s = d.storageMPa[i]
                guard fq > 0, l > 0, s > 0, l.isFinite, s.isFinite else { continue }
                x.append(log10(fq)); a.append(log10(l)); b.append(log10(s)); f.append(fq); rs.append(s); rl.append(l)
            }
            cs.append(Curve(temperatureK: t, x: x, loss: a, storage: b, f: f, rawStorage: rs, rawLoss: rl))
        }
        curves = cs.enumerated().sorted { $0.element.temperatureK != $1.element.temperatureK ? $0.element.temperatureK < $1.element.temperatureK : $0.offset < $1.offset }.map { $0.element }
    }

    /// Mean over the candidate's points that fall inside the neighbour's log10 f range (after
    /// shifting the candidate by `delta` decades relative to it) of the squared differences of
    /// log10 E'' and of log10 E' (SPEC §4.3; the neighbour interpolated linearly in log10 f).
    /// Infinity with fewer than 3 such points.
    static func cost(_ c: Curve, _ nb: Curve, delta: Double) -> Double {
        guard nb.x.count >= 2 else { return .infinity }
        // Unchecked buffers: this is the inner loop of the grid search (≈ 1600 calls per isotherm).
        return nb.x.withUnsafeBufferPointer { xn in
            nb.loss.withUnsafeBufferPointer { la in
                nb.storage.withUnsafeBufferPointer { sa in
                    c.x.withUnsafeBufferPointer { xc in
                        c.loss.withUnsafeBufferPointer { lc in
                            c.storage.withUnsafeBufferPointer { sc in
                                let lo = xn[0], hi = xn[xn.count - 1]
                                var j = 0, n = 0, sum = 0.0
                                for i in 0..<xc.count {
                                    let q = xc[i] + delta
                                    if q < lo { continue }
                                    if q > hi { break }
                                    while j + 2 < xn.count, xn[j + 1] < q { j += 1 }
                                    let w = xn[j + 1] - xn[j]
                                    let t = w > 0 ? (q - xn[j]) / w : 0
                                    let da = lc[i] - (la[j] + t * (la[j + 1] - la[j]))
                                    let db = sc[i] - (sa[j] + t * (sa[j + 1] - sa[j]))
                                    sum += da * da + db * db
                                    n += 1
                                }
                                return n >= minimumOverlap ? sum / Double(n) : .infinity
                            }
                        }
                    }
                }
            }
        }
    }

    /// The shift of `c` relative to `nb` (decades): a global search on a 0.005-decade grid over
    /// ± the neighbour's span, then golden-section refinement inside the best grid cell (SPEC §4.3).
    static func relativeShift(_ c: Curve, _ nb: Curve) -> Double? {
        let span = max(nb.span, gridStepDecades)
        let steps = Int((span / gridStepDecades).rounded(.up))
        var best = Double.infinity, bestD = 0.0
        // Only shifts that can put 3 candidate points inside the neighbour's range can score;
        // skipping the others leaves the grid and its minimum unchanged.
        guard c.x.count >= minimumOverlap, let xLo = nb.x.first, let xHi = nb.x.last else { return nil }
        let dMin = xLo - c.x[c.x.count - minimumOverlap], dMax = xHi - c.x[minimumOverlap - 1]
        let kLo = max(-steps, Int((dMin / gridStepDecades).rounded(.down)) - 1)
        let kHi = min(steps, Int((dMax / gridStepDecades).rounded(.up)) + 1)
        guard kLo <= kHi else { return nil }
        for k in kLo...kHi {
            let d = Double(k) * gridStepDecades
            let v = cost(c, nb, delta: d)
            if v < best { best = v; bestD = d }
        }
        guard best.isFinite else { return nil }
        var lo = bestD - gridStepDecades, hi = bestD + gridStepDecades
        let g = (sqrt(5.0) - 1) / 2
        var p = hi - g * (hi - lo), q = lo + g * (hi - lo)
        var fp = cost(c, nb, delta: p), fq = cost(c, nb, delta: q)
        while hi - lo > 1e-7 {
            if fp <= fq { hi = q; q = p; fq = fp; p = hi - g * (hi - lo); fp = cost(c, nb, delta: p) } else {
                lo = p; p = q; fp = fq; q = lo + g * (hi - lo); fq = cost(c, nb, delta: q)
            }
        }
        let mid = (lo + hi) / 2, fm = cost(c, nb, delta: mid)
        return fm <= best ? mid : bestD
    }

    /// Shifts outward from the isotherm nearest `trefK` (ties: the lower T), each against its
    /// already-shifted neighbour; where fewer than 3 points overlap, that shift and all farther
    /// ones on that side are nil with one warning (prefixed by `context`). Nil without isotherms.
    public func masterCurve(trefK: Double, context: String) -> (MasterCurve?, [String]) {
        guard !curves.isEmpty else { return (nil, []) }
        var ref = 0
        for k in curves.indices where abs(curves[k].temperatureK - trefK) < abs(curves[ref].temperatureK - trefK) { ref = k }
        var shifts = [Double?](repeating: nil, count: curves.count)
        shifts[ref] = 0
        var warnings: [String] = []
        for dir in [1, -1] {
            var k = ref + dir
            while k >= 0, k < curves.count {
                guard let base = shifts[k - dir], let d = TimeTemperatureSuperposition.relativeShift(curves[k], curves[k - dir]) else {
                    warnings.append("\(context): isotherm at \(Format.shortNumber(curves[k].temperatureK)) K overlaps its neighbour at "
                        + "\(Format.shortNumber(curves[k - dir].temperatureK)) K in fewer than \(TimeTemperatureSuperposition.minimumOverlap) points; "
                        + "its shift and those farther from T_ref are null")
                    break
                }
                // The candidate at x + d matches the neighbour's own frame, which sits at + base.
                shifts[k] = base + d
                k += dir
            }
        }
        var points: [MasterPoint] = []
        var ts: [Double] = [], lnAT: [Double] = []
        for (k, c) in curves.enumerated() {
            guard let s = shifts[k] else { continue }
            ts.append(c.temperatureK); lnAT.append(s * log(10.0))
            let factor = pow(10.0, s)
            for i in c.f.indices {
                points.append(MasterPoint(reducedFrequencyHz: c.f[i] * factor, storageMPa: c.rawStorage[i], lossMPa: c.rawLoss[i], temperatureK: c.temperatureK))
            }
        }
        points.sort { $0.reducedFrequencyHz < $1.reducedFrequencyHz }
        let arr = Set(ts).count >= 2 ? ArrheniusFit.fit(temperatureK: ts, frequencyHz: lnAT.map { exp(-$0) }) : nil
        let vft = VFTFit.fit(temperatureK: ts, lnFrequency: lnAT.map { -$0 })
        let master = MasterCurve(referenceTemperatureK: curves[ref].temperatureK,
                                 shifts: curves.indices.map { TTSShift(temperatureK: curves[$0].temperatureK, log10AT: shifts[$0]) },
                                 points: points, arrhenius: arr, vft: vft)
        return (master, warnings)
    }
}
