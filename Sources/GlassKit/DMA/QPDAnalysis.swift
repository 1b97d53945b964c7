import GlassPlatform

/// The QPD analysis of one state (SPEC §4.2, paper eq. 1 and 2).
public struct QPDResult: Sendable, Equatable {
    /// Frequency window used, Hz.
    public var windowHz: ClosedRange<Double>
    /// χ(T) per isotherm with at least 3 points in the window, by temperature.
    public var points: [QPDPoint]
    /// U_β, eV (≥ 3 isotherms).
    public var uEV: Double?
    /// Its standard error, eV (≥ 3 isotherms).
    public var uStderrEV: Double?
    /// λ (≥ 3 isotherms).
    public var lambda: Double?
    /// Its standard error.
    public var lambdaStderr: Double?
    /// a1/a2 and the T_g used; nil when neither given nor estimable.
    public var slopes: ChiSlopes?
    /// The above-peak window asked for, decades above each isotherm's E'' maximum (SPEC §4.2);
    /// nil when only the fixed window is used.
    public var abovePeakDecades: ClosedRange<Double>? = nil
    /// Isotherms that have an E'' maximum and T ≥ T_g but fewer than 3 points in their above-peak
    /// window: χ is null there (no fall-back to the fixed window), with the window tried.
    public var nullAbovePeak: [(temperatureK: Double, windowHz: ClosedRange<Double>, source: String)] = []
    /// Reasons not to trust these numbers (χ outside (0, 1), the α peak inside the window).
    public var diagnostics: [DMADiagnostic] = []

    /// Field-by-field equality (the tuple list compared element-wise).
    public static func == (a: QPDResult, b: QPDResult) -> Bool {
        a.windowHz == b.windowHz && a.points == b.points && a.uEV == b.uEV && a.uStderrEV == b.uStderrEV
            && a.lambda == b.lambda && a.lambdaStderr == b.lambdaStderr && a.slopes == b.slopes
            && a.abovePeakDecades == b.abovePeakDecades && a.diagnostics == b.diagnostics
            && a.nullAbovePeak.count == b.nullAbovePeak.count
            && zip(a.nullAbovePeak, b.nullAbovePeak).allSatisfy { $0.temperatureK == $1.temperatureK && $0.windowHz == $1.windowHz && $0.source == $1.source }
    }

    /// Eq. 1 per isotherm over `windowHz`, then OLS of c(T) on 1/T: c = λ − U_β/(k_B T), then a1/a2
    /// about `tgK` (given) or an estimated T_g (SPEC §4.2). O(log n) per isotherm plus the line fits.
    public static func evaluate(_ isotherms: [QPDIsotherm], windowHz: ClosedRange<Double>, tgK: Double?,
                                context: String) -> (QPDResult, [String]) {
        evaluate(isotherms, windowHz: windowHz, abovePeakDecades: nil, tgK: tgK, context: context)
    }

