import GlassPlatform

/// One isotherm prepared for eq. 1 of SPEC §4.2: ln(2πf) and ln tanδ of its points with
/// tanδ > 0, with prefix sums so that a window change costs two binary searches.
public struct QPDIsotherm: Sendable {
    /// Temperature, K.
    public let temperatureK: Double
    /// The isotherm's dataset (its file; `#setN` for a sweep of a file of several), as a master
    /// curve's shift names it: two isotherms at one temperature are told apart by it.
    public let source: String
    /// Frequencies of the usable points, Hz, ascending.
    public let frequencyHz: [Double]
    /// ln(2πf) of the usable points.
    public let lnOmega: [Double]
    /// ln tanδ of the usable points.
    public let lnTanDelta: [Double]
    /// Frequency of the isotherm's E'' maximum, Hz: the SPEC §4.1 peak over its whole frequency
    /// range (x = log10 f, w = 0.3 decade); nil when the isotherm has none (the anchor of the
    /// above-peak QPD window).
    public let lossPeakHz: Double?
    /// Frequency of the discrete tan δ maximum of the usable points (the first largest), Hz; nil
    /// when it is at the first or last of their frequencies (no maximum inside the measured range;
    /// ``PeakFinder/isAtEdge(_:_:first:last:)``).
    public let tanDeltaMaximumHz: Double?
    /// Centre subtracted from ln ω and ln tanδ before summing (keeps the sums well conditioned).
    private let cx: Double, cy: Double
    /// Prefix sums (index k holds the sum over points 0..<k) of u, v, u², u·v, v² with u, v the centred values.
    private let su: [Double], sv: [Double], suu: [Double], suv: [Double], svv: [Double]

