import GlassPlatform

/// ln f = ln f0 − E/(k_B T) fitted by OLS to peak pairs (SPEC §4.2 β relaxation).
public struct ArrheniusFit: Sendable, Equatable {
    /// Activation energy E, eV.
    public var energyEV: Double
    /// Its standard error, eV (n ≥ 3).
    public var energyStderrEV: Double?
    /// Pre-exponential frequency f0, Hz: +infinity where it overflows a double, 0 where it
    /// underflows (`lnF0` stays finite).
    public var f0Hz: Double
    /// ln f0 (ln Hz), the fitted intercept: finite where f0 overflows (peaks a fraction of a
    /// kelvin apart give E of hundreds of eV and ln f0 in the thousands).
    public var lnF0: Double
    /// Standard error of ln f0 (n ≥ 3).
    public var lnF0Stderr: Double?
    /// Number of pairs.
    public var count: Int
    /// Covariance of ln f0 and the slope d ln f / d(1/T) (K) of the OLS line (n ≥ 3): with the
    /// standard errors it gives the line's standard error at any T (the T_c noise rule).
    public var lnF0SlopeCovariance: Double? = nil

    public init(energyEV: Double, energyStderrEV: Double?, f0Hz: Double, lnF0Stderr: Double?, count: Int,
                lnF0SlopeCovariance: Double? = nil) {
        self.init(energyEV: energyEV, energyStderrEV: energyStderrEV, lnF0: log(f0Hz), lnF0Stderr: lnF0Stderr, count: count,
                  lnF0SlopeCovariance: lnF0SlopeCovariance)
    }

    /// The fit with intercept `lnF0`; f0 = exp(lnF0), +infinity where that overflows.
    public init(energyEV: Double, energyStderrEV: Double?, lnF0: Double, lnF0Stderr: Double?, count: Int,
                lnF0SlopeCovariance: Double? = nil) {
        self.energyEV = energyEV
        self.energyStderrEV = energyStderrEV
        self.lnF0 = lnF0
        self.f0Hz = exp(lnF0)
        self.lnF0Stderr = lnF0Stderr
        self.count = count
        self.lnF0SlopeCovariance = lnF0SlopeCovariance
    }

    /// OLS of ln f on 1/T (SPEC §4.2); nil with fewer than 2 pairs or a single temperature. A
    /// prefactor beyond a double keeps the fit (E is the determined slope): `f0Hz` is then
    /// +infinity (or 0), not ``f0Representable``, and `lnF0` the finite intercept.
    public static func fit(temperatureK: [Double], frequencyHz: [Double]) -> ArrheniusFit? {
        guard temperatureK.count == frequencyHz.count, temperatureK.count >= 2,
              temperatureK.allSatisfy({ $0 > 0 && $0.isFinite }), frequencyHz.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        // SPEC §4.2: slope of ln f against 1/T is −E/k_B.
        guard let line = LeastSquares.line(x: temperatureK.map { 1 / $0 }, y: frequencyHz.map { log($0) }) else { return nil }
        let k = Units.boltzmannEVPerK
        guard line.intercept.isFinite, line.slope.isFinite else { return nil }
        // OLS: cov(intercept, slope) = −mean(x)·var(slope), x = 1/T.
        let meanX = temperatureK.reduce(0) { $0 + 1 / $1 } / Double(temperatureK.count)
        return ArrheniusFit(energyEV: -line.slope * k, energyStderrEV: line.slopeStandardError.map { $0 * k },
                            lnF0: line.intercept, lnF0Stderr: line.interceptStandardError, count: temperatureK.count,
                            lnF0SlopeCovariance: line.slopeStandardError.map { -meanX * $0 * $0 })
    }

    /// ln f of the fitted line at T (K).
    public func lnFrequency(atK t: Double) -> Double {
        // log(f0) where a double holds f0 (the results of before, to the bit), else ln f0.
        (f0Representable ? log(f0Hz) : lnF0) - energyEV / (Units.boltzmannEVPerK * t)
    }

    /// Whether a double holds f0 = exp(ln f0): not where it overflows (`f0Hz` +infinity) or
    /// underflows (0).
    public var f0Representable: Bool { f0Hz.isFinite && f0Hz > 0 }
    /// f0 (Hz) where a double holds it, else nil (exported null).
    public var f0HzIfRepresentable: Double? { f0Representable ? f0Hz : nil }
}