    /// ``evaluate(_:windowHz:tgK:context:)`` with the window that follows the α peak (SPEC §4.2):
    /// with `abovePeakDecades` = LO...HI, each isotherm at T ≥ T_g that has an E'' maximum f_p is
    /// fitted over [f_p·10^LO, f_p·10^HI] instead of `windowHz` (χ null, with a warning, when that
    /// window holds fewer than 3 points). T_g is `tgK`, else estimated once from the fixed-window
    /// χ and used both for this split and for a1/a2. U_β and λ use the intercepts of the windows
    /// actually used. Still O(log n) per isotherm (both windows use the prefix sums). The
    /// diagnostics are in the result's ``diagnostics``, not in the returned warnings (the caller
    /// appends their messages after every other warning of the state).
    public static func evaluate(_ isotherms: [QPDIsotherm], windowHz: ClosedRange<Double>, abovePeakDecades: ClosedRange<Double>?,
                                tgK: Double?, context: String) -> (QPDResult, [String]) {
        var warnings: [String] = []
        var fits: [QPDPoint?] = isotherms.map { $0.fit(windowHz: windowHz) }
        var used: [ClosedRange<Double>] = Array(repeating: windowHz, count: isotherms.count)
        var kinds: [QPDWindowKind] = Array(repeating: .fixed, count: isotherms.count)
        var nullAbove: [(temperatureK: Double, windowHz: ClosedRange<Double>, source: String)] = []
        var estimatedTg: Double?
        if let d = abovePeakDecades {
            var splitTg = tgK
            if tgK == nil {
                // SPEC §4.2: an estimated T_g is estimated once, from the fixed-window χ.
                estimatedTg = ChiSlopes.compute(fits.compactMap { $0 }, tgK: nil, context: context).0?.tgK
                splitTg = estimatedTg
            }
            if let tg = splitTg {
                for (k, iso) in isotherms.enumerated() where TemperatureOrder.of(iso.temperatureK, against: tg) != .below {
                    guard let w = iso.abovePeakWindowHz(decades: d) else { continue }
                    used[k] = w; kinds[k] = .abovePeak
                    if var p = iso.fit(windowHz: w) { p.window = .abovePeak; fits[k] = p } else { fits[k] = nil; nullAbove.append((iso.temperatureK, w, iso.source)) }
                }
            } else {
                warnings.append("\(context): the above-peak window was not applied: T_g not given and not estimable from the fixed-window χ")
            }
        }
        let skipped = isotherms.indices.filter { fits[$0] == nil && kinds[$0] == .fixed }.map { Format.shortNumber(isotherms[$0].temperatureK) }
        if !skipped.isEmpty {
            warnings.append("\(context): χ not computed at \(skipped.joined(separator: ", ")) K: fewer than 3 points with tanδ > 0 in "
                + "\(Format.shortNumber(windowHz.lowerBound))–\(Format.shortNumber(windowHz.upperBound)) Hz")
        }
        if let d = abovePeakDecades, !nullAbove.isEmpty {
            warnings.append("\(context): χ null at \(nullAbove.map { Format.shortNumber($0.temperatureK) }.joined(separator: ", ")) K: fewer than 3 "
                + "points with tanδ > 0 in the above-peak window (\(Format.shortNumber(d.lowerBound)) to \(Format.shortNumber(d.upperBound)) decades "
                + "above the E'' maximum; no fall-back to the fixed window)")
        }

        var points = fits.compactMap { $0 }
        var r = QPDResult(windowHz: windowHz, points: points, uEV: nil, uStderrEV: nil, lambda: nil, lambdaStderr: nil, slopes: nil,
                          abovePeakDecades: abovePeakDecades, nullAbovePeak: nullAbove, diagnostics: [])
        if points.count >= 3, let line = LeastSquares.line(x: points.map { 1 / $0.temperatureK }, y: points.map { $0.intercept }) {
            // SPEC §4.2: c(T) = λ − U_β/(k_B T), so the slope on 1/T is −U_β/k_B.
            r.uEV = -line.slope * Units.boltzmannEVPerK
            r.uStderrEV = line.slopeStandardError.map { $0 * Units.boltzmannEVPerK }
            r.lambda = line.intercept
            r.lambdaStderr = line.interceptStandardError
        } else if !isotherms.isEmpty, points.count >= 3, ChiSlopes.distinctTemperatures(points) < 2 {
            // Enough isotherms, but one temperature: c on 1/T has no slope.
            warnings.append("\(context): U_β and λ not computed: χ at \(points.count) isotherm(s), all at "
                + "\(Format.shortNumber(points[0].temperatureK)) K (need 3, at 2 distinct temperatures at least)")
        } else if !isotherms.isEmpty {
            warnings.append("\(context): U_β and λ not computed: χ at \(points.count) isotherm(s) (need 3)")
        }
        if !isotherms.isEmpty {
            if let tg = estimatedTg {
                var (s, w) = ChiSlopes.compute(points, tgK: tg, context: context)
                s?.tgSource = .estimated
                r.slopes = s
                warnings += w
            } else {
                let (s, w) = ChiSlopes.compute(points, tgK: tgK, context: context)
                r.slopes = s
                warnings += w
            }
        }

        // Diagnostics (docs/diagnostics.md), on the window each point was fitted over, about the
        // T_g of a1/a2 (the one that also split the windows): below it a maximum in the fixed
        // window is not called the α peak.
        let tg = r.slopes?.tgK
        var alphaK: [Double] = [], belowK: [Double] = [], withoutMaximumK: [Double] = []
        var flags: [Int: DMADiagnostic.Kind] = [:]
        for k in isotherms.indices {
            guard fits[k] != nil, isotherms[k].alphaPeakInside(used[k]) else { continue }
            let t = isotherms[k].temperatureK
            if let tg, TemperatureOrder.of(t, against: tg) == .below {
                flags[k] = .lossPeakInWindowBelowTg; belowK.append(t)
            } else {
                flags[k] = .alphaPeakInWindow; alphaK.append(t)
                if kinds[k] == .fixed, isotherms[k].lossPeakHz == nil { withoutMaximumK.append(t) }
            }
        }
        var flagged = fits
        for (k, kind) in flags { flagged[k]?.diagnostics.append(kind) }
        points = flagged.compactMap { $0 }
        for k in points.indices where !(points[k].chi > 0 && points[k].chi < 1) {
            points[k].diagnostics.insert(.chiOutsideUnitInterval, at: 0)
        }
        r.points = points
        if let x = DMADiagnostic.chiOutsideUnitInterval(points, context: context) { r.diagnostics.append(x) }
        if let x = DMADiagnostic.alphaPeakInWindow(alphaK, abovePeakDecades: abovePeakDecades, tgK: tg,
                                                   withoutMaximumK: withoutMaximumK, context: context) { r.diagnostics.append(x) }
        if let tg, let x = DMADiagnostic.lossPeakInWindowBelowTg(belowK, tgK: tg, windowHz: windowHz, context: context) { r.diagnostics.append(x) }
        return (r, warnings)
    }
}