    /// Prepares a `dma-fsweep` dataset: tanδ from its column, else E''/E' (SPEC §4.2); points
    /// with tanδ ≤ 0 or not finite are left out. Nil without a temperature.
    public init?(_ d: Dataset) {
        guard let t = d.temperatureK else { return nil }
        temperatureK = t
        source = d.path
        var f: [Double] = [], x: [Double] = [], y: [Double] = []
        let n = d.frequencyHzValues.count
        f.reserveCapacity(n); x.reserveCapacity(n); y.reserveCapacity(n)
        let hasColumn = d.tanDelta.count == d.frequencyHzValues.count
        for i in d.frequencyHzValues.indices {
            let td: Double
            if hasColumn { td = d.tanDelta[i] } else {
                guard i < d.lossMPa.count, i < d.storageMPa.count, d.storageMPa[i] != 0 else { continue }
                td = d.lossMPa[i] / d.storageMPa[i]
            }
            guard td > 0, td.isFinite, d.frequencyHzValues[i] > 0 else { continue }
            f.append(d.frequencyHzValues[i]); x.append(log(2 * Double.pi * d.frequencyHzValues[i])); y.append(log(td))
        }
        frequencyHz = f; lnOmega = x; lnTanDelta = y
        cx = x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count)
        cy = y.isEmpty ? 0 : y.reduce(0, +) / Double(y.count)
        var a = [0.0], b = [0.0], aa = [0.0], ab = [0.0], bb = [0.0]
        a.reserveCapacity(x.count + 1); b.reserveCapacity(x.count + 1); aa.reserveCapacity(x.count + 1)
        ab.reserveCapacity(x.count + 1); bb.reserveCapacity(x.count + 1)
        for i in x.indices {
            let u = x[i] - cx, v = y[i] - cy
            a.append(a[i] + u); b.append(b[i] + v); aa.append(aa[i] + u * u); ab.append(ab[i] + u * v); bb.append(bb[i] + v * v)
        }
        su = a; sv = b; suu = aa; suv = ab; svv = bb
        var best = 0
        for i in y.indices where y[i] > y[best] { best = i }
        tanDeltaMaximumHz = y.count >= 3 && !PeakFinder.isAtEdge(f, best, first: 0, last: y.count - 1) ? f[best] : nil
        lossPeakHz = QPDIsotherm.lossPeak(d)
    }

    /// The SPEC §4.1 peak of E'' over the whole frequency range of `d` (x = log10 f, w = 0.3
    /// decade), as a frequency in Hz; nil for "no peak" or unusable columns.
    static func lossPeak(_ d: Dataset) -> Double? {
        let fs = d.frequencyHzValues
        guard fs.count >= 3, d.lossMPa.count == fs.count, fs.allSatisfy({ $0 > 0 && $0.isFinite }),
              d.lossMPa.allSatisfy({ $0.isFinite }), zip(fs, fs.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        let x = fs.map { log10($0) }
        guard case .success(let p) = PeakFinder.find(x: x, y: d.lossMPa, lo: x[0], hi: x[x.count - 1],
                                                     halfWidth: PeakFinder.halfWidthDecades) else { return nil }
        return pow(10, p.x)
    }

    /// Whether the α peak has entered `w` (docs/diagnostics.md): the discrete tan δ maximum
    /// (``tanDeltaMaximumHz``) or the E'' maximum (``lossPeakHz``) lies inside `w`, ends widened
    /// by ``FrequencyCurve/windowEndTolerance``.
    public func alphaPeakInside(_ w: ClosedRange<Double>) -> Bool {
        let tol = FrequencyCurve.windowEndTolerance
        return [tanDeltaMaximumHz, lossPeakHz].contains { f in f.map { $0 >= w.lowerBound * (1 - tol) && $0 <= w.upperBound * (1 + tol) } ?? false }
    }

    /// The window following the α peak (SPEC §4.2): [f_p·10^LO, f_p·10^HI] with f_p =
    /// ``lossPeakHz``; nil when the isotherm has no E'' maximum (then, and only then, the fixed
    /// window is used). Ends beyond the range of a Double are its ends (10^400 is "every frequency
    /// above", 10^−400 "from 0"): the window is the one asked for, never the fixed one instead.
    public func abovePeakWindowHz(decades d: ClosedRange<Double>) -> ClosedRange<Double>? {
        guard let fp = lossPeakHz else { return nil }
        let hi = min(fp * pow(10, d.upperBound), .greatestFiniteMagnitude)
        let lo = min(fp * pow(10, d.lowerBound), hi)
        return lo...hi
    }

    /// Eq. 1 on this isotherm (SPEC §4.2): OLS of ln tanδ on ln(2πf) over the points with
    /// f_lo ≤ f ≤ f_hi (ends widened by ``FrequencyCurve/windowEndTolerance``, 1e-6 relative:
    /// frequencies written in single precision); nil with fewer than 3 points or a single
    /// frequency. O(log n).
    public func fit(windowHz w: ClosedRange<Double>) -> QPDPoint? {
        let tol = FrequencyCurve.windowEndTolerance
        let i = Interpolation.lowerBound(frequencyHz, w.lowerBound * (1 - tol))
        let j = Interpolation.upperBound(frequencyHz, w.upperBound * (1 + tol))
        let n = j - i
        guard n >= 3 else { return nil }
        let dn = Double(n)
        let mu = (su[j] - su[i]) / dn, mv = (sv[j] - sv[i]) / dn
        let sxx = (suu[j] - suu[i]) - dn * mu * mu
        let sxy = (suv[j] - suv[i]) - dn * mu * mv
        let syy = (svv[j] - svv[i]) - dn * mv * mv
        guard sxx > 1e-12 * max(1, suu[j] - suu[i]) else { return nil }
        let slope = sxy / sxx
        let ssr = max(0, syy - slope * sxy)
        let se = (ssr / (dn - 2) / sxx).squareRoot()
        // Intercept c at ln ω = 0, in the uncentred variables.
        let c = (mv + cy) - slope * (mu + cx)
        return QPDPoint(temperatureK: temperatureK, chi: -slope, chiStderr: se, intercept: c, count: n, windowHz: w, source: source)
    }
}

/// χ(T) of one isotherm (SPEC §4.2 eq. 1: slope = −χ, intercept c).
public struct QPDPoint: Sendable, Equatable {
    /// Temperature, K.
    public var temperatureK: Double
    /// χ = −slope of ln tanδ on ln(2πf).
    public var chi: Double
    /// Standard error of χ.
    public var chiStderr: Double
    /// Intercept c(T) (ln tanδ at ln ω = 0).
    public var intercept: Double
    /// Points in the window.
    public var count: Int
    /// The frequency window it was fitted over, Hz.
    public var windowHz: ClosedRange<Double>? = nil
    /// Which window that was (SPEC §4.2: `fixed` or `above-peak`).
    public var window: QPDWindowKind = .fixed
    /// The diagnostics that concern this point (docs/diagnostics.md), in ``DMADiagnostic/Kind`` order.
    public var diagnostics: [DMADiagnostic.Kind] = []
    /// Its isotherm's dataset (``QPDIsotherm/source``).
    public var source: String = ""
}

/// Which QPD window a χ point came from (SPEC §4.2, exported as `window`).
public enum QPDWindowKind: String, Sendable, Equatable {
    /// The fixed frequency window `qpd_window_Hz`.
    case fixed
    /// The window following the isotherm's E'' maximum, `qpd_window_above_peak_decades`.
    case abovePeak = "above-peak"
}
